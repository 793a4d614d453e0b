import { Type, type Static, type TSchema, type SchemaOptions } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'
import { SANCTIONS, CIRCUMSTANCES } from './codes.js'

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
export const SanctionCode = sanctionCode({ $id: 'Sanction' })
export const CircumstanceCode = circumstanceCode({ $id: 'Circumstance' })

/** A calendar date, YYYY-MM-DD; the 'date' format is registered with TypeBox in src/schemas/formats.ts. */
export const DateString = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD.', examples: ['2017-12-31'] })
