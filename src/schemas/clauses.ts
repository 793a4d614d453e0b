import { Type } from '@sinclair/typebox'
import { Text, ref, TierTestCode, SanctionCode, DateString } from './common.js'

const strict = { additionalProperties: false } as const

const ClauseVersionView = Type.Object({
  version: Type.String(),
  inForce: Type.Object({ from: DateString, to: Type.Optional(DateString) }, strict),
  article: Type.Integer(),
  paragraph: Type.Optional(Type.Integer()),
  item: Type.Optional(Type.Integer()),
  label: Type.String(),
  gloss: Type.String(),
  summary: ref(Text),
  tiers: Type.Optional(Type.Array(Type.Object({
    test: ref(TierTestCode),
    sanctions: Type.Array(ref(SanctionCode)),
    label: Type.Optional(ref(Text, { description: 'The test in the text\'s own special wording, where it has one.' }))
  }, strict))),
  covers: Type.Optional(Type.Array(Type.String())),
  source: Type.String(),
  unconfirmed: Type.Array(Type.String())
}, strict)

export const ClauseView = Type.Object({
  id: Type.String(),
  instrument: Type.String(),
  instrumentTitle: ref(Text),
  title: ref(Text),
  kind: Type.String(),
  subject: Type.Optional(ref(Text)),
  before: Type.Optional(Type.Object({ summary: ref(Text), source: Type.String() }, strict)),
  versions: Type.Array(ClauseVersionView),
  absent: Type.Array(Type.Object({ version: Type.String(), confirmed: Type.Boolean(), note: ref(Text), source: Type.String() }, strict)),
  href: Type.String()
}, { ...strict, $id: 'Clause' })

export const ClauseList = Type.Object({
  rulesRevision: Type.String(),
  clauses: Type.Array(ref(ClauseView))
}, { ...strict, $id: 'ClauseList' })
