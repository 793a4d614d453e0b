/**
 * The case's classification: each triggered violation's range moved by the circumstances stated for
 * the whole case and for its conduct item, then 合并处理 and the no-party-post substitution
 * (./arithmetic.ts). The reported range is the one after every step; a sanction is recommended only
 * where that range is one sanction (./recommendation.ts). Every step is a code with the range before
 * and after, the clauses it rests on in the version in force at decision, and whether it is the
 * service's stated convention rather than a rule of the regulations.
 */
import type { EvaluationRequest } from '../../schemas/evaluation.js'
import type { ConductItem } from '../../schemas/facts.js'
import { clauseVersion, versionInForce, type Catalog } from '../rules/catalog.js'
import { sanctionFor, combine, substitute, graver, fixedSanction, type Outcome, type Step, type ViolationInput } from './arithmetic.js'
import { clauseOn, clausesAt } from './clauses.js'
import { recommendationOf, type ReadViolation } from './recommendation.js'
import type { Triggered, Undetermined } from './verdicts.js'
import type { ClassificationVerdict, StepVerdict } from './classification-verdict.js'

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

const union = (a: string[] | undefined, b: string[] | undefined) => [...new Set([...(a ?? []), ...(b ?? [])])]

/** The circumstances of the whole case apply to every conduct item; an item's own add to them, and its stated effect wins. */
function stated (req: EvaluationRequest, item: ConductItem) {
  const whole = req.facts.circumstances ?? {}
  return {
    mitigating: union(whole.mitigating, item.mitigating),
    aggravating: union(whole.aggravating, item.aggravating),
    mitigationEffect: item.mitigationEffect ?? whole.mitigationEffect,
    aggravationEffect: item.aggravationEffect ?? whole.aggravationEffect
  }
}

/** One violation's own steps (mitigation, aggravation), and the circumstances the version does not list. */
function violation (t: Triggered, x: Input, steps: StepVerdict[]): { outcome: Outcome, input: ViolationInput } {
  const item = x.req.facts.conduct[t.ref.conductIndex]
  const s = stated(x.req, item)
  const mitigating = listed(x.catalog, ['ccp.mitigation', 'ccp.cooperation'], x.decisionDate, s.mitigating)
  const aggravating = listed(x.catalog, ['ccp.aggravation', 'ccp.aggravation-repeat'], x.decisionDate, s.aggravating)
  const statutory = t.statutory.some((a) => a.effect === 'heavier-or-aggravated') ? 'heavier-or-aggravated' as const : t.statutory.length > 0 ? 'heavier' as const : null
  const leader = item.jointRole === 'leader'
  const input: ViolationInput = {
    range: t.range, mitigating: mitigating.clauses, aggravating: aggravating.clauses, leader, statutory, mitigationEffect: s.mitigationEffect, aggravationEffect: s.aggravationEffect
  }
  const { outcome, steps: own } = sanctionFor(input)
  const { ruleId, conductIndex } = t.ref
  for (const o of own) {
    const step = stepOf(o, x)
    // A heavier or aggravated step that rests on the article's own aggravation also cites that paragraph.
    if ((o.step === 'heavier' || o.step === 'aggravated') && statutory !== null) step.clauses.push(...t.statutory.flatMap((a) => a.clauses))
    Object.assign(step, { ruleId, conductIndex, mitigating: mitigating.covered, aggravating: aggravating.covered, leader, statutory: statutory !== null, range: t.range })
    steps.push(step)
  }
  const ignored = [...mitigating.ignored, ...aggravating.ignored]
  if (ignored.length > 0) {
    steps.push({ code: 'circumstance-not-listed', ruleId, conductIndex, from: outcome, to: outcome, clauses: clausesAt(['ccp.mitigation', 'ccp.aggravation'].map((id) => clauseOn(x.catalog, id, x.decisionDate))), assumption: false, ignored })
  }
  return { outcome, input }
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
    return { status: provisional ? 'undetermined' : 'no-sanction-proposed', provisional, range: null, recommended: null, recommendation: recommendationOf(null, []), basis: [], steps: [], referral, missing: [] }
  }
  const steps: StepVerdict[] = []
  const read: ReadViolation[] = []
  // Each rule is one violation; the same rule on several conduct items is one continuing or repeated violation.
  const byRule = new Map<string, Outcome>()
  for (const t of x.triggered) {
    const { outcome, input } = violation(t, x, steps)
    read.push({ triggered: t, input })
    byRule.set(t.ref.ruleId, byRule.has(t.ref.ruleId) ? graver(byRule.get(t.ref.ruleId)!, outcome) : outcome)
  }
  const combined = combine([...byRule.values()])
  const count = [...byRule.values()].filter((o) => o !== null).length
  for (const s of combined.steps) steps.push({ ...stepOf(s, x), count })
  const final = substitute(combined.outcome, x.req.facts.subject.holdsPartyPost)
  for (const s of final.steps) steps.push(stepOf(s, x))
  const missing = final.steps.some((s) => s.step === 'no-party-post-unknown') ? ['/facts/subject/holdsPartyPost'] : []
  if (byRule.size > 1 || combined.steps.length > 0) steps.push({ code: 'order-of-steps', from: final.outcome, to: final.outcome, clauses: [], assumption: true })
  // An open graver tier can only make the outcome heavier, so at expulsion alone it changes nothing.
  const openTiers = x.triggered.some((t) => t.openTiers.length > 0) && final.outcome?.min !== 'expulsion'
  return {
    status: final.outcome === null ? 'exemption-proposed' : 'sanction-proposed',
    provisional: x.undetermined.length > 0 || missing.length > 0 || openTiers,
    range: final.outcome,
    recommended: fixedSanction(final.outcome),
    recommendation: recommendationOf(final.outcome, read),
    basis: x.triggered.map((t) => ({ ruleId: t.ref.ruleId, conductIndex: t.ref.conductIndex })),
    steps,
    referral,
    missing
  }
}
