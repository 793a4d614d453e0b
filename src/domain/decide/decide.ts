/**
 * Deciding: check what the schema cannot (dates in order, rule ids that exist), run every rule set
 * that looks at each conduct item through json-rules-engine, decide each rule, resolve overlaps
 * between rules (a rule that yields to another that fires is superseded), and classify. The answer
 * is verdicts: data without words (./verdicts.ts); src/domain/render writes them.
 */
import type { EvaluationRequest } from '../../schemas/evaluation.js'
import { CONDUCT_DETAILS } from '../../schemas/facts.js'
import type { LoadedRules, LoadedRuleSet } from '../rules/load.js'
import { flattenFacts } from '../rules/vocabulary.js'
import { aliasProblems } from '../rules/aliases.js'
import { FactsError, type FactProblem } from '../../errors.js'
import { almanacFor, runOn, type Outcome } from './engine.js'
import { decideRule } from './rule.js'
import { readSeries, type ItemRun } from './series.js'
import { classify } from './classify.js'
import { clauseOn, clausesAt } from './clauses.js'
import type { RuleVerdict, Verdicts } from './verdicts.js'
import type { Rule } from '../../schemas/rules-data.js'
import type { TierTest } from '../../schemas/codes.js'
import type { Engine } from 'json-rules-engine'

export interface DecideContext {
  /** Today, for the default decision date. */
  now: Date
}

/** The fields of a conduct item that hold the details of one conduct type. */
const DETAIL_FIELDS = Object.values(CONDUCT_DETAILS)

function check (rules: LoadedRules, req: EvaluationRequest, decisionDate: string): void {
  const problems: FactProblem[] = []
  req.facts.conduct.forEach((item, i) => {
    const at = `/facts/conduct/${i}`
    const { start, end } = item.period
    const detail = CONDUCT_DETAILS[item.type]
    // No rule set for the type is no answer, never an empty one that reads as "no violation".
    if (rules.byConductType.get(item.type)!.length === 0) problems.push({ pointer: `${at}/type`, message: `no rule set for conduct of type '${item.type}' is loaded, so it cannot be evaluated (GET /v1/rulesets lists the rule sets)` })
    if (start !== undefined && end !== undefined && end < start) problems.push({ pointer: `${at}/period/end`, message: 'ends before it starts' })
    for (const other of DETAIL_FIELDS) {
      if (other !== detail && item[other] !== undefined) problems.push({ pointer: `${at}/${other}`, message: `does not belong to conduct of type '${item.type}' (expected '${detail}')` })
    }
    if (end !== undefined && end > decisionDate) problems.push({ pointer: `${at}/period/end`, message: 'ends after the decision date (options.decisionDate, default today)' })
    else if (start !== undefined && start > decisionDate) problems.push({ pointer: `${at}/period/start`, message: 'starts after the decision date (options.decisionDate, default today)' })
    if (item[detail] === undefined) problems.push({ pointer: `${at}/${detail}`, message: `required for conduct of type '${item.type}'` })
    problems.push(...aliasProblems(item, at))
    for (const [ruleId, stated] of Object.entries(item.statedCircumstances ?? {})) {
      const set = rules.ruleIndex.get(ruleId)
      if (set === undefined || set.set.conductType !== item.type) {
        problems.push({ pointer: `${at}/statedCircumstances/${ruleId}`, message: `no rule '${ruleId}' applies to conduct of type '${item.type}' (GET /v1/rulesets lists the rules)` })
      } else if (typeof stated === 'object') problems.push(...testProblems(rules, set.rules.get(ruleId)!, stated, `${at}/statedCircumstances/${ruleId}`))
    }
  })
  if (problems.length > 0) throw new FactsError(problems)
}

/** A test stated for a rule whose article has it in no version (the value is never echoed). */
function testProblems (rules: LoadedRules, rule: Rule, stated: object, at: string): FactProblem[] {
  // A rule's clause is an offence, and the loader refuses an offence version without tiers.
  const has = new Set(rules.catalog.clauses.get(rule.clause)!.versions.flatMap((v) => v.tiers!.map((t) => t.test)))
  return Object.keys(stated).filter((test) => !has.has(test as TierTest)).map((test) => ({
    pointer: `${at}/${test}`,
    message: `the article of rule '${rule.id}' has no tier with this test in any version (its tests: ${[...has].join(', ')})`
  }))
}

/**
 * Of a conduct type's rule sets, gathered once per list of sets: the parts of the combined auxiliary
 * rules, and each rule that has an auxiliary engine with that engine (a list walked on every conduct item).
 */
