/**
 * Schema of rules/sources.json: the public sources the rules cite by id (a regulation text, an official
 * interpretation, a published case or commentary), with title, issuer, date, where published and a URL
 * where one is known. Provenance in the catalog and the rule sets names these ids, never a file.
 */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'

const Bilingual = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false })

export const Source = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  kind: StringEnum(['regulation', 'normative-document', 'official-interpretation', 'case-analysis', 'practice-article', 'press', 'secondary']),
  title: Bilingual,
  issuer: Bilingual,
  date: Type.String({ pattern: '^([0-9]{4}(-[0-9]{2}){0,2}|unknown)$', description: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as it is known, or unknown.' }),
  dateNote: Type.Optional(Type.String({ minLength: 1 })),
  publishedIn: Type.String({ minLength: 1 }),
  url: Type.Optional(Type.String({ minLength: 1 })),
  mirror: Type.Optional(Type.String({ minLength: 1 })),
  copies: Type.Optional(Type.Array(Type.Object({ url: Type.String({ minLength: 1 }), covers: Type.String({ minLength: 1 }) }, { additionalProperties: false }))),
  usedFor: Type.String({ minLength: 1 }),
  unconfirmed: Type.Array(Type.String({ minLength: 1 }))
}, { additionalProperties: false })

export const SourcesFile = Type.Object({
  $comment: Type.Optional(Type.String()),
  sources: Type.Array(Source, { minItems: 1 })
}, { additionalProperties: false })

export type Source = Static<typeof Source>
export type SourcesFile = Static<typeof SourcesFile>
