/**
 * The tiers of an article in one version, each with the text's own test (情节较轻, 情节严重, 政治生态
 * 恶化, 造成不良影响 …). A test is true, false or unknown: `none` and `by-circumstances` hold once the
 * elements hold; every other test holds only as the case officer states it, or as the rule's data
 * reads it from the facts (the article's own threshold, or our inference from indicators). A
 * statement never fills a test it does not name: the level `serious` is 情节严重, not 政治生态恶化.
 */
import type { TierTest } from '../../schemas/codes.js'
import type { Rule } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { OpenTier, TestVerdict, VersionOutcome } from './verdicts.js'
import { key, type Outcome } from './engine.js'
import { deciding, decidingLeaves, type Tri } from './conditions.js'
import { rangeOf, compareRanges } from './ladder.js'
import type { Sanction } from '../../schemas/codes.js'

export interface Tier {
  test: TierTest
  sanctions: Sanction[]
}

/** Lowest-tier tests that every graver tier of the article presupposes. */
const PRESUPPOSED: ReadonlySet<TierTest> = new Set(['bad-effect'])

/** What a level of the 情节 scale says about the ordinal tests (and nothing else). */
const LEVELS: Record<string, Partial<Record<TierTest, boolean>>> = {
  serious: { serious: true, 'relatively-serious': true, 'relatively-minor': false },
  'relatively-serious': { serious: false, 'relatively-serious': true, 'relatively-minor': false },
  'relatively-minor': { serious: false, 'relatively-serious': false, 'relatively-minor': true },
  base: { serious: false, 'relatively-serious': false, 'relatively-minor': false }
}

/** The statement key of a test: a pointer segment under statedCircumstances/<rule id>. */
export const statementName = (ruleId: string, test?: TierTest): string =>
  test === undefined ? `conduct.statedCircumstances.${ruleId}` : `conduct.statedCircumstances.${ruleId}/${test}`

const triOf = (b: boolean): Tri => b ? 'true' : 'false'

/** One test of one rule for one conduct item: stated, read from facts, or unknown. */
export function readTest (rule: Rule, conduct: ConductItem, outcomes: ReadonlyMap<string, Outcome>, test: TierTest): TestVerdict {
  if (test === 'none' || test === 'by-circumstances') return { test, value: 'true', source: 'unqualified', missing: [] }
  const stated = conduct.statedCircumstances?.[rule.id]
  const said = typeof stated === 'string' ? LEVELS[stated][test] : stated?.[test as keyof typeof stated]
  if (said !== undefined) return { test, value: triOf(said), source: 'stated', missing: [] }
  const data = rule.tests?.[test]
  const ask = statementName(rule.id, test)
  if (data === undefined) return { test, value: 'unknown', missing: [ask] }
  if ('conditions' in data) {
    const o = outcomes.get(key.test(rule.id, test)) as Outcome
    return o.value === 'unknown'
      ? { test, value: 'unknown', source: 'article', missing: [ask, ...deciding(o.conditions, 'unknown')] }
      : { test, value: o.value, source: 'article', leaves: decidingLeaves(o.conditions, o.value), missing: [] }
  }
  const values = data.indicators.map((ind) => ({ id: ind.id, o: outcomes.get(key.indicator(rule.id, ind.id)) as Outcome }))
  const met = values.filter((v) => v.o.value === 'true')
  const unknown = values.filter((v) => v.o.value === 'unknown')
  if (met.length < data.minIndicators && met.length + unknown.length >= data.minIndicators) {
    return { test, value: 'unknown', source: 'inferred', missing: [ask, ...new Set(unknown.flatMap((v) => deciding(v.o.conditions, 'unknown')))] }
  }
  const indicators = met.map((v) => ({ id: v.id, leaves: decidingLeaves(v.o.conditions, 'true') }))
  return { test, value: triOf(met.length >= data.minIndicators), source: 'inferred', indicators, minIndicators: data.minIndicators, missing: [] }
}

/** What the tests give in one version. */
export type VersionTier =
  | { kind: 'established', index: number, tier: Tier, verdict: TestVerdict, open: OpenTier[] }
  | { kind: 'below', lowest: TestVerdict }
  | { kind: 'undetermined', reason: 'circumstance' | 'no-ordinary-tier', missing: string[], possible: OpenTier[] }

/**
 * The tier a version's tests establish: the gravest whose test is true, with the graver ones still
 * unknown as open; none true and some unknown: undetermined (what would establish the lowest possible
 * tier is missing); all false: below the article's threshold. The level `base` on an article whose
 * lowest tier is 情节较轻 establishes nothing: the article has no ordinary tier (the lead's decision).
 */
