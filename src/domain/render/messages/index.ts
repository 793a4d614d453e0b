/** The message tables by language, and a bilingual text built from both. */
import type { Bilingual, Lang } from '../../../schemas/common.js'
import type { Messages } from './types.js'
import { zh } from './zh.js'
import { en } from './en.js'

export type { Messages } from './types.js'
export { SANCTION_NAMES, EXEMPTION, TIER_TEST_NAMES, CIRCUMSTANCE_CODE_NAMES } from './names.js'

export const MESSAGES: Record<Lang, Messages> = { zh, en }

/** One message in both languages: `say((m) => m.disclaimer)`. */
export function say (message: (m: Messages, lang: Lang) => string): Bilingual {
  return { zh: message(zh, 'zh'), en: message(en, 'en') }
}