interface Prepared {
  parts: ReadonlyMap<string, string[]>
  auxiliary: ReadonlyArray<{ ruleId: string, engine: Engine }>
}
const PREPARED = new WeakMap<LoadedRuleSet[], Prepared>()

function prepared (sets: LoadedRuleSet[]): Prepared {
  let p = PREPARED.get(sets)
  if (p === undefined) {
    p = {
      parts: new Map(sets.flatMap((s) => [...s.engines.parts])),
      auxiliary: sets.flatMap((s) => s.set.rules.flatMap((r) => {
        const engine = s.engines.auxiliary.get(r.id)
        return engine === undefined ? [] : [{ ruleId: r.id, engine }]
      }))
    }
    PREPARED.set(sets, p)
  }
  return p
}

/**
 * Every engine rule's outcome for one conduct item: the element engines of its rule sets, then the
 * auxiliary engines of the rules whose elements are not false.
 */
export async function outcomesFor (sets: LoadedRuleSet[], facts: Record<string, unknown>): Promise<Map<string, Outcome>> {
  const almanac = almanacFor(facts)
  const out = new Map<string, Outcome>()
  const { parts, auxiliary } = prepared(sets)
  await runOn(almanac, sets.map((s) => s.engines.elements), parts, out)
  const engines: Engine[] = []
  for (const a of auxiliary) if (out.get(a.ruleId)!.value !== 'false') engines.push(a.engine)
  if (engines.length > 0) await runOn(almanac, engines, parts, out)
  return out
}

/** Gathers one conduct item's verdicts; a triggered rule that yields to a rule firing on the same item is superseded. */
type Lists = Pick<Verdicts, 'triggered' | 'undetermined' | 'findings' | 'notTriggered'>

function gather (v: Lists, results: RuleVerdict[], rules: LoadedRules, decisionDate: string): void {
  const firing = new Set(results.flatMap((r) => r.status === 'triggered' ? [r.ref.ruleId] : []))
  for (const r of results) {
    if (r.status === 'triggered') {
      const over = r.yieldsTo.find((y) => firing.has(y.rule))
      if (over === undefined) v.triggered.push(r)
      else {
        v.findings.push({ ref: r.ref, status: 'superseded', by: over.rule, circumstance: r.circumstance, clauses: clausesAt([r.clauses[0], clauseOn(rules.catalog, over.clause, decisionDate)]) })
      }
    } else if (r.status === 'undetermined') v.undetermined.push(r)
    else if (r.status === 'not-triggered') v.notTriggered.push(r)
    else v.findings.push(r)
  }
}

export async function decide (rules: LoadedRules, req: EvaluationRequest, ctx: DecideContext): Promise<Verdicts> {
  const decisionDate = req.options?.decisionDate ?? ctx.now.toISOString().slice(0, 10)
  check(rules, req, decisionDate)
  const explain = req.options?.explain ?? 'summary'
  const v: Lists = { triggered: [], undetermined: [], findings: [], notTriggered: [] }
  const runs: ItemRun[] = []
  for (const [conductIndex, conduct] of req.facts.conduct.entries()) {
    const sets = rules.byConductType.get(conduct.type)!
    const outcomes = await outcomesFor(sets, flattenFacts(req.facts.subject, conduct))
    const results: RuleVerdict[] = []
    for (const loaded of sets) {
      for (const rule of loaded.set.rules) {
        const r = decideRule(rule, { catalog: rules.catalog, ruleSet: loaded.set.id, conductIndex, conduct, outcomes, decisionDate, explain })
        // The rules not triggered are listed only with explain: full.
        if (r.status !== 'not-triggered' || explain === 'full') results.push(r)
      }
    }
    runs.push({ conductIndex, conduct, outcomes, results })
  }
  // A rule on several items: one series, read at its last act (./series.ts).
  if (runs.length > 1) readSeries(runs, rules, decisionDate, explain)
  // A member decided again is never ruled out: it triggers in the version at its own end, and the series' last member in the series' version.
  for (const run of runs) gather(v, run.results, rules, decisionDate)
  const classification = classify({ req, triggered: v.triggered, undetermined: v.undetermined, catalog: rules.catalog, decisionDate })
  return { rulesRevision: rules.revision, decisionDate, explain, triggered: v.triggered, undetermined: v.undetermined, findings: v.findings, notTriggered: v.notTriggered, classification }
}
