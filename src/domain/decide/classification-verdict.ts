/**
 * What the classification of a case gives, as data without words: the range after every step of the
 * sanction arithmetic, each step as a code with the clauses it rests on, the recommendation (a
 * sanction only where the range is one) and what would narrow the range. src/domain/render words it.
 */
import type { Sanction } from '../../schemas/codes.js'
import type { SanctionRange } from './ladder.js'
import type { Outcome, StepCode } from './arithmetic.js'
import type { ClauseAt } from './verdicts.js'

export interface StepVerdict {
  code: StepCode | 'circumstance-not-listed' | 'order-of-steps'
  ruleId?: string
  conductIndex?: number
  /** The range before and after the step; null: no sanction (免予处分). */
  from: Outcome
  to: Outcome
  clauses: ClauseAt[]
  assumption: boolean
  /** What the step's wording names: circumstance codes, a leader, the article's own aggravation, a count, a range. */
  mitigating?: string[]
  aggravating?: string[]
  leader?: boolean
  statutory?: boolean
  count?: number
  range?: SanctionRange
  /** circumstance-not-listed: the circumstances the version in force does not list. */
  ignored?: string[]
}

/** What would narrow the range: a statement of the reviewer (a circumstance, 减轻, 加重) or a tier's test. */
export interface Lever {
  lever: 'mitigating' | 'aggravating' | 'reduced' | 'aggravated' | 'tier'
  pointer: string
  ruleId?: string
  conductIndex?: number
}

export interface RecommendationVerdict {
  fixed: boolean
  reason: 'single-sanction' | 'exemption' | 'range-not-narrowed' | 'nothing-proposed'
  narrowedBy: Lever[]
}

export interface ClassificationVerdict {
  status: 'sanction-proposed' | 'exemption-proposed' | 'no-sanction-proposed' | 'undetermined'
  provisional: boolean
  /** The range after every step of the arithmetic. */
  range: SanctionRange | null
  /** A sanction only where the arithmetic leaves one. */
  recommended: Sanction | null
  recommendation: RecommendationVerdict
  basis: Array<{ ruleId: string, conductIndex: number }>
  steps: StepVerdict[]
  referral: { rules: string[], clauses: ClauseAt[] } | null
  missing: string[]
}
