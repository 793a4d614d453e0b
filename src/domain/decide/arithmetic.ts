/**
 * The sanction arithmetic of the general provisions (docs/legal/audit.md §5), on ranges of the ladder:
 * 从轻/从重 within a violation's range, 减轻/加重 one tier outside it, 免予处分, 合并处理 of several
 * violations, and the no-party-post substitution. Every step moves the range the case can end in (not a
 * point inside it) and is recorded with the range before and after and the catalog clauses it rests on;
 * the caller turns them into citations of the version in force at decision.
 *
 * Where the regulations leave a choice to the reviewer, the service takes a stated convention:
 * - 从轻/从重 (2015/2018 Art 21, 2023 Art 22) fix the direction and the bound, not the step: one step,
 *   the heaviest (从轻) or the lightest (从重) sanction of the range drops out; never a jump to its end;
 * - mitigating circumstances give 从轻 unless 减轻 is stated; aggravating ones 从重 unless 加重 is stated;
 * - mitigating and aggravating circumstances together offset each other;
 * - the order is: each violation's own steps, then 合并处理, then the substitution
 *   (the regulations do not state the order: UNCONFIRMED, docs/legal/audit.md §11).
 * No starting point within a range is assumed (no public source gives one, audit §6).
 */
import { rank, compareRanges, type SanctionRange } from './ladder.js'
import { SANCTIONS, type Sanction } from '../../schemas/codes.js'

/** The range a violation or the case can end in; null: no sanction (免予处分). */
export type Outcome = SanctionRange | null

export type StepCode = 'lighter' | 'reduced' | 'heavier' | 'aggravated' | 'offset' | 'cannot-reduce' | 'exemption' | 'multiple-violations' | 'no-party-post' | 'no-party-post-unknown'

export interface Step {
  step: StepCode
  from: Outcome
  to: Outcome
  clauses: string[]
  /** True where the step is the service's stated convention, not a rule of the regulations. */
  assumption: boolean
}

export interface ViolationInput {
  range: SanctionRange
  /**
   * The general provisions that list the mitigating circumstances stated; empty: none. Only
   * `ccp.mitigation` allows 减轻 and 免予处分; `ccp.cooperation` (2015 Art 39 para 2) allows 从轻 only.
   */
  mitigating: string[]
  /** The general provisions that list the aggravating circumstances stated; empty: none. Only `ccp.aggravation` allows 加重. */
  aggravating: string[]
  /** 为首者 in a joint violation: 从重 only. */
  leader: boolean
  /** Aggravation the article itself prescribes. */
  statutory: 'heavier' | 'heavier-or-aggravated' | null
  mitigationEffect?: 'lighter' | 'reduced'
  aggravationEffect?: 'heavier' | 'aggravated'
}

const at = (i: number): Sanction => SANCTIONS[Math.max(0, Math.min(SANCTIONS.length - 1, i))]
export const single = (s: Sanction): SanctionRange => ({ min: s, max: s })
/** The one sanction an outcome leaves, if it leaves exactly one. */
export const fixedSanction = (o: Outcome): Sanction | null => (o !== null && o.min === o.max ? o.min : null)

type Move = (step: StepCode, to: Outcome, clauses: string[], assumption?: boolean) => void

function mitigate (v: ViolationInput, move: Move): void {
  const { min, max } = v.range
  const mayReduce = v.mitigating.includes('ccp.mitigation')
  if (mayReduce && rank(max) <= rank('serious-warning') && v.mitigationEffect !== 'lighter') {
    // 免予处分: a warning / serious-warning range with a circumstance of the mitigation article, unless the reviewer chose 从轻.
    move('exemption', null, [...v.mitigating, 'ccp.exemption'])
  } else if (!mayReduce || v.mitigationEffect !== 'reduced') {
    move('lighter', { min, max: at(Math.max(rank(min), rank(max) - 1)) }, [...v.mitigating, 'ccp.lighter-heavier'], true)
  } else if (min === 'warning' || min === 'expulsion') {
    // Nothing lies below a warning short of exemption (which needs a warning / serious-warning range),
    // and an expulsion-only offence cannot be reduced: the lightest sanction of the range remains.
    move('cannot-reduce', single(min), [...v.mitigating, 'ccp.reduced-aggravated'])
  } else {
    move('reduced', single(at(rank(min) - 1)), [...v.mitigating, 'ccp.reduced-aggravated'])
  }
}

