/**
 * The sanction ladder of the regulations (2015 Art 7 / 2018 Art 8 / 2023 Art 8), lightest first.
 * Codes are the API's; their names are in src/domain/render/messages.
 */
import { SANCTIONS, type Sanction } from '../../schemas/codes.js'

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
