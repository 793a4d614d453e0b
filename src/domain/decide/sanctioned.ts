/**
 * The sanction verdict of a rule whose elements hold in the versions compared: the version applied
 * (从旧兼从轻 on the outcomes each version's own tests give, or the choice made once for a series:
 * ./series.ts), the tier it establishes, the range, the clauses cited and the notes.
 */
import type { Rule } from '../../schemas/rules-data.js'
import { deciding, decidingLeaves, type Tri } from './conditions.js'
import { key, type Outcome } from './engine.js'
import { rangeOf } from './ladder.js'
import { chooseVersion, outcomeOf, type VersionTier } from './circumstance.js'
import { clauseAt, clauseOn, clausesAt } from './clauses.js'
import type { RuleVerdict, Triggered, VersionReason, Versions, ClauseAt, PendingClause } from './verdicts.js'
import { elementsAt, finding, pointer, refOf, type RuleContext } from './rule-context.js'
import type { Chosen } from './rule.js'

/** Which of two versions applies, whether that is provisional, and the pointers that would settle it. */
export interface VersionChoice {
  later: boolean
  provisional: boolean
  settle: string[]
}

/** 从旧兼从轻 for one item on its own tests (the facts named, not yet pointers). */
export const compared = (c: Chosen): { later: boolean, provisional: boolean, settle: string[] } =>
  chooseVersion({ ruleId: c.ruleId, level: c.level, read: c.read, oldTiers: c.oldTiers, newTiers: c.newTiers!, oldT: c.oldT, newT: c.newT! })

/** The version applied: on the item's own comparison, or on the choice made once for its series. */
function applyVersion (c: Chosen, ctx: RuleContext, choice: VersionChoice | undefined): { version: string, reason: VersionReason, provisional: boolean, settle: string[] } {
  if (c.newT === undefined) return { version: c.versions.conductVersion, reason: 'same-version', provisional: false, settle: [] }
  let made = choice
  if (made === undefined) {
    const own = compared(c)
    made = { later: own.later, provisional: own.provisional, settle: own.settle.map((n) => pointer(n, ctx.conductIndex)) }
  }
  return made.later
    ? { version: c.versions.decisionVersion, reason: 'later-lighter', provisional: made.provisional, settle: made.settle }
    : { version: c.versions.conductVersion, reason: 'later-not-lighter', provisional: made.provisional, settle: made.settle }
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
export function sanctioned (rule: Rule, ctx: RuleContext, c: Chosen, choice?: VersionChoice): RuleVerdict {
  const applied = applyVersion(c, ctx, choice)
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
  const versions: Versions = { instrument: c.instrument, conduct: c.versions.conductVersion, decision: c.versions.decisionVersion, applied: applied.version, conductEnded: c.end, reason: applied.reason, provisional: applied.provisional, settle: applied.settle }
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
