import { Type, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'
import { SANCTIONS, CIRCUMSTANCES, TIER_TESTS } from './codes.js'

export const Text = Type.Object({
  zh: Type.String({ minLength: 1 }),
  en: Type.String({ minLength: 1 }),
  text: Type.Optional(Type.String({ description: 'In responses: the same text in the language of the response (lang).' }))
}, { $id: 'Text', additionalProperties: false, description: 'A text in Chinese (zh) and English (en).' })

export const LANGS = ['zh', 'en'] as const
export type Lang = (typeof LANGS)[number]
export type Text = Static<typeof Text>
/** A text in both languages, as the rule data and the message tables hold it (a response `Text` adds `text`). */
export type Bilingual = { zh: string, en: string }

/** A reference to a shared schema by its $id, typed as the schema it points to. */
export const ref = <T extends TSchema>(schema: T, options?: SchemaOptions) =>
  Type.Unsafe<Static<T>>(Type.Ref(schema.$id as string, options))

export const sanctionCode = (options: SchemaOptions = {}) => StringEnum(SANCTIONS, {
  description: 'Sanction codes in ladder order: warning (警告), serious-warning (严重警告), removal-from-party-posts (撤销党内职务), probation (留党察看), expulsion (开除党籍).',
  ...options
})
export const circumstanceCode = (options: SchemaOptions = {}) => StringEnum(CIRCUMSTANCES, {
  description: 'relatively-minor = 情节较轻; base = no qualifier; relatively-serious = 情节较重; serious = 情节严重.',
  ...options
})
export const tierTestCode = (options: SchemaOptions = {}) => StringEnum(TIER_TESTS, {
  description: 'The test of an article\'s tier, as its text words it: none (no qualifier), by-circumstances (视情节轻重: the whole range, no test), relatively-minor (情节较轻), relatively-serious (情节较重), serious (情节严重), bad-effect (造成不良影响), serious-bad-effect (造成严重不良影响), serious-consequences (造成严重后果), political-ecology-worsened (导致本地区、本部门、本单位政治生态恶化), lost-member-qualities (丧失党员条件，严重败坏党的形象), planner-organiser-core (策划者、组织者和骨干分子).',
  ...options
})
export const SanctionCode = sanctionCode({ $id: 'Sanction' })
export const TierTestCode = tierTestCode({ $id: 'TierTest' })
export const CircumstanceCode = circumstanceCode({ $id: 'Circumstance' })

/** A calendar date, YYYY-MM-DD; the 'date' format is registered with TypeBox in src/schemas/formats.ts. */
export const DateString = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD.', examples: ['2017-12-31'] })
