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

/** Is this a { zh, en } text? */
function isText (value: unknown): value is { zh: string, en: string } {
  return value !== null && typeof value === 'object' && typeof (value as { zh?: unknown }).zh === 'string' && typeof (value as { en?: unknown }).en === 'string'
}

/**
 * Gives every { zh, en } text in a freshly built response a `text` in the chosen language. The
 * containers of an evaluation response are built per request, so they are changed in place; the texts
 * themselves are shared with the loaded rules, so each is replaced by a copy, never changed.
 */
export function localise<T> (value: T, lang: Lang): T {
  const child = (c: unknown): unknown => isText(c) ? { ...c, text: c[lang] } : c !== null && typeof c === 'object' ? localise(c, lang) : c
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = child(value[i])
  } else {
    const obj = value as Record<string, unknown>
    for (const k of Object.keys(obj)) obj[k] = child(obj[k])
  }
  return value
}
