/**
 * One rule against one conduct item: the elements (three-valued), the version in force when the
 * conduct ended and the one in force at decision (从旧兼从轻), the circumstance (stated, inferred or
 * default), and the article's tier in the version applied. The answer is a verdict: data, no words.
 */
import type { Rule, Clause, ClauseVersion, Instrument } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'
import type { Catalog } from '../rules/catalog.js'
import { versionInForce, clauseVersion } from '../rules/catalog.js'
import { pointerFor } from '../rules/vocabulary.js'
import { deciding, decidingLeaves, type Tri } from './conditions.js'
import { key, type Outcome } from './engine.js'
import { rangeOf, compareRanges } from './ladder.js'
import { tierFor, circumstanceOf, type Tier } from './circumstance.js'
import type { Sanction } from '../../schemas/codes.js'
import { clauseAt, clauseOn, clausesAt } from './clauses.js'
import type { RuleRef, RuleVerdict, Triggered, UndeterminedReason, Finding, VersionReason, CircumstanceVerdict } from './verdicts.js'

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

/** A pointer for a fact name; statedCircumstances keys are rule ids and keep their dots. */
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
  const circ = circumstanceOf(rule, ctx.conduct, ctx.outcomes, lowest(oldCv))
  if ('missing' in circ) return undetermined(rule, ctx, 'circumstance', circ.missing)
  return sanctioned(rule, ctx, { clause, instrument: instrument.id, oldCv, laterCv, end, circ, versions })
}

const lowest = (cv: ClauseVersion) => (cv.tiers as NonNullable<ClauseVersion['tiers']>)[0].circumstance

interface Chosen {
  clause: Clause
  instrument: string
  oldCv: ClauseVersion
  laterCv: ClauseVersion | undefined
  end: string
  circ: CircumstanceVerdict
  versions: { conductVersion: string, decisionVersion: string }
}

/** The version applied and its tier: the later version where it treats the act more lightly. */
function applyVersion (c: Chosen): { version: string, tier: Tier<Sanction> | undefined, reason: VersionReason } {
  const oldTier = tierFor(c.oldCv.tiers!, c.circ.tier)
  if (c.laterCv === undefined) return { version: c.versions.conductVersion, tier: oldTier, reason: 'same-version' }
  const newTier = tierFor(c.laterCv.tiers!, c.circ.tier)
  const lighter = newTier === undefined
    ? oldTier !== undefined
    : oldTier !== undefined && compareRanges(rangeOf(newTier.sanctions), rangeOf(oldTier.sanctions)) < 0
  return lighter ? { version: c.versions.decisionVersion, tier: newTier, reason: 'later-lighter' } : { version: c.versions.conductVersion, tier: oldTier, reason: 'later-not-lighter' }
}

/** The elements are met and the circumstance is known: the tier reached, or below the lowest tier. */
function sanctioned (rule: Rule, ctx: RuleContext, c: Chosen): RuleVerdict {
  const applied = applyVersion(c)
  const primary = clauseAt(ctx.catalog, c.clause.id, applied.version)!
  // Where the versions differ (the later one has the provision, or the act would not be sanctioned here).
  const temporal = c.laterCv === undefined ? undefined : clauseOn(ctx.catalog, 'ccp.temporal', ctx.decisionDate)
  if (applied.tier === undefined) {
    return finding(rule, ctx, { status: 'below-threshold', applied: primary, circumstance: c.circ, clauses: clausesAt([primary, clauseOn(ctx.catalog, 'ccp.exemption', ctx.decisionDate), temporal]) })
  }
  const on = (name: string) => (ctx.outcomes.get(name) as Outcome).value === 'true'
  const triggered: Triggered = {
    ref: refOf(rule, ctx),
    status: 'triggered',
    versions: { instrument: c.instrument, conduct: c.versions.conductVersion, decision: c.versions.decisionVersion, applied: applied.version, conductEnded: c.end, reason: applied.reason },
    temporal,
    circumstance: c.circ,
    tier: applied.tier.circumstance,
    range: rangeOf(applied.tier.sanctions),
    clauses: rule.supporting === undefined ? [primary] : [primary, ...clausesAt(rule.supporting.map((s) => clauseAt(ctx.catalog, s.clause, applied.version, s.role)))],
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
