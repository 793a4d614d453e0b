/**
 * The sanction arithmetic of the general provisions (REFERENCE.md §3), on ladder positions only:
 * where a violation starts in its range, 从轻/从重 within it, 减轻/加重 one tier outside it, 免予处分,
 * 合并处理 of several violations, and the no-party-post substitution. Each step is recorded with the
 * catalog clauses it rests on; the caller turns them into citations of the version in force at decision.
 *
 * Where the regulations leave a choice to the reviewer, the service takes a stated, documented default:
 * - the starting point is the middle of the range (rounded towards the lighter sanction);
 * - mitigating circumstances give 从轻 unless 减轻 is stated; aggravating ones 从重 unless 加重 is stated;
 * - mitigating and aggravating circumstances together offset each other;
 * - the order is: each violation's own adjustments, then 合并处理, then the substitution
 *   (the regulations do not state the order: REFERENCE.md §7.3, UNCONFIRMED).
 */
import { rank, type SanctionRange } from './ladder.js'
import { SANCTIONS, type Sanction } from '../../schemas/codes.js'

/** A proposed sanction; null: no sanction (免予处分). */
export type Proposal = Sanction | null

export type StepCode = 'starting-point' | 'lighter' | 'reduced' | 'heavier' | 'aggravated' | 'offset' | 'cannot-reduce' | 'exemption' | 'multiple-violations' | 'no-party-post' | 'no-party-post-unknown'

export interface Step {
  step: StepCode
  from: Proposal
  to: Proposal
  clauses: string[]
  /** True where the step is the service's documented default, not a rule of the regulations. */
  assumption: boolean
}

export interface ViolationInput {
  range: SanctionRange
  mitigating: boolean
  /** The general provisions that list the aggravating circumstances stated (they allow 从重 or 加重); empty: none. */
  aggravating: string[]
  /** 为首者 in a joint violation: 从重 only. */
  leader: boolean
  /** Aggravation the article itself prescribes. */
  statutory: 'heavier' | 'heavier-or-aggravated' | null
  mitigationEffect?: 'lighter' | 'reduced'
  aggravationEffect?: 'heavier' | 'aggravated'
}

const at = (i: number): Sanction => SANCTIONS[Math.max(0, Math.min(SANCTIONS.length - 1, i))]

export function baseline (range: SanctionRange): Sanction {
  return at(rank(range.min) + Math.floor((rank(range.max) - rank(range.min)) / 2))
}

export function sanctionFor (v: ViolationInput): { outcome: Proposal, steps: Step[] } {
  const start = baseline(v.range)
  const steps: Step[] = [{ step: 'starting-point', from: null, to: start, clauses: [], assumption: true }]
  const aggravated = v.aggravating.length > 0 || v.leader || v.statutory !== null
  const aggravationClauses = [...v.aggravating, ...(v.leader ? ['ccp.joint-violation'] : [])]
  let outcome: Proposal = start
  const move = (step: Step['step'], to: Proposal, clauses: string[], assumption = false) => {
    steps.push({ step, from: outcome, to, clauses, assumption })
    outcome = to
  }
  if (v.mitigating && aggravated) {
    move('offset', start, ['ccp.mitigation', ...aggravationClauses], true)
  } else if (v.mitigating) {
    if (rank(v.range.max) <= rank('serious-warning') && v.mitigationEffect !== 'lighter') {
      // 免予处分: a warning / serious-warning range with a mitigating circumstance, unless the reviewer chose 从轻.
      move('exemption', null, ['ccp.mitigation', 'ccp.exemption'])
    } else if (v.mitigationEffect !== 'reduced') {
      move('lighter', v.range.min, ['ccp.mitigation', 'ccp.lighter-heavier'])
    } else if (v.range.min === 'warning' || v.range.min === 'expulsion') {
      // Nothing lies below a warning short of exemption (which needs a warning / serious-warning range),
      // and an expulsion-only offence cannot be reduced.
      move('cannot-reduce', v.range.min, ['ccp.mitigation', 'ccp.reduced-aggravated'])
    } else {
      move('reduced', at(rank(v.range.min) - 1), ['ccp.mitigation', 'ccp.reduced-aggravated'])
    }
  } else if (aggravated) {
    const mayAggravate = v.aggravating.length > 0 || v.statutory === 'heavier-or-aggravated'
    if (v.aggravationEffect === 'aggravated' && mayAggravate) {
      move('aggravated', at(rank(v.range.max) + 1), ['ccp.reduced-aggravated', ...aggravationClauses])
    } else {
      move('heavier', v.range.max, ['ccp.lighter-heavier', ...aggravationClauses])
    }
  }
  return { outcome, steps }
}

/** 合并处理: the heaviest sanction raised one tier; any expulsion gives expulsion. Exempted violations do not count. */
export function combine (outcomes: Proposal[]): { outcome: Proposal, steps: Step[] } {
  const sanctioned = outcomes.filter((o): o is Sanction => o !== null)
  if (sanctioned.length === 0) return { outcome: null, steps: [] }
  const heaviest = at(Math.max(...sanctioned.map(rank)))
  if (sanctioned.length === 1) return { outcome: heaviest, steps: [] }
  const to = heaviest === 'expulsion' ? 'expulsion' : at(rank(heaviest) + 1)
  return { outcome: to, steps: [{ step: 'multiple-violations', from: heaviest, to, clauses: ['ccp.multiple-violations'], assumption: false }] }
}

/** Removal from party posts for a member who holds none becomes a serious warning. */
export function substitute (outcome: Proposal, holdsPartyPost: boolean | undefined): { outcome: Proposal, steps: Step[] } {
  if (outcome !== 'removal-from-party-posts' || holdsPartyPost === true) return { outcome, steps: [] }
  if (holdsPartyPost === false) {
    return { outcome: 'serious-warning', steps: [{ step: 'no-party-post', from: outcome, to: 'serious-warning', clauses: ['ccp.no-party-post'], assumption: false }] }
  }
  return { outcome, steps: [{ step: 'no-party-post-unknown', from: outcome, to: outcome, clauses: ['ccp.no-party-post'], assumption: false }] }
}
