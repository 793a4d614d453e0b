/** A provision as an answer cites it, and a range on the sanction ladder: shared by the rules' verdicts and the classification. */
import { Type, type Static } from '@sinclair/typebox'
import { SanctionCode, Text, ref } from './common.js'

const strict = { additionalProperties: false } as const

export const Citation = Type.Object({
  clause: Type.String({ description: 'Catalog id of the provision (GET /v1/rulesets/{id} lists them).' }),
  instrument: Type.Union([Type.Literal('ccp-discipline-regulations'), Type.Literal('notice-2002-associations')]),
  version: Type.String({ description: '"2015", "2018", "2023" for the regulations; "2002" for the notice.' }),
  article: Type.Integer(),
  paragraph: Type.Optional(Type.Integer()),
  item: Type.Optional(Type.Integer()),
  label: Type.String({ description: 'The citation as a Chinese document would write it.' }),
  gloss: Type.String({ description: 'An English gloss of the label.' }),
  role: Type.Optional(ref(Text)),
  summary: ref(Text),
  unconfirmed: Type.Array(Type.String(), { description: 'What the legal reference could not confirm about this provision and its version; empty when nothing.' })
}, { ...strict, $id: 'Citation' })
export type Citation = Static<typeof Citation>

export const SanctionRange = Type.Object({ min: ref(SanctionCode), max: ref(SanctionCode) }, { ...strict, $id: 'SanctionRange' })
