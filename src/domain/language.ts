/**
 * Response language: options.lang, else the best of zh / en in Accept-Language, else zh. Every
 * bilingual text in the response keeps both languages and gains `text` in the chosen one.
 */
import type { Lang } from '../schemas/common.js'

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

/**
 * A copy of a response in which every { zh, en } object also has `text` in the chosen language.
 * It copies rather than mutates: texts in a response are shared with the loaded rules.
 */
export function localise<T> (value: T, lang: Lang): T {
  if (Array.isArray(value)) return value.map((item) => localise(item, lang)) as T
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if (typeof obj.zh === 'string' && typeof obj.en === 'string') return { ...obj, text: obj[lang] } as T
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(obj)) out[k] = localise(v, lang)
    return out as T
  }
  return value
}
