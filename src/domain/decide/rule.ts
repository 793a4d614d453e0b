/**
 * One rule against one conduct item: the elements (three-valued), the version in force when the
 * conduct ended (or, for an item of a series, when the series ended: ./series.ts) and the one in force
 * at decision (从旧兼从轻), the circumstance (stated, inferred or default), and the article's tier in
 * the version applied. The answer is a verdict: data, no words.
 */
import type { Rule, Clause, Instrument } from '../../schemas/rules-data.js'
import { versionInForce, clauseVersion } from '../rules/catalog.js'
import { deciding, decidingLeaves } from './conditions.js'
import { key, type Outcome } from './engine.js'
import { readTest, tierIn, type Tier, type VersionTier } from './circumstance.js'
import type { TierTest } from '../../schemas/codes.js'
import { clauseAt, clauseOn, clausesAt } from './clauses.js'
import type { RuleVerdict, TestVerdict } from './verdicts.js'
import { elementsAt, finding, notTriggered, undetermined, type RuleContext } from './rule-context.js'
import { sanctioned } from './sanctioned.js'

export type { RuleContext } from './rule-context.js'

/** Where the elements hold in the versions compared: what the sanction verdict is built from. */
export interface Chosen {
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

export const isChosen = (p: RuleVerdict | Chosen): p is Chosen => !('status' in p)

/**
 * The rule up to the choice of version: a verdict where the elements, the versions or the conduct
 * version's tier settle it, else what the choice between the versions is made on.
 */
export function prepareRule (rule: Rule, ctx: RuleContext): RuleVerdict | Chosen {
  const base = ctx.outcomes.get(key.rule(rule.id)) as Outcome
  if (base.value === 'false') return notTriggered(rule, ctx, base)
  const clause = ctx.catalog.clauses.get(rule.clause) as Clause
  const instrument = ctx.catalog.instruments.get(clause.instrument) as Instrument
  // A series is read at its last act, as one continuing item ending then would be.
  const end = ctx.series?.end ?? ctx.conduct.period.end
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
  return { clause, instrument: instrument.id, end, versions, ruleId: rule.id, level, read, oldTiers, newTiers, oldT, newT }
}

export function decideRule (rule: Rule, ctx: RuleContext): RuleVerdict {
  const p = prepareRule(rule, ctx)
  return isChosen(p) ? sanctioned(rule, ctx, p) : p
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
