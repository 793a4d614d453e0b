import t from 'tap'
import fc from 'fast-check'
import { sanctionFor, combine, substitute, graver, fixedSanction, single, type Outcome, type ViolationInput } from '../../../src/domain/decide/arithmetic.js'
import { rank, type SanctionRange } from '../../../src/domain/decide/ladder.js'
import { SANCTIONS, type Sanction } from '../../../src/schemas/codes.js'

const W = 'warning'
const SW = 'serious-warning'
const R = 'removal-from-party-posts'
const P = 'probation'
const E = 'expulsion'
const r = (min: Sanction, max: Sanction): SanctionRange => ({ min, max })

const onLadder = (o: Outcome) => o === null || (SANCTIONS.includes(o.min) && SANCTIONS.includes(o.max) && rank(o.min) <= rank(o.max))
/** Bounds, exemption lowest: [-1, -1]. */
const bounds = (o: Outcome) => (o === null ? [-1, -1] : [rank(o.min), rank(o.max)])
const noHeavier = (a: Outcome, b: Outcome) => bounds(a)[0] <= bounds(b)[0] && bounds(a)[1] <= bounds(b)[1]

const range = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .map(([a, b]) => r(SANCTIONS[Math.min(a, b)], SANCTIONS[Math.max(a, b)]))
const violation: fc.Arbitrary<ViolationInput> = fc.record({
  range,
  mitigating: fc.constantFrom([], ['ccp.mitigation'], ['ccp.cooperation'], ['ccp.mitigation', 'ccp.cooperation']),
  aggravating: fc.constantFrom([], ['ccp.aggravation'], ['ccp.aggravation-repeat'], ['ccp.aggravation', 'ccp.aggravation-repeat']),
  leader: fc.boolean(),
  statutory: fc.constantFrom(null, 'heavier' as const, 'heavier-or-aggravated' as const),
  mitigationEffect: fc.constantFrom(undefined, 'lighter' as const, 'reduced' as const),
  aggravationEffect: fc.constantFrom(undefined, 'heavier' as const, 'aggravated' as const)
})
const outcome: fc.Arbitrary<Outcome> = fc.option(range, { nil: null })

t.test('the arithmetic never leaves the ladder, and each step starts where the last ended', async (t) => {
  fc.assert(fc.property(violation, (v) => {
    const { outcome, steps } = sanctionFor(v)
    let at: Outcome = v.range
    for (const s of steps) {
      if (JSON.stringify(s.from) !== JSON.stringify(at) || !onLadder(s.to)) return false
      at = s.to
    }
    return onLadder(outcome) && JSON.stringify(at) === JSON.stringify(outcome)
  }))
  fc.assert(fc.property(fc.array(outcome, { maxLength: 6 }), fc.option(fc.boolean(), { nil: undefined }), (xs, post) => {
    const c = combine(xs)
    return onLadder(c.outcome) && onLadder(substitute(c.outcome, post).outcome)
  }))
  t.pass('checked with fast-check')
})

t.test('从轻 and 从重 stay within the range and move it by one step, never to its end', async (t) => {
  fc.assert(fc.property(violation, (v) => {
    const { steps } = sanctionFor(v)
    return steps.filter((s) => s.step === 'lighter' || s.step === 'heavier').every((s) => {
      const [a, b] = bounds(s.from)
      const [c, d] = bounds(s.to)
      const width = b - a
      return c >= a && d <= b && (width === 0 ? c === a && d === b : (d - c) === width - 1) && s.assumption
    })
  }))
  t.pass('checked with fast-check')
})

t.test('adding a mitigating circumstance never makes the outcome heavier; an aggravating one never lighter', async (t) => {
  fc.assert(fc.property(violation, (v) =>
    noHeavier(sanctionFor({ ...v, mitigating: ['ccp.mitigation'] }).outcome, sanctionFor({ ...v, mitigating: [] }).outcome)))
  fc.assert(fc.property(violation, (v) =>
    noHeavier(sanctionFor({ ...v, aggravating: [] }).outcome, sanctionFor({ ...v, aggravating: ['ccp.aggravation'] }).outcome)))
  fc.assert(fc.property(violation, (v) =>
    noHeavier(sanctionFor({ ...v, leader: false }).outcome, sanctionFor({ ...v, leader: true }).outcome)))
  t.pass('checked with fast-check')
})

