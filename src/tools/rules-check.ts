/**
 * `npm run rules:check [dir]`: every check a rules directory must pass before it ships, all problems
 * listed, each with its file, rule and JSON pointer; exit code 1 when there is any.
 *
 *  1. What the service checks when it loads rules (src/domain/rules/load.ts, src/domain/rules/check.ts): each
 *     file against its schema; ids unique; every cited clause in the catalog and with a text in the
 *     versions the rule applies; every fact in the facts vocabulary; no rule that can never fire.
 *  2. Each golden case (cases/*.json) against the case schema; its provisions in the catalog; the
 *     rules it names exist; the service accepts its request.
 *  3. Every rule has at least one triggering and one non-triggering golden case, counted from what
 *     the evaluator actually answers for each case (caseOutcomes in ./cases.ts).
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'
import { RulesLoadError } from '../errors.js'
import { BUNDLED_RULES_DIR } from '../paths.js'
import { readCases, evaluateCase, caseOutcomes, ruleLocation, formatError, type ToolError, type GoldenCase } from './cases.js'
import { isMain } from './cli.js'
import { REQUIRED_CLAUSES } from '../domain/rules/required-clauses.js'

export interface CheckResult {
  errors: ToolError[]
  output: string
}

/** The rule id a pointer /rules/<i>/… of a rule set file points into, if the file says (it parsed: the loader read it). */
function ruleAt (dir: string, file: string, pointer: string): string | undefined {
  const m = /^\/rules\/(\d+)(\/|$)/.exec(pointer)
  if (m === null) return undefined
  const id = JSON.parse(readFileSync(join(dir, file), 'utf8')).rules[Number(m[1])]?.id
  return typeof id === 'string' ? id : undefined
}

function checkProvisions (rules: LoadedRules, c: GoldenCase, errors: ToolError[]): void {
  c.data.provisions.forEach((p, i) => {
    const [id, version] = p.split('@')
    const clause = rules.catalog.clauses.get(id)
    if (clause === undefined) errors.push({ file: c.file, pointer: `/provisions/${i}`, message: `clause '${id}' is not in the catalog` })
    else if (version !== undefined && ![...clause.versions, ...(clause.absent ?? [])].some((v) => v.version === version)) {
      errors.push({ file: c.file, pointer: `/provisions/${i}`, message: `clause '${id}' has no version '${version}', encoded or marked absent` })
    }
  })
  const named: Array<[string, string]> = [
    ...c.data.expect.triggered.map((x, i): [string, string] => [x.ruleId, `/expect/triggered/${i}/ruleId`]),
    ...c.data.expect.undetermined.map((x, i): [string, string] => [x.ruleId, `/expect/undetermined/${i}/ruleId`]),
    ...c.data.expect.findings.map((x, i): [string, string] => [x.ruleId, `/expect/findings/${i}/ruleId`]),
    ...(c.data.expect.notTriggered ?? []).map((x, i): [string, string] => [x, `/expect/notTriggered/${i}`])
  ]
  for (const [ruleId, pointer] of named) {
    if (!rules.ruleIndex.has(ruleId)) errors.push({ file: c.file, rule: ruleId, pointer, message: `no rule set has a rule '${ruleId}'` })
  }
}

export async function checkRules (dir: string): Promise<CheckResult> {
  const errors: ToolError[] = []
  const lines: string[] = []
  let rules: LoadedRules | undefined
  try {
    rules = await loadRules(dir)
  } catch (err) {
    /* c8 ignore next -- loadRules turns every fault of the files into a RulesLoadError; anything else is a bug, not a rules problem */
    if (!(err instanceof RulesLoadError)) throw err
    for (const p of err.problems) errors.push({ ...p, ...withRule(ruleAt(dir, p.file, p.pointer)) })
  }
  const { cases, errors: caseErrors } = await readCases(dir)
  errors.push(...caseErrors)

  if (rules === undefined) {
    lines.push('The rules do not load, so the golden cases were not evaluated.')
  } else {
    const triggering = new Map<string, number>()
    const nonTriggering = new Map<string, number>()
    const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1)
    for (const c of cases) {
      checkProvisions(rules, c, errors)
      const res = await evaluateCase(rules, c)
      if (Array.isArray(res)) {
        errors.push(...res)
        continue
      }
      for (const [id, outcome] of caseOutcomes(rules, c, res)) bump(outcome === 'triggered' ? triggering : nonTriggering, id)
    }
    for (const [id] of rules.ruleIndex) {
      const at = ruleLocation(rules, id)
      if (!triggering.has(id)) errors.push({ ...at, rule: id, message: 'no golden case triggers this rule (add one under cases/ where it is in expect.triggered)' })
      if (!nonTriggering.has(id)) errors.push({ ...at, rule: id, message: 'no golden case where this rule is considered and does not trigger (add one where it is ruled out or gives a finding)' })
    }
    lines.push(auditedLine(rules))
    lines.push(`${rules.ruleIndex.size} rules in ${rules.ruleSets.size} rule sets; ${cases.length} golden cases evaluated.`)
  }
  lines.unshift(...errors.map(formatError))
  lines.push(errors.length === 0 ? 'rules:check: ok' : `rules:check: ${errors.length} problem${errors.length === 1 ? '' : 's'}`)
  return { errors, output: lines.join('\n') + '\n' }
}

/** What the load audited of the legal scope, and what it could not (articles whose paragraphs were not counted). */
function auditedLine (rules: LoadedRules): string {
  const versions = [...rules.catalog.clauses.values()].flatMap((c) => c.versions)
  const counted = versions.filter((v) => v.paragraphs !== undefined).length
  return `audited: every source id against ${rules.sources.size} sources; ${REQUIRED_CLAUSES.length} clauses the code cites, in every version a rule applies; ` +
    `the article and item numbers of ${versions.length} clause versions; the paragraph of the ${counted} whose article's paragraphs were counted ` +
    `(${versions.length - counted} not counted, their paragraph not audited).`
}

function withRule (rule: string | undefined): { rule?: string } {
  return rule === undefined ? {} : { rule }
}

/** `rules-check [dir]`: writes the report, returns the exit code. */
export async function main (argv: string[], write: (text: string) => void): Promise<number> {
  const dir = argv[0] === undefined ? BUNDLED_RULES_DIR : resolve(argv[0])
  const { errors, output } = await checkRules(dir)
  write(output)
  return errors.length === 0 ? 0 : 1
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2), (text) => process.stdout.write(text))
