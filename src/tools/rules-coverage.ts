/**
 * `npm run rules:coverage [dir]`: which golden cases hit which rules and which leaf conditions, and
 * what no case exercises. A report: it exits 0 whenever the rules load.
 *
 * Every case is evaluated as the service would (rule outcomes: triggered, not triggered, undetermined,
 * finding; see caseOutcomes in ./cases.ts), and every conduct item is run through the engines of its
 * conduct type to read each leaf condition's result: true, false, or unknown when its fact is absent.
 * A leaf (in a rule's conditions, its elementsByVersion, indicators, note and adjustment conditions,
 * and in the shared conditions they refer to, where they refer to them) is exercised when some case
 * made it true and some case made it false. Each rule's golden cases are listed by what the case gave
 * it: triggered, ruled out, a finding, undetermined; so a rule's cases are found without grepping.
 */
import { resolve } from 'node:path'
import type { Condition } from '../schemas/rules-data.js'
import type { EvaluationResponse } from '../schemas/evaluation.js'
import { foldCondition, leavesOf } from '../domain/rules/walk.js'
import { expandReferences } from '../domain/rules/shared-conditions.js'
import { loadRules, type LoadedRules, type LoadedRuleSet } from '../domain/rules/load.js'
import { RulesLoadError } from '../errors.js'
import { runAll, engineRules } from '../domain/decide/engine.js'
import { tri, type EvaluatedCondition } from '../domain/decide/conditions.js'
import { flattenFacts } from '../domain/rules/vocabulary.js'
import { BUNDLED_RULES_DIR } from '../paths.js'
import { readCases, evaluateCase, caseOutcomes, formatError, type GoldenCase } from './cases.js'
import { isMain } from './cli.js'
import { render, type CoverageReport, type LeafCoverage, type RuleCoverage } from './coverage-text.js'

export type { CoverageReport, LeafCoverage, RuleCoverage }

type Leaf = Extract<Condition, { fact: string }>
type Visit = (pointer: string, leaf: Leaf, r: EvaluatedCondition) => void

/**
 * Calls visit for each leaf of an authored tree (references expanded) with the engine's result for it.
 * The result tree has the authored shape (a shared condition is written out in place, as expandReferences
 * writes it), except that json-rules-engine wants a boolean operator on top of a rule, so a rule whose
 * elements are a single leaf comes back wrapped in an `all`.
 */
function walk (c: Condition, pointer: string, visit: Visit): (r: EvaluatedCondition) => void {
  return foldCondition<Condition, (r: EvaluatedCondition) => void>(c, {
    leaf: (leaf, p) => (r) => visit(p, leaf as Leaf, r.fact === undefined && r.all?.length === 1 ? r.all[0] : r),
    all: (children) => (r) => children.forEach((f, i) => f((r.all as EvaluatedCondition[])[i])),
    any: (children) => (r) => children.forEach((f, i) => f((r.any as EvaluatedCondition[])[i])),
    not: (child) => (r) => child(r.not as EvaluatedCondition)
  }, pointer)
}

/** Every rule with its leaves (references expanded), not yet counted; leaves indexed by file and pointer. */
function emptyCoverage (rules: LoadedRules): { cov: Map<string, RuleCoverage>, leafIndex: Map<string, LeafCoverage> } {
  const cov = new Map<string, RuleCoverage>()
  const leafIndex = new Map<string, LeafCoverage>()
  for (const [, set] of rules.ruleSets) {
    set.set.rules.forEach((rule, i) => {
      const rc: RuleCoverage = { rule: rule.id, file: set.file, triggeredBy: [], notTriggeredBy: [], undeterminedIn: [], ruledOutIn: [], findingIn: [], leaves: [] }
      cov.set(rule.id, rc)
      for (const t of engineRules(rule, `/rules/${i}`)) {
        for (const { leaf, pointer } of leavesOf(expandReferences(t.conditions, rules.sharedConditions), t.pointer)) {
          const { fact, operator, value } = leaf as Leaf
          const lc: LeafCoverage = { file: set.file, rule: rule.id, pointer, text: `${fact} ${operator} ${JSON.stringify(value)}`, trueIn: 0, falseIn: 0 }
          rc.leaves.push(lc)
          leafIndex.set(`${set.file}#${pointer}`, lc)
        }
      }
    })
  }
  return { cov, leafIndex }
}

