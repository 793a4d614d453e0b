/**
 * Golden cases for the rule-author tools: read from <rules>/cases/*.json, checked against the case
 * schema and the loaded rules, and evaluated with the evaluator the service uses.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { CaseFile, CASE_FILE_REFS } from '../schemas/case-file.js'
import type { LoadedRules } from '../domain/rules/load.js'
import { evaluate } from '../domain/evaluate.js'
import { FactsError } from '../errors.js'
import { errorsOf } from '../schemas/string-enum.js'

export interface ToolError {
  file: string
  rule?: string
  pointer: string
  message: string
}

export interface GoldenCase {
  /** Relative to the rules directory, e.g. cases/reference-dong.json. */
  file: string
  data: CaseFile
}

const caseCheck = TypeCompiler.Compile(CaseFile, CASE_FILE_REFS)

/** Every case file that parses and matches the case schema; the others as errors. */
export async function readCases (dir: string): Promise<{ cases: GoldenCase[], errors: ToolError[] }> {
  const names = await readdir(join(dir, 'cases')).catch(() => [] as string[])
  const cases: GoldenCase[] = []
  const errors: ToolError[] = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = `cases/${name}`
    let data: unknown
    try {
      data = JSON.parse(await readFile(join(dir, file), 'utf8'))
    } catch (err) {
      errors.push({ file, pointer: '', message: `not valid JSON: ${(err as Error).message}` })
      continue
    }
    if (caseCheck.Check(data)) {
      cases.push({ file, data })
      continue
    }
    const seen = new Set<string>()
    for (const { path, message } of [...caseCheck.Errors(data)].flatMap(errorsOf)) {
      if (seen.has(path)) continue
      seen.add(path)
      errors.push({ file, pointer: path, message })
    }
  }
  return { cases, errors }
}

/** The service's answer to a case, or the problems that kept it from answering (422 in the API). */
export async function evaluateCase (rules: LoadedRules, c: GoldenCase, run: typeof evaluate = evaluate): Promise<EvaluationResponse | ToolError[]> {
  try {
    return await run(rules, c.data.request as EvaluationRequest, { now: new Date(), decisionId: 'rules-tools' })
  } catch (err) {
    if (!(err instanceof FactsError)) throw err
    return err.problems.map((p) => ({ file: c.file, pointer: `/request${p.pointer}`, message: `the service refuses the request: ${p.message}` }))
  }
}

export type CaseOutcome = 'triggered' | 'not-triggered'

/**
 * What a case did to each rule it put to the test, from the evaluator's answer. A rule is put to the
 * test by a case when one of its conduct items has the rule set's conduct type. For one conduct item
 * the rule triggers when it is in `triggered`, is undetermined when in `undetermined`, and otherwise
 * does not trigger (it was ruled out, or it gave a finding: superseded, below threshold, outside the
 * encoded period, …). Over the case: triggering if it triggered for some item, else non-triggering
 * if it did not trigger for some item; a rule only ever undetermined is in neither.
 */
export function caseOutcomes (rules: LoadedRules, c: GoldenCase, res: EvaluationResponse): Map<string, CaseOutcome> {
  const out = new Map<string, CaseOutcome>()
  const at = (x: { ruleId: string, conductIndex: number }) => `${x.conductIndex} ${x.ruleId}`
  const triggered = new Set(res.triggered.map(at))
  const undetermined = new Set(res.undetermined.map(at))
  c.data.request.facts.conduct.forEach((item, conductIndex) => {
    for (const set of rules.byConductType.get(item.type)!) {
      for (const ruleId of set.rules.keys()) {
        const k = at({ ruleId, conductIndex })
        if (triggered.has(k)) out.set(ruleId, 'triggered')
        else if (!undetermined.has(k) && out.get(ruleId) !== 'triggered') out.set(ruleId, 'not-triggered')
      }
    }
  })
  return out
}

/** Where a loaded rule is held: its rule set file and JSON pointer. */
export function ruleLocation (rules: LoadedRules, ruleId: string): { file: string, pointer: string } {
  const set = rules.ruleIndex.get(ruleId)!
  return { file: set.file, pointer: `/rules/${set.set.rules.findIndex((r) => r.id === ruleId)}` }
}

export function formatError (e: ToolError): string {
  return `${e.file}${e.pointer === '' ? '' : ' ' + e.pointer}${e.rule === undefined ? '' : ` [${e.rule}]`}: ${e.message}`
}