t.test('adding a violation never lowers the combined range', async (t) => {
  fc.assert(fc.property(fc.array(outcome, { maxLength: 6 }), outcome, fc.option(fc.boolean(), { nil: undefined }), (xs, y, post) => {
    const before = substitute(combine(xs).outcome, post).outcome
    const after = substitute(combine([...xs, y]).outcome, post).outcome
    return noHeavier(before, after)
  }))
  t.pass('checked with fast-check')
})

const none: ViolationInput = { range: r(W, E), mitigating: [], aggravating: [], leader: false, statutory: null }

t.test('从轻 and 从重: one step within the range (2018 Art 21), the service\'s convention', async (t) => {
  t.same(sanctionFor(none), { outcome: r(W, E), steps: [] }, 'nothing stated: the range stands')
  t.same(sanctionFor({ ...none, aggravating: ['ccp.aggravation'] }).outcome, r(SW, E), '从重 on W–E gives SW–E, not E')
  t.same(sanctionFor({ ...none, mitigating: ['ccp.mitigation'] }).outcome, r(W, P), '从轻 on W–E gives W–P')
  t.same(sanctionFor({ ...none, range: r(W, SW), mitigating: ['ccp.mitigation'], mitigationEffect: 'lighter' }).outcome, r(W, W), '从轻 on W–SW: a warning')
  t.same(sanctionFor({ ...none, range: r(E, E), leader: true }).outcome, r(E, E), 'an expulsion-only range stays')
  const heavier = sanctionFor({ ...none, range: r(R, E), leader: true }).steps[0]
  t.same({ step: heavier.step, from: heavier.from, to: heavier.to, clauses: heavier.clauses, assumption: heavier.assumption },
    { step: 'heavier', from: r(R, E), to: r(P, E), clauses: ['ccp.lighter-heavier', 'ccp.joint-violation'], assumption: true })
})

t.test('减轻 and 加重: the single sanction one tier outside the range (2018 Art 22)', async (t) => {
  const mit: ViolationInput = { ...none, mitigating: ['ccp.mitigation'], mitigationEffect: 'reduced' }
  t.same(sanctionFor({ ...mit, range: r(R, P) }).outcome, single(SW), '减轻 on R–P: a serious warning')
  t.same(sanctionFor({ ...mit, range: r(SW, R) }).outcome, single(W))
  t.same(sanctionFor({ ...mit, range: r(W, R) }).steps.map((s) => [s.step, s.to]), [['cannot-reduce', single(W)]], 'nothing lies below a warning')
  t.same(sanctionFor({ ...mit, range: r(E, E) }).steps.map((s) => [s.step, s.to]), [['cannot-reduce', single(E)]], 'an expulsion-only offence is not reduced (para 3)')
  const agg: ViolationInput = { ...none, aggravating: ['ccp.aggravation'], aggravationEffect: 'aggravated' }
  t.same(sanctionFor({ ...agg, range: r(SW, R) }).outcome, single(P), '加重 on SW–R: probation')
  t.same(sanctionFor({ ...agg, range: r(W, SW) }).outcome, single(R))
  t.same(sanctionFor({ ...agg, range: r(P, E) }).outcome, single(E), '加重 stops at expulsion')
})

