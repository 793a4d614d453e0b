/**
 * Circumstance tiers ("情节") as the regulations grade them. The order is the order of gravity; an
 * article's entry tier (its unqualified or 情节较轻 tier) applies to any conduct that meets the
 * article's elements, a higher tier only at or above its own level.
 */
import { CIRCUMSTANCES, type Circumstance } from '../../schemas/codes.js'

export const CIRCUMSTANCE_NAMES: Record<Circumstance, { zh: string; en: string }> = {
  'relatively-minor': { zh: '情节较轻', en: 'relatively minor circumstances' },
  base: { zh: '无情节限定', en: 'no qualifying circumstance' },
  'relatively-serious': { zh: '情节较重', en: 'relatively serious circumstances' },
  serious: { zh: '情节严重', en: 'serious circumstances' }
}

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
