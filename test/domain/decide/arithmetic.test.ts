import t from 'tap'
import fc from 'fast-check'
import { sanctionFor, combine, substitute, baseline, type Proposal, type ViolationInput } from '../../../src/domain/decide/arithmetic.js'
import { rank } from '../../../src/domain/decide/ladder.js'
import { SANCTIONS, type Sanction } from '../../../src/schemas/codes.js'

const level = (o: Proposal) => o === null ? -1 : rank(o)
const onLadder = (o: Proposal) => o === null || (SANCTIONS as readonly string[]).includes(o)

const range = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
  .map(([a, b]) => ({ min: SANCTIONS[Math.min(a, b)], max: SANCTIONS[Math.max(a, b)] }))
const violation: fc.Arbitrary<ViolationInput> = fc.record({
  range,
  mitigating: fc.boolean(),
  aggravating: fc.constantFrom([], ['ccp.aggravation'], ['ccp.aggravation', 'ccp.aggravation-repeat']),
  leader: fc.boolean(),
  statutory: fc.constantFrom(null, 'heavier' as const, 'heavier-or-aggravated' as const),
  mitigationEffect: fc.constantFrom(undefined, 'lighter' as const, 'reduced' as const),
  aggravationEffect: fc.constantFrom(undefined, 'heavier' as const, 'aggravated' as const)
})
const outcome: fc.Arbitrary<Proposal> = fc.constantFrom(null, ...SANCTIONS)

t.test('baseline: the middle of the range, rounded towards the lighter sanction', async (t) => {
  const b = (min: Sanction, max: Sanction) => baseline({ min, max })
  t.equal(b('warning', 'serious-warning'), 'warning')
  t.equal(b('warning', 'removal-from-party-posts'), 'serious-warning')
  t.equal(b('serious-warning', 'removal-from-party-posts'), 'serious-warning')
  t.equal(b('removal-from-party-posts', 'expulsion'), 'probation')
  t.equal(b('expulsion', 'expulsion'), 'expulsion')
  t.equal(b('warning', 'expulsion'), 'removal-from-party-posts')
})

t.test('the arithmetic never leaves the ladder', async (t) => {
  fc.assert(fc.property(violation, (v) => {
    const { outcome, steps } = sanctionFor(v)
    return onLadder(outcome) && steps.every((s) => onLadder(s.from) && onLadder(s.to)) && steps[steps.length - 1].to === outcome
  }))
  fc.assert(fc.property(fc.array(outcome, { maxLength: 6 }), fc.option(fc.boolean(), { nil: undefined }), (xs, post) => {
    const c = combine(xs)
    return onLadder(c.outcome) && onLadder(substitute(c.outcome, post).outcome)
  }))
  t.pass('checked with fast-check')
})

t.test('adding a mitigating circumstance never makes the outcome heavier', async (t) => {
  fc.assert(fc.property(violation, (v) =>
    level(sanctionFor({ ...v, mitigating: true }).outcome) <= level(sanctionFor({ ...v, mitigating: false }).outcome)))
  t.pass('checked with fast-check')
})

t.test('adding an aggravating circumstance never makes the outcome lighter', async (t) => {
  fc.assert(fc.property(violation, (v) =>
    level(sanctionFor({ ...v, aggravating: ['ccp.aggravation'] }).outcome) >= level(sanctionFor({ ...v, aggravating: [] }).outcome)))
  fc.assert(fc.property(violation, (v) =>
    level(sanctionFor({ ...v, leader: true }).outcome) >= level(sanctionFor({ ...v, leader: false }).outcome)))
  fc.assert(fc.property(violation, (v) =>
    level(sanctionFor({ ...v, statutory: 'heavier-or-aggravated' }).outcome) >= level(sanctionFor({ ...v, statutory: null }).outcome)))
  t.pass('checked with fast-check')
})

t.test('adding a violation never lowers the combined outcome', async (t) => {
  fc.assert(fc.property(fc.array(outcome, { maxLength: 6 }), outcome, fc.option(fc.boolean(), { nil: undefined }), (xs, y, post) => {
    const before = substitute(combine(xs).outcome, post).outcome
    const after = substitute(combine([...xs, y]).outcome, post).outcome
    return level(after) >= level(before)
  }))
  t.pass('checked with fast-check')
})

t.test('combination and substitution, case by case', async (t) => {
  t.same(combine([]), { outcome: null, steps: [] })
  t.same(combine([null, null]).outcome, null, 'exempted violations do not count')
  t.equal(combine(['warning']).outcome, 'warning')
  t.equal(combine(['warning', 'serious-warning', 'removal-from-party-posts']).outcome, 'probation', 'W + SW + R → P (the CCDI example)')
  t.equal(combine(['expulsion', 'warning']).outcome, 'expulsion')
  t.equal(combine(['probation', 'probation']).outcome, 'expulsion')
  t.equal(substitute('removal-from-party-posts', false).outcome, 'serious-warning')
  t.same(substitute('removal-from-party-posts', true).steps, [])
  t.equal(substitute('removal-from-party-posts', undefined).steps[0].step, 'no-party-post-unknown')
  t.same(substitute('probation', false).steps, [], 'only removal is substituted')
})

t.test('exemption and the limits of 减轻', async (t) => {
  const base: ViolationInput = { range: { min: 'warning', max: 'serious-warning' }, mitigating: true, aggravating: [], leader: false, statutory: null }
  t.equal(sanctionFor(base).outcome, null, 'W/SW range + mitigating: exemption proposed')
  t.equal(sanctionFor({ ...base, mitigationEffect: 'lighter' }).outcome, 'warning', 'the reviewer chose 从轻')
  t.equal(sanctionFor({ ...base, range: { min: 'expulsion', max: 'expulsion' }, mitigationEffect: 'reduced' }).outcome, 'expulsion', 'an expulsion-only offence cannot be reduced')
  t.equal(sanctionFor({ ...base, range: { min: 'removal-from-party-posts', max: 'expulsion' }, mitigationEffect: 'reduced' }).outcome, 'serious-warning')
  const agg: ViolationInput = { range: { min: 'warning', max: 'serious-warning' }, mitigating: false, aggravating: [], leader: true, statutory: null, aggravationEffect: 'aggravated' }
  t.equal(sanctionFor(agg).outcome, 'serious-warning', 'a leader alone is only 从重: 加重 needs a listed circumstance')
  t.equal(sanctionFor({ ...agg, statutory: 'heavier-or-aggravated' }).outcome, 'removal-from-party-posts', 'the article allows 加重')
  t.equal(sanctionFor({ ...agg, range: { min: 'probation', max: 'expulsion' }, aggravating: ['ccp.aggravation'] }).outcome, 'expulsion', '加重 stops at expulsion')
})
