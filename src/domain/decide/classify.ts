/**
 * The case's classification: each triggered violation's sanction worked out from its range and the
 * circumstances stated for its conduct item, then 合并处理 and the no-party-post substitution
 * (./arithmetic.ts). Every step is a code with its from/to, the clauses it rests on in the version in
 * force at decision, and whether it is the service's documented default rather than a rule of the
 * regulations.
 */
import type { EvaluationRequest } from '../../schemas/evaluation.js'
import { clauseVersion, versionInForce, type Catalog } from '../rules/catalog.js'
import { compareRanges, rank } from './ladder.js'
import { sanctionFor, combine, substitute, type Proposal, type Step } from './arithmetic.js'
import { clauseOn, clausesAt } from './clauses.js'
import type { ClassificationVerdict, StepVerdict, Triggered, Undetermined } from './verdicts.js'

interface Input {
  req: EvaluationRequest
  triggered: Triggered[]
  undetermined: Undetermined[]
  catalog: Catalog
  decisionDate: string
}

/** The circumstance codes that the general provisions list, in the version in force at decision. */
function listed (catalog: Catalog, clauseIds: string[], decisionDate: string, codes: string[]): { covered: string[], ignored: string[], clauses: string[] } {
  const coverage = clauseIds.map((id) => {
    const clause = catalog.clauses.get(id)!
    // A rule was triggered, so the decision date lies within an encoded version.
    const iv = versionInForce(catalog.instruments.get(clause.instrument)!, decisionDate)!
    return { id, covers: clauseVersion(clause, iv.version)?.covers ?? [] }
  })
  const isCovered = (c: string) => coverage.some((x) => x.covers.includes(c))
  return {
    covered: codes.filter(isCovered),
    ignored: codes.filter((c) => !isCovered(c)),
    clauses: coverage.filter((x) => codes.some((c) => x.covers.includes(c))).map((x) => x.id)
  }
}

/** One violation's own steps (starting point, mitigation, aggravation), and the circumstances the version does not list. */
function violation (t: Triggered, x: Input, steps: StepVerdict[]): Proposal {
  const item = x.req.facts.conduct[t.ref.conductIndex]
  const mitigating = listed(x.catalog, ['ccp.mitigation'], x.decisionDate, item.mitigating ?? [])
  const aggravating = listed(x.catalog, ['ccp.aggravation', 'ccp.aggravation-repeat'], x.decisionDate, item.aggravating ?? [])
  const statutory = t.statutory.some((a) => a.effect === 'heavier-or-aggravated') ? 'heavier-or-aggravated' as const : t.statutory.length > 0 ? 'heavier' as const : null
  const leader = item.jointRole === 'leader'
  const { outcome, steps: own } = sanctionFor({
    range: t.range, mitigating: mitigating.covered.length > 0, aggravating: aggravating.clauses, leader, statutory, mitigationEffect: item.mitigationEffect, aggravationEffect: item.aggravationEffect
  })
  const { ruleId, conductIndex } = t.ref
  for (const s of own) {
    const step = stepOf(s, x)
    // A heavier or aggravated step that rests on the article's own aggravation also cites that paragraph.
    if ((s.step === 'heavier' || s.step === 'aggravated') && statutory !== null) step.clauses.push(...t.statutory.flatMap((a) => a.clauses))
    step.ruleId = ruleId
    step.conductIndex = conductIndex
    step.mitigating = mitigating.covered
    step.aggravating = aggravating.covered
    step.leader = leader
    step.statutory = statutory !== null
    step.range = t.range
    steps.push(step)
  }
  const ignored = [...mitigating.ignored, ...aggravating.ignored]
  if (ignored.length > 0) {
    steps.push({ code: 'circumstance-not-listed', ruleId, conductIndex, from: outcome, to: outcome, clauses: clausesAt(['ccp.mitigation', 'ccp.aggravation'].map((id) => clauseOn(x.catalog, id, x.decisionDate))), assumption: false, ignored })
  }
  return outcome
}

const stepOf = (s: Step, x: Input): StepVerdict => ({ code: s.step, from: s.from, to: s.to, clauses: clausesAt(s.clauses.map((id) => clauseOn(x.catalog, id, x.decisionDate))), assumption: s.assumption })

function referralOf (triggered: Triggered[]): ClassificationVerdict['referral'] {
  const referring = triggered.filter((t) => t.referral !== undefined)
  return referring.length === 0 ? null : { rules: referring.map((t) => t.ref.ruleId), clauses: referring[0].referral!.clauses }
}

export function classify (x: Input): ClassificationVerdict {
  const referral = referralOf(x.triggered)
  if (x.triggered.length === 0) {
    const provisional = x.undetermined.length > 0
    return { status: provisional ? 'undetermined' : 'no-sanction-proposed', provisional, range: null, recommended: null, basis: [], steps: [], referral, missing: [] }
  }
  const steps: StepVerdict[] = []
  // Each rule is one violation; the same rule on several conduct items is one continuing or repeated violation.
  const byRule = new Map<string, Proposal>()
  for (const t of x.triggered) {
    const outcome = violation(t, x, steps)
    const before = byRule.get(t.ref.ruleId)
    byRule.set(t.ref.ruleId, before === undefined || (outcome !== null && (before === null || rank(outcome) > rank(before))) ? outcome : before)
  }
  const combined = combine([...byRule.values()])
  const count = [...byRule.values()].filter((o) => o !== null).length
  for (const s of combined.steps) {
    const step = stepOf(s, x)
    step.count = count
    steps.push(step)
  }
  const final = substitute(combined.outcome, x.req.facts.subject.holdsPartyPost)
  for (const s of final.steps) steps.push(stepOf(s, x))
  const missing = final.steps.some((s) => s.step === 'no-party-post-unknown') ? ['/facts/subject/holdsPartyPost'] : []
  if (byRule.size > 1 || combined.steps.length > 0) steps.push({ code: 'order-of-steps', from: final.outcome, to: final.outcome, clauses: [], assumption: true })
  const worst = [...x.triggered].sort((a, b) => compareRanges(a.range, b.range)).at(-1)!
  return {
    status: final.outcome === null ? 'exemption-proposed' : 'sanction-proposed',
    provisional: x.undetermined.length > 0 || missing.length > 0,
    range: worst.range,
    recommended: final.outcome,
    basis: x.triggered.map((t) => ({ ruleId: t.ref.ruleId, conductIndex: t.ref.conductIndex })),
    steps,
    referral,
    missing
  }
}
