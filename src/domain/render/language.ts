/** Response language: options.lang, else the best of zh / en in Accept-Language, else zh. */
import type { Lang } from '../../schemas/common.js'

export function negotiate (acceptLanguage: string | undefined): Lang | undefined {
  if (acceptLanguage === undefined) return undefined
  const ranked = acceptLanguage.split(',').map((part, i) => {
    const [tag, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined)
    return { primary: tag.split('-')[0], q: q === undefined ? 1 : Number(q), i }
  }).filter((x) => (x.primary === 'zh' || x.primary === 'en') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  return ranked[0]?.primary as Lang | undefined
}
