import t from 'tap'
import { rank, rangeOf, compareRanges } from '../../../src/domain/decide/ladder.js'
import { SANCTIONS } from '../../../src/schemas/codes.js'

t.test('the ladder runs warning → expulsion', async (t) => {
  t.same(SANCTIONS, ['warning', 'serious-warning', 'removal-from-party-posts', 'probation', 'expulsion'])
  t.ok(rank('warning') < rank('expulsion'))
  t.same(rangeOf(['removal-from-party-posts', 'warning', 'serious-warning']), { min: 'warning', max: 'removal-from-party-posts' })
  t.same(rangeOf(['expulsion']), { min: 'expulsion', max: 'expulsion' })
})

t.test('ranges order by upper bound, then lower bound', async (t) => {
  const wr = { min: 'warning', max: 'removal-from-party-posts' } as const
  const swr = { min: 'serious-warning', max: 'removal-from-party-posts' } as const
  const rpe = { min: 'removal-from-party-posts', max: 'expulsion' } as const
  t.ok(compareRanges(wr, rpe) < 0)
  t.ok(compareRanges(swr, wr) > 0, 'same upper bound: the higher lower bound is more severe')
  t.equal(compareRanges(wr, wr), 0)
})
