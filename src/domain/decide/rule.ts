/**
 * One rule against one conduct item: the elements (three-valued), the version in force when the
 * conduct ended and the one in force at decision (从旧兼从轻), the circumstance (stated, inferred or
 * default), and the article's tier in the version applied. The answer is a verdict: data, no words.
 */
import type { Rule, Clause, Instrument } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'
import type { Catalog } from '../rules/catalog.js'
import { versionInForce, clauseVersion } from '../rules/catalog.js'
import { pointerFor } from '../rules/vocabulary.js'
import { deciding, decidingLeaves, type Tri } from './conditions.js'
import { key, type Outcome } from './engine.js'
import { rangeOf } from './ladder.js'
import { readTest, tierIn, chooseVersion, outcomeOf, type Tier, type VersionTier } from './circumstance.js'
import type { TierTest } from '../../schemas/codes.js'
import { clauseAt, clauseOn, clausesAt } from './clauses.js'
import type { RuleRef, RuleVerdict, Triggered, UndeterminedReason, Finding, VersionReason, TestVerdict, Versions, ClauseAt, PendingClause } from './verdicts.js'

export interface RuleContext {
  catalog: Catalog
  ruleSet: string
  conductIndex: number
  conduct: ConductItem
  outcomes: ReadonlyMap<string, Outcome>
  /** The decision date: it selects the later version for 从旧兼从轻 and the general provisions cited. */
  decisionDate: string
  /** The rules not triggered carry the facts that rule them out only with 'full'; 'none' drops `because`. */
  explain: ExplainLevel
}

/** A pointer for a fact name; statedCircumstances keys are rule ids and keep their dots (a test follows a slash). */
function pointer (name: string, conductIndex: number): string {
  const stated = 'conduct.statedCircumstances.'
  return name.startsWith(stated) ? `/facts/conduct/${conductIndex}/statedCircumstances/${name.slice(stated.length)}` : pointerFor(name, conductIndex)
}

/** The rule's elements in one version: its conditions AND that version's extra elements, if any. */
function elementsAt (rule: Rule, ctx: RuleContext, version: string): Outcome {
  const base = ctx.outcomes.get(key.rule(rule.id)) as Outcome
  if (rule.elementsByVersion?.[version] === undefined) return base
  const extra = ctx.outcomes.get(key.version(rule.id, version)) as Outcome
  const value: Tri = base.value === 'false' || extra.value === 'false' ? 'false' : base.value === 'unknown' || extra.value === 'unknown' ? 'unknown' : 'true'
  return { value, conditions: { all: [base.conditions, extra.conditions] } }
}

// The verdicts are built without object spread: on Node 20 a spread into a literal costs microseconds,
// more than the rest of a rule's verdict.
const refOf = (rule: Rule, ctx: RuleContext): RuleRef =>
  ({ ruleId: rule.id, ruleSet: ctx.ruleSet, conductIndex: ctx.conductIndex, conductId: ctx.conduct.id })

const notTriggered = (rule: Rule, ctx: RuleContext, o: Outcome): RuleVerdict =>
  ({ ref: refOf(rule, ctx), status: 'not-triggered', failed: ctx.explain === 'full' ? decidingLeaves(o.conditions, 'false') : undefined })

const undetermined = (rule: Rule, ctx: RuleContext, reason: UndeterminedReason, names: string[]): RuleVerdict =>
  ({ ref: refOf(rule, ctx), status: 'undetermined', reason, missing: names.map((n) => pointer(n, ctx.conductIndex)) })

type FindingOf = Omit<Finding, 'ref'>

const finding = (rule: Rule, ctx: RuleContext, f: FindingOf): RuleVerdict => {
  const v = f as Finding
  v.ref = refOf(rule, ctx)
  return v
}