/** Counts one case's answer for every rule it puts to the test. */
function countCase (rules: LoadedRules, c: GoldenCase, res: EvaluationResponse, cov: Map<string, RuleCoverage>): void {
  const outcomes = caseOutcomes(rules, c, res)
  // The conduct items each rule set looks at, by set file.
  const itemsOf = new Map<string, Set<number>>()
  c.data.request.facts.conduct.forEach((item, i) => {
    for (const set of rules.byConductType.get(item.type)!) itemsOf.set(set.file, (itemsOf.get(set.file) ?? new Set()).add(i))
  })
  for (const [id, rc] of cov) {
    const outcome = outcomes.get(id)
    if (outcome === 'triggered') rc.triggeredBy.push(c.file)
    else if (outcome === 'not-triggered') rc.notTriggeredBy.push(c.file)
    else if (res.undetermined.some((u) => u.ruleId === id)) rc.undeterminedIn.push(c.file)
    if (outcome !== undefined) listCase(rc, c, itemsOf.get(rc.file)!, res)
  }
}

export async function coverageReport (dir: string): Promise<CoverageReport> {
  const rules: LoadedRules = await loadRules(dir)
  const { cases } = await readCases(dir)
  const skipped: string[] = []
  const problems: string[] = []
  const { cov, leafIndex } = emptyCoverage(rules)
  for (const c of cases) {
    const res = await evaluateCase(rules, c)
    if (Array.isArray(res)) {
      skipped.push(c.file)
      problems.push(...res.map(formatError))
      continue
    }
    countCase(rules, c, res, cov)
    // Per leaf: true or false in this case if some conduct item made it so.
    const seen = new Map<LeafCoverage, Set<string>>()
    for (const item of c.data.request.facts.conduct) {
      const facts = flattenFacts(c.data.request.facts.subject, item)
      for (const set of rules.byConductType.get(item.type)!) await leafResults(set, facts, rules.sharedConditions, leafIndex, seen)
    }
    for (const [lc, values] of seen) {
      if (values.has('true')) lc.trueIn++
      if (values.has('false')) lc.falseIn++
    }
  }
  const report = { cases: cases.length - skipped.length, skipped, rules: [...cov.values()] }
  return { ...report, output: render({ ...report, skipped: problems }) }
}

/**
 * Files a case under each answer it gave the rule for some conduct item of the rule's type: a finding,
 * or ruled out when the item is in none of triggered, undetermined and findings (triggered and
 * undetermined are counted above).
 */
function listCase (rc: RuleCoverage, c: GoldenCase, types: ReadonlySet<number>, res: EvaluationResponse): void {
  const at = (x: { ruleId: string, conductIndex: number }) => x.ruleId === rc.rule && types.has(x.conductIndex)
  const answered = new Set([...res.triggered, ...res.undetermined, ...res.findings].filter(at).map((x) => x.conductIndex))
  if (res.findings.some(at)) rc.findingIn.push(c.file)
  if ([...types].some((i) => !answered.has(i))) rc.ruledOutIn.push(c.file)
}

async function leafResults (set: LoadedRuleSet, facts: Record<string, unknown>, shared: LoadedRules['sharedConditions'], leafIndex: Map<string, LeafCoverage>, seen: Map<LeafCoverage, Set<string>>): Promise<void> {
  const outcomes = await runAll(set.engines, facts)
  set.set.rules.forEach((rule, i) => {
    for (const t of engineRules(rule, `/rules/${i}`)) {
      walk(expandReferences(t.conditions, shared), t.pointer, (pointer, _leaf, r) => {
        const lc = leafIndex.get(`${set.file}#${pointer}`)!
        const values = seen.get(lc) ?? new Set<string>()
        values.add(tri(r))
        seen.set(lc, values)
      })(outcomes.get(t.name)!.conditions)
    }
  })
}

/** `rules-coverage [dir]`: writes the report; 0 unless the rules do not load. */
export async function main (argv: string[], write: (text: string) => void): Promise<number> {
  const dirArg = argv.find((a) => !a.startsWith('--'))
  try {
    write((await coverageReport(dirArg === undefined ? BUNDLED_RULES_DIR : resolve(dirArg))).output)
    return 0
  } catch (err) {
    /* c8 ignore next -- loadRules turns every fault of the files into a RulesLoadError; anything else is a bug, not a rules problem */
    if (!(err instanceof RulesLoadError)) throw err
    write(`${err.message}\nrules:coverage: the rules do not load (npm run rules:check lists every problem)\n`)
    return 1
  }
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2), (text) => process.stdout.write(text))