export function tierIn (tiers: readonly Tier[], read: (t: TierTest) => TestVerdict, ruleId: string, level: string | undefined): VersionTier {
  if (level === 'base' && tiers[0].test === 'relatively-minor') {
    return { kind: 'undetermined', reason: 'no-ordinary-tier', missing: [statementName(ruleId)], possible: tiers.map((t) => ({ test: t.test, range: rangeOf(t.sanctions), missing: [statementName(ruleId)] })) }
  }
  const verdicts = tiers.map((t) => read(t.test))
  // An article that punishes conduct "causing bad effects" grades only such conduct: without the
  // effect no graver tier is left (情节较重/严重 are grades of it), unlike the 情节 scale's rungs.
  if (PRESUPPOSED.has(tiers[0].test) && verdicts[0].value === 'false') return { kind: 'below', lowest: verdicts[0] }
  const index = verdicts.map((v) => v.value).lastIndexOf('true')
  const open = (from: number): OpenTier[] => tiers.flatMap((t, i) => i >= from && verdicts[i].value === 'unknown' ? [openOf(read)(t)] : [])
  if (index >= 0) return { kind: 'established', index, tier: tiers[index], verdict: verdicts[index], open: open(index + 1) }
  const possible = open(0)
  if (possible.length === 0) return { kind: 'below', lowest: verdicts[0] }
  return { kind: 'undetermined', reason: 'circumstance', missing: possible[0].missing, possible }
}

const openOf = (read: (t: TierTest) => TestVerdict) => (t: Tier): OpenTier =>
  ({ test: t.test, range: rangeOf(t.sanctions), missing: read(t.test).missing })

/** What a version gives where a rule triggers: below its threshold it would not trigger (the later version applies, or the old one finds nothing). */
export const outcomeOf = (t: VersionTier): VersionOutcome => t.kind === 'established'
  ? { status: 'established', tier: t.tier.test, range: rangeOf(t.tier.sanctions) }
  : { status: 'undetermined' }

const sameTiers = (a: readonly Tier[], b: readonly Tier[]): boolean => a === b ||
  (a.length === b.length && a.every((t, i) => t.test === b[i].test && t.sanctions.join() === b[i].sanctions.join()))

/** 从旧兼从轻 on one pair of outcomes: the later version applies if it does not sanction the act, or more lightly. */
export const laterApplies = (old: VersionTier, later: VersionTier): boolean =>
  old.kind === 'established' && (later.kind === 'below' || (later.kind === 'established' && compareRanges(rangeOf(later.tier.sanctions), rangeOf(old.tier.sanctions)) < 0))

export interface Compared {
  ruleId: string
  level: string | undefined
  read: (t: TierTest) => TestVerdict
  oldTiers: readonly Tier[]
  newTiers: readonly Tier[]
  oldT: VersionTier
  newT: VersionTier
}

/**
 * 从旧兼从轻 on the outcomes the established tests give: the later version applies when it does not
 * sanction the act or sanctions it more lightly (an undetermined later version is not shown lighter).
 * A test has one value for both versions (a statement or fact is not bound to a version; a version
 * only picks which tests it asks), so the choice is provisional when some way of settling the tests
 * still unknown would choose otherwise or leave a version undetermined; the statements and facts of
 * those tests would settle it.
 */
export function chooseVersion (c: Compared): { later: boolean, provisional: boolean, settle: string[] } {
  // Versions with the same tiers (most clauses: the dated entry did not change) give the same outcome
  // under every way of settling the tests, which never makes the later one lighter.
  if (sameTiers(c.oldTiers, c.newTiers)) return { later: false, provisional: false, settle: [] }
  const unknown = [...new Set([...c.oldTiers, ...c.newTiers].map((t) => c.read(t.test)).filter((v) => v.value === 'unknown'))]
  const choices = new Set<string>()
  for (let mask = 0; mask < 1 << unknown.length && choices.size < 2; mask++) {
    const read = (t: TierTest): TestVerdict => {
      const i = unknown.findIndex((u) => u.test === t)
      return i < 0 ? c.read(t) : { test: t, value: (mask & (1 << i)) !== 0 ? 'true' : 'false', missing: [] }
    }
    const n = tierIn(c.newTiers, read, c.ruleId, c.level)
    choices.add(n.kind === 'undetermined' ? 'open' : String(laterApplies(tierIn(c.oldTiers, read, c.ruleId, c.level), n)))
  }
  const provisional = choices.size > 1 || c.newT.kind === 'undetermined'
  const settle = provisional ? [...new Set([...unknown.flatMap((v) => v.missing), ...(c.newT.kind === 'undetermined' ? c.newT.missing : [])])] : []
  return { later: laterApplies(c.oldT, c.newT), provisional, settle }
}