export function decideRule (rule: Rule, ctx: RuleContext): RuleVerdict {
  const base = ctx.outcomes.get(key.rule(rule.id)) as Outcome
  if (base.value === 'false') return notTriggered(rule, ctx, base)
  const clause = ctx.catalog.clauses.get(rule.clause) as Clause
  const instrument = ctx.catalog.instruments.get(clause.instrument) as Instrument
  const end = ctx.conduct.period.end
  if (end === undefined) return undetermined(rule, ctx, 'conduct-end-unknown', [...deciding(base.conditions, 'unknown'), 'conduct.period.end'])
  const oldIv = versionInForce(instrument, end)
  if (oldIv === undefined) return finding(rule, ctx, { status: 'outside-encoded-period', conductEnded: end, clauses: [] })
  const oldCv = clauseVersion(clause, oldIv.version)
  const temporal = clauseOn(ctx.catalog, 'ccp.temporal', ctx.decisionDate)
  if (oldCv === undefined) {
    const confirmed = clause.absent?.find((a) => a.version === oldIv.version)?.confirmed === true
    return finding(rule, ctx, confirmed
      ? { status: 'no-provision-in-version', conductVersion: oldIv.version, clauses: clausesAt([temporal]) }
      : { status: 'version-not-encoded', conductVersion: oldIv.version, clauses: [] })
  }
  const old = elementsAt(rule, ctx, oldIv.version)
  const newIv = versionInForce(instrument, ctx.decisionDate)!
  const laterCv = newIv.version === oldIv.version ? undefined : clauseVersion(clause, newIv.version)
  const later = laterCv === undefined ? undefined : elementsAt(rule, ctx, newIv.version)
  const versions = { conductVersion: oldIv.version, decisionVersion: newIv.version }
  if (old.value === 'false' && later?.value === 'true') {
    // Only the old version's own elements fail, and the version in force at decision reaches the act.
    return finding(rule, ctx, { status: 'not-a-violation-under-conduct-version', conductVersion: oldIv.version, decisionVersion: newIv.version, failed: decidingLeaves(old.conditions, 'false'), clauses: clausesAt([clauseAt(ctx.catalog, clause.id, oldIv.version), temporal]) })
  }
  if (old.value === 'false') return notTriggered(rule, ctx, old)
  if (old.value === 'unknown') return undetermined(rule, ctx, 'elements', deciding(old.conditions, 'unknown'))
  // 从旧兼从轻: the later version in force at decision, if different, wins when it does not treat the act
  // as a violation or treats it more lightly.
  if (newIv.version !== oldIv.version && (laterCv === undefined || later?.value === 'false')) {
    return finding(rule, ctx, { status: 'not-a-violation-under-later-version', conductVersion: oldIv.version, decisionVersion: newIv.version, clauses: clausesAt([clauseAt(ctx.catalog, clause.id, oldIv.version), temporal]) })
  }
  if (later?.value === 'unknown') return undetermined(rule, ctx, 'later-version-elements', deciding(later.conditions, 'unknown'))
  const read = readerOf(rule, ctx)
  const level = typeof ctx.conduct.statedCircumstances?.[rule.id] === 'string' ? ctx.conduct.statedCircumstances[rule.id] as string : undefined
  const oldTiers = oldCv.tiers!
  const oldT = tierIn(oldTiers, read, rule.id, level)
  if (oldT.kind === 'undetermined') return undetermined(rule, ctx, oldT.reason, oldT.missing)
  const newTiers = laterCv?.tiers
  const newT = newTiers === undefined ? undefined : tierIn(newTiers, read, rule.id, level)
  return sanctioned(rule, ctx, { clause, instrument: instrument.id, end, versions, ruleId: rule.id, level, read, oldTiers, newTiers, oldT, newT })
}

/** Each test read once per rule and conduct item, whichever versions ask for it. */
function readerOf (rule: Rule, ctx: RuleContext): (t: TierTest) => TestVerdict {
  const seen = new Map<TierTest, TestVerdict>()
  return (t) => {
    let v = seen.get(t)
    if (v === undefined) seen.set(t, v = readTest(rule, ctx.conduct, ctx.outcomes, t))
    return v
  }
}

interface Chosen {
  clause: Clause
  instrument: string
  end: string
  versions: { conductVersion: string, decisionVersion: string }
  ruleId: string
  level: string | undefined
  read: (t: TierTest) => TestVerdict
  oldTiers: Tier[]
  newTiers: Tier[] | undefined
  oldT: Exclude<VersionTier, { kind: 'undetermined' }>
  newT: VersionTier | undefined
}

/** The version applied (从旧兼从轻 on the outcomes each version's own tests give), and whether the choice is provisional. */
function applyVersion (c: Chosen): { version: string, reason: VersionReason, provisional: boolean, settle: string[] } {
  if (c.newT === undefined) return { version: c.versions.conductVersion, reason: 'same-version', provisional: false, settle: [] }
  const { later, provisional, settle } = chooseVersion({ ruleId: c.ruleId, level: c.level, read: c.read, oldTiers: c.oldTiers, newTiers: c.newTiers!, oldT: c.oldT, newT: c.newT })
  return later
    ? { version: c.versions.decisionVersion, reason: 'later-lighter', provisional, settle }
    : { version: c.versions.conductVersion, reason: 'later-not-lighter', provisional, settle }
}

