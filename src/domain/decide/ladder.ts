/**
 * The sanction ladder of the regulations (2015 Art 7 / 2018 Art 8 / 2023 Art 8), lightest first.
 * Codes are the API's; the Chinese names are the regulations' own terms.
 */
import { SANCTIONS, type Sanction } from '../../schemas/codes.js'

export const SANCTION_NAMES: Record<Sanction, { zh: string; en: string }> = {
  warning: { zh: '警告', en: 'warning' },
  'serious-warning': { zh: '严重警告', en: 'serious warning' },
  'removal-from-party-posts': { zh: '撤销党内职务', en: 'removal from party posts' },
  probation: { zh: '留党察看', en: 'party probation' },
  expulsion: { zh: '开除党籍', en: 'expulsion from the party' }
}

export interface SanctionRange {
  min: Sanction
  max: Sanction
}

export function rank (s: Sanction): number {
  return SANCTIONS.indexOf(s)
}

/** Orders ranges by their upper bound, then by their lower bound: the "more severe" range sorts last. */
export function compareRanges (a: SanctionRange, b: SanctionRange): number {
  return rank(a.max) - rank(b.max) || rank(a.min) - rank(b.min)
}

export function rangeOf (sanctions: readonly Sanction[]): SanctionRange {
  const sorted = [...sanctions].sort((x, y) => rank(x) - rank(y))
  return { min: sorted[0], max: sorted[sorted.length - 1] }
}