t.test('the audit\'s corrections: 2015 Art 20 and 为首者 are 从重 only; 2015 Art 39 para 2 is 从轻 only', async (t) => {
  const agg: ViolationInput = { ...none, range: r(W, SW), aggravationEffect: 'aggravated' }
  t.same(sanctionFor({ ...agg, leader: true }).outcome, r(SW, SW), 'a leader alone is only 从重')
  t.same(sanctionFor({ ...agg, aggravating: ['ccp.aggravation-repeat'] }).outcome, r(SW, SW), '2015 Art 20: 从重 only')
  t.same(sanctionFor({ ...agg, leader: true, statutory: 'heavier-or-aggravated' }).outcome, single(R), 'the article allows 加重')
  const coop: ViolationInput = { ...none, range: r(W, SW), mitigating: ['ccp.cooperation'] }
  t.same(sanctionFor(coop).steps.map((s) => [s.step, s.to, s.clauses]), [['lighter', single(W), ['ccp.cooperation', 'ccp.lighter-heavier']]], 'no exemption for cooperation in 2015')
  t.same(sanctionFor({ ...coop, range: r(SW, R), mitigationEffect: 'reduced' }).outcome, r(SW, SW), 'no 减轻 for cooperation in 2015')
})

t.test('exemption and offset', async (t) => {
  const base: ViolationInput = { ...none, range: r(W, SW), mitigating: ['ccp.mitigation'] }
  t.equal(sanctionFor(base).outcome, null, 'W/SW range + mitigating: exemption proposed')
  t.same(sanctionFor({ ...base, mitigationEffect: 'lighter' }).outcome, single(W), 'the reviewer chose 从轻')
  t.same(sanctionFor({ ...base, range: r(W, R), leader: true }).steps.map((s) => [s.step, s.to, s.assumption]), [['offset', r(W, R), true]])
})

t.test('合并处理 (2018 Art 23): [max a + 1, max b + 1], expulsion where one warrants it only', async (t) => {
  t.same(combine([]), { outcome: null, steps: [] })
  t.same(combine([null, null]).outcome, null, 'exempted violations do not count')
  t.same(combine([null, r(W, SW)]), { outcome: r(W, SW), steps: [] }, 'one sanctioned violation is not combined')
  t.same(combine([r(W, SW), r(W, SW)]).outcome, r(SW, R), 'two W–SW: SW–R, no longer a warning')
  t.same(combine([r(W, SW), r(E, E)]).outcome, single(E), 'an expulsion-only violation gives expulsion')
  t.same(combine([single(W), single(SW), single(R)]).outcome, single(P), 'W + SW + R → P (the CCDI example)')
  t.same(combine([r(W, R), r(W, SW)]).outcome, r(SW, P), 'association W–R and rumour W–SW: SW–P')
  t.same(combine([r(P, E), r(R, P)]).outcome, r(E, E), 'capped at expulsion')
  const step = combine([r(W, SW), r(SW, SW)]).steps[0]
  t.same([step.step, step.from, step.to, step.clauses], ['multiple-violations', r(SW, SW), r(R, R), ['ccp.multiple-violations']])
})

t.test('the graver outcome of one violation on several items', async (t) => {
  t.same(graver(null, r(W, W)), r(W, W))
  t.same(graver(r(W, W), null), r(W, W))
  t.same(graver(r(W, R), r(SW, SW)), r(W, R), 'the higher upper bound')
  t.same(graver(r(W, R), r(SW, R)), r(SW, R), 'then the higher lower bound')
})

t.test('no party post: removal at either end of the range becomes a serious warning', async (t) => {
  t.same(substitute(r(R, P), false).outcome, r(SW, P), 'R–P → SW–P')
  t.same(substitute(r(W, R), false).outcome, r(W, SW))
  t.same(substitute(single(R), false).outcome, single(SW))
  t.same(substitute(r(R, P), true).steps, [])
  t.same(substitute(r(W, P), false).steps, [], 'removal inside the range changes no bound')
  t.same(substitute(null, false), { outcome: null, steps: [] })
  const unknown = substitute(r(R, P), undefined)
  t.same([unknown.outcome, unknown.steps[0].step], [r(R, P), 'no-party-post-unknown'])
  t.equal(fixedSanction(single(P)), P)
  t.equal(fixedSanction(r(R, P)), null)
  t.equal(fixedSanction(null), null)
})