/** A supporting clause's `when`: it holds if absent, else as the engine read it. */
function supportingValue (rule: Rule, ctx: RuleContext, j: number): Outcome | undefined {
  return rule.supporting![j].when === undefined ? undefined : ctx.outcomes.get(key.supporting(rule.id, String(j))) as Outcome
}

/** The supporting clauses, in the version applied, whose condition has the value `want` (no condition: 'true'). */
function supportingClauses (rule: Rule, ctx: RuleContext, version: string, want: Tri): ClauseAt[] {
  return clausesAt(rule.supporting!.map((s, j) => (supportingValue(rule, ctx, j)?.value ?? 'true') === want ? clauseAt(ctx.catalog, s.clause, version, s.role) : undefined))
}

/** Supporting clauses not cited because their condition is unknown, with the facts that would settle it. */
function pending (rule: Rule, ctx: RuleContext, version: string): PendingClause[] {
  return rule.supporting!.flatMap((s, j) => {
    const o = supportingValue(rule, ctx, j)
    const at = clauseAt(ctx.catalog, s.clause, version, s.role)
    return o?.value !== 'unknown' || at === undefined ? [] : [{ clause: at, facts: deciding(o.conditions, 'unknown'), missing: deciding(o.conditions, 'unknown').map((n) => pointer(n, ctx.conductIndex)) }]
  })
}

/** The elements are met in the versions compared: the tier each version's tests establish, or below the lowest tier. */
function sanctioned (rule: Rule, ctx: RuleContext, c: Chosen): RuleVerdict {
  const applied = applyVersion(c)
  const t = applied.version === c.versions.conductVersion ? c.oldT : c.newT as VersionTier
  const primary = clauseAt(ctx.catalog, c.clause.id, applied.version)!
  // Where the versions differ (the later one has the provision, or the act would not be sanctioned here).
  const temporal = c.newT === undefined ? undefined : clauseOn(ctx.catalog, 'ccp.temporal', ctx.decisionDate)
  if (t.kind !== 'established') {
    // Below the applied version's threshold (an undetermined version is never applied).
    const lowest = (t as Extract<VersionTier, { kind: 'below' }>).lowest
    return finding(rule, ctx, { status: 'below-threshold', applied: primary, circumstance: lowest, clauses: clausesAt([primary, clauseOn(ctx.catalog, 'ccp.exemption', ctx.decisionDate), temporal]) })
  }
  const on = (name: string) => (ctx.outcomes.get(name) as Outcome).value === 'true'
  const pointers = (names: string[]) => names.map((n) => pointer(n, ctx.conductIndex))
  const versions: Versions = { instrument: c.instrument, conduct: c.versions.conductVersion, decision: c.versions.decisionVersion, applied: applied.version, conductEnded: c.end, reason: applied.reason, provisional: applied.provisional, settle: pointers(applied.settle) }
  if (c.newT !== undefined) versions.outcomes = { conduct: outcomeOf(c.oldT), decision: outcomeOf(c.newT) }
  const triggered: Triggered = {
    ref: refOf(rule, ctx),
    status: 'triggered',
    versions,
    temporal,
    circumstance: t.verdict,
    tier: t.tier.test,
    range: rangeOf(t.tier.sanctions),
    openTiers: t.open.map((o) => ({ test: o.test, range: o.range, missing: pointers(o.missing) })),
    clauses: rule.supporting === undefined ? [primary] : [primary, ...supportingClauses(rule, ctx, applied.version, 'true')],
    pendingClauses: rule.supporting === undefined ? [] : pending(rule, ctx, applied.version),
    referral: rule.referral === undefined ? undefined : { clauses: clausesAt([clauseOn(ctx.catalog, rule.referral.clause, ctx.decisionDate)]) },
    notes: (rule.notes ?? []).filter((n) => n.when === undefined || on(key.note(rule.id, n.id))).map((n) => n.id),
    statutory: (rule.adjustments ?? [])
      .filter((a) => a.versions.includes(applied.version) && (a.when === undefined || on(key.adjustment(rule.id, a.id))))
      .map((a) => ({ id: a.id, effect: a.effect as 'heavier' | 'heavier-or-aggravated', clauses: clausesAt([clauseAt(ctx.catalog, a.clause, applied.version)]) })),
    because: ctx.explain === 'none' ? undefined : decidingLeaves(elementsAt(rule, ctx, applied.version).conditions, 'true'),
    yieldsTo: (rule.yieldsTo ?? []).map((y) => ({ rule: y.rule, clause: y.clause }))
  }
  return triggered
}
