/** A response text: both languages, and `text` in the language of the response. */
import type { Bilingual, Lang, Text } from '../../schemas/common.js'

export function text (b: Bilingual, lang: Lang): Text {
  return { zh: b.zh, en: b.en, text: lang === 'zh' ? b.zh : b.en }
}
