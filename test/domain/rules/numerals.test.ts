import t from 'tap'
import { chineseNumeral } from '../../../src/domain/rules/numerals.js'

t.test('article numbers as Chinese numerals', async (t) => {
  const cases: Array<[number, string]> = [
    [1, '一'], [7, '七'], [10, '十'], [18, '十八'], [20, '二十'], [27, '二十七'], [49, '四十九'], [68, '六十八'],
    [74, '七十四'], [82, '八十二'], [100, '一百'], [103, '一百零三'], [111, '一百一十一'], [120, '一百二十'],
    [133, '一百三十三'], [142, '一百四十二'], [158, '一百五十八']
  ]
  for (const [n, zh] of cases) t.equal(chineseNumeral(n), zh, `${n}`)
})

t.test('numbers outside 1..999 are refused', async (t) => {
  for (const n of [0, -1, 1000, 1.5]) t.throws(() => chineseNumeral(n), RangeError)
})