function aggravate (v: ViolationInput, clauses: string[], move: Move): void {
  const { min, max } = v.range
  // 2015 Art 20 and the 为首者 rule allow 从重 only; 加重 needs the aggravation article or the offence article itself.
  const mayAggravate = v.aggravating.includes('ccp.aggravation') || v.statutory === 'heavier-or-aggravated'
  if (v.aggravationEffect === 'aggravated' && mayAggravate) {
    move('aggravated', single(at(rank(max) + 1)), ['ccp.reduced-aggravated', ...clauses])
  } else {
    move('heavier', { min: at(Math.min(rank(max), rank(min) + 1)), max }, ['ccp.lighter-heavier', ...clauses], true)
  }
}

export function sanctionFor (v: ViolationInput): { outcome: Outcome, steps: Step[] } {
  const steps: Step[] = []
  let outcome: Outcome = v.range
  const move: Move = (step, to, clauses, assumption = false) => {
    steps.push({ step, from: outcome, to, clauses, assumption })
    outcome = to
  }
  const aggravated = v.aggravating.length > 0 || v.leader || v.statutory !== null
  const aggravationClauses = [...v.aggravating, ...(v.leader ? ['ccp.joint-violation'] : [])]
  if (v.mitigating.length > 0 && aggravated) {
    move('offset', v.range, [...v.mitigating, ...aggravationClauses], true)
  } else if (v.mitigating.length > 0) {
    mitigate(v, move)
  } else if (aggravated) {
    aggravate(v, aggravationClauses, move)
  }
  return { outcome, steps }
}

/** The graver of two outcomes of one violation: a sanction beats none, then the higher upper bound, then the higher lower bound. */
export function graver (a: Outcome, b: Outcome): Outcome {
  if (a === null || b === null) return a ?? b
  return compareRanges(b, a) > 0 ? b : a
}

/**
 * 合并处理 (2015/2018 Art 23, 2023 Art 24): each violation's own range, then the highest raised one tier,
 * [max a + 1, max b + 1] capped at expulsion; a violation that warrants expulsion only gives expulsion.
 * Exempted violations do not count (they do not call for a sanction).
 */
export function combine (outcomes: Outcome[]): { outcome: Outcome, steps: Step[] } {
  const ranges = outcomes.filter((o): o is SanctionRange => o !== null)
  if (ranges.length === 0) return { outcome: null, steps: [] }
  if (ranges.length === 1) return { outcome: ranges[0], steps: [] }
  const highest = { min: at(Math.max(...ranges.map((r) => rank(r.min)))), max: at(Math.max(...ranges.map((r) => rank(r.max)))) }
  const to = highest.min === 'expulsion' ? single('expulsion') : { min: at(rank(highest.min) + 1), max: at(rank(highest.max) + 1) }
  return { outcome: to, steps: [{ step: 'multiple-violations', from: highest, to, clauses: ['ccp.multiple-violations'], assumption: false }] }
}

const R: Sanction = 'removal-from-party-posts'
const swap = (s: Sanction): Sanction => (s === R ? 'serious-warning' : s)

/** Removal from party posts, at either end of the range, becomes a serious warning for a member who holds no party post. */
export function substitute (outcome: Outcome, holdsPartyPost: boolean | undefined): { outcome: Outcome, steps: Step[] } {
  if (outcome === null || holdsPartyPost === true || (outcome.min !== R && outcome.max !== R)) return { outcome, steps: [] }
  if (holdsPartyPost === false) {
    const to = { min: swap(outcome.min), max: swap(outcome.max) }
    return { outcome: to, steps: [{ step: 'no-party-post', from: outcome, to, clauses: ['ccp.no-party-post'], assumption: false }] }
  }
  return { outcome, steps: [{ step: 'no-party-post-unknown', from: outcome, to: outcome, clauses: ['ccp.no-party-post'], assumption: false }] }
}
