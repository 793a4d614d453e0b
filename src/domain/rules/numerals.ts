const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** Chinese numeral as used in article numbers: 68 → 六十八, 103 → 一百零三, 111 → 一百一十一. */
export function chineseNumeral (n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`article number out of range: ${n}`)
  const hundreds = Math.floor(n / 100)
  const rest = n % 100
  const tens = Math.floor(rest / 10)
  const units = rest % 10
  if (hundreds === 0) {
    if (tens === 0) return DIGITS[units]
    return (tens === 1 ? '' : DIGITS[tens]) + '十' + (units === 0 ? '' : DIGITS[units])
  }
  let out = DIGITS[hundreds] + '百'
  if (rest === 0) return out
  if (tens === 0) return out + '零' + DIGITS[units]
  out += DIGITS[tens] + '十'
  return units === 0 ? out : out + DIGITS[units]
}
