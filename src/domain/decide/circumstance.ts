/**
 * Circumstance tiers ("情节") as the regulations grade them. The order is the order of gravity; an
 * article's entry tier (its unqualified or 情节较轻 tier) applies to any conduct that meets the
 * article's elements, a higher tier only at or above its own level.
 */
import { CIRCUMSTANCES, type Circumstance } from '../../schemas/codes.js'
import type { Rule } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { CircumstanceVerdict } from './verdicts.js'
import { key, type Outcome } from './engine.js'
import { deciding, decidingLeaves } from './conditions.js'

export function level (c: Circumstance): number {
  return CIRCUMSTANCES.indexOf(c)
}

export interface Tier<S> {
  circumstance: Circumstance
  sanctions: S[]
}

/**
 * The tier of an article that a circumstance reaches: the gravest tier whose level the circumstance
 * meets, where the lowest listed tier counts as entry tier only if it is 'base' or 'relatively-minor'.
 * Returns undefined when the circumstance is below every tier (no sanction under this article).
 */
export function tierFor<S> (tiers: ReadonlyArray<Tier<S>>, c: Circumstance): Tier<S> | undefined {
  let found: Tier<S> | undefined
  for (const tier of tiers) {
    const entry = tier.circumstance === 'base' || tier.circumstance === 'relatively-minor'
    if (entry || level(c) >= level(tier.circumstance)) found = tier
    else break
  }
  return found
}

/**
 * The circumstance of one rule for one conduct item: stated by the case officer, inferred from the
 * rule's indicators (where it has them), or the article's entry tier by default. Where the facts
 * cannot settle it, the names of the facts to establish.
 */
export function circumstanceOf (rule: Rule, conduct: ConductItem, outcomes: ReadonlyMap<string, Outcome>, lowest: Circumstance): CircumstanceVerdict | { missing: string[] } {
  const stated = conduct.statedCircumstances?.[rule.id]
  if (stated !== undefined) return { source: 'stated', tier: stated }
  const inf = rule.circumstance
  if (inf === undefined) {
    // An article that punishes only from a qualified tier up, and a rule that infers none: the
    // circumstance is a fact for the case officer to establish, not something to assume either way.
    return lowest === 'relatively-serious' || lowest === 'serious' ? { missing: [`conduct.statedCircumstances.${rule.id}`] } : { source: 'default', tier: 'base' }
  }
  const values = inf.indicators.map((ind) => ({ id: ind.id, o: outcomes.get(key.indicator(rule.id, ind.id)) as Outcome }))
  const met = values.filter((v) => v.o.value === 'true')
  const unknown = values.filter((v) => v.o.value === 'unknown')
  if (met.length < inf.minIndicators && met.length + unknown.length >= inf.minIndicators) {
    return { missing: [...new Set(unknown.flatMap((v) => deciding(v.o.conditions, 'unknown')))] }
  }
  const reached = met.length >= inf.minIndicators
  return {
    source: 'inferred',
    tier: reached ? inf.circumstance : 'base',
    target: inf.circumstance,
    reached,
    minIndicators: inf.minIndicators,
    indicators: met.map((v) => ({ id: v.id, leaves: decidingLeaves(v.o.conditions, 'true') }))
  }
}
