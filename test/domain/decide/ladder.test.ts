import t from 'tap'
import { rank, rangeOf, compareRanges } from '../../../src/domain/decide/ladder.js'
import { tierFor, level } from '../../../src/domain/decide/circumstance.js'
import { SANCTIONS, CIRCUMSTANCES } from '../../../src/schemas/codes.js'

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

t.test('circumstances are ordered by gravity', async (t) => {
  t.same(CIRCUMSTANCES.map(level), [0, 1, 2, 3])
})

t.test('tierFor picks the gravest tier a circumstance reaches', async (t) => {
  const onlySerious = [{ circumstance: 'serious' as const, sanctions: ['W'] }]
  t.equal(tierFor(onlySerious, 'relatively-serious'), undefined, 'below the only tier: no sanction under the article')
  t.equal(tierFor(onlySerious, 'serious')?.sanctions[0], 'W')
  const baseAndSerious = [{ circumstance: 'base' as const, sanctions: ['SW'] }, { circumstance: 'serious' as const, sanctions: ['P'] }]
  t.equal(tierFor(baseAndSerious, 'relatively-minor')?.sanctions[0], 'SW', 'a base tier takes any conduct that meets the elements')
  t.equal(tierFor(baseAndSerious, 'relatively-serious')?.sanctions[0], 'SW')
  t.equal(tierFor(baseAndSerious, 'serious')?.sanctions[0], 'P')
  const three = [{ circumstance: 'relatively-minor' as const, sanctions: ['W'] }, { circumstance: 'relatively-serious' as const, sanctions: ['R'] }, { circumstance: 'serious' as const, sanctions: ['E'] }]
  t.equal(tierFor(three, 'base')?.sanctions[0], 'W', 'an unqualified case of a 较轻/较重/严重 article takes the entry tier')
  t.equal(tierFor(three, 'relatively-serious')?.sanctions[0], 'R')
  const fromRelativelySerious = [{ circumstance: 'relatively-serious' as const, sanctions: ['W'] }, { circumstance: 'serious' as const, sanctions: ['R'] }]
  t.equal(tierFor(fromRelativelySerious, 'base'), undefined, 'nothing below 较重 where the article starts there')
})
