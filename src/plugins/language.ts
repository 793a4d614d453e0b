/**
 * The response language from Accept-Language (RFC 9110 §12.5.4): the best of zh / en by quality,
 * the first listed on a tie, undefined when neither is acceptable (the caller's default applies).
 * An entry whose q is not a valid qvalue ("q=abc", "q=-1", "q=1.5") is ignored, not taken as q=1.
 * Hand-written rather than `negotiator`, which reads q with parseFloat (so q=0.5abc counts) and ranks
 * an exact later tag above an earlier regional one (zh-TW, en → en).
 */
import type { Lang } from '../schemas/common.js'

const QVALUE = /^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$/

/** An entry's quality: 1 without q, its value with a valid q, undefined when q is malformed. */
function quality (params: string[]): number | undefined {
  const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
  if (q === undefined) return 1
  const value = q.slice(2)
  return QVALUE.test(value) ? Number(value) : undefined
}

export function negotiate (acceptLanguage: string | undefined): Lang | undefined {
  if (acceptLanguage === undefined) return undefined
  const ranked = acceptLanguage.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().toLowerCase().split(';')
    return { primary: tag.trim().split('-')[0], q: quality(params), i }
  }).filter((x): x is { primary: Lang, q: number, i: number } => (x.primary === 'zh' || x.primary === 'en') && x.q !== undefined && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  return ranked[0]?.primary
}
