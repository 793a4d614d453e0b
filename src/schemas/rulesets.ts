import { Type } from '@sinclair/typebox'
import { Text, ref } from './common.js'
import { Citation } from './citation.js'

const strict = { additionalProperties: false } as const

export const RuleSetSummary = Type.Object({
  id: Type.String(),
  title: ref(Text),
  description: ref(Text),
  conductType: Type.String(),
  rules: Type.Integer({ description: 'How many rules the set holds.' }),
  href: Type.String()
}, { ...strict, $id: 'RuleSetSummary' })

export const RuleSetList = Type.Object({
  rulesRevision: Type.String(),
  ruleSets: Type.Array(ref(RuleSetSummary))
}, { ...strict, $id: 'RuleSetList' })

export const RuleDescription = Type.Object({
  id: Type.String(),
  title: ref(Text),
  clause: Type.String(),
  inferredCircumstance: Type.Boolean({ description: 'True when the rule infers a circumstance from indicators (labelled as inferred in evaluations).' }),
  provenance: Type.Object({ source: Type.String(), inference: Type.Boolean(), note: Type.Optional(ref(Text)) }, strict),
  citations: Type.Array(ref(Citation), { description: 'Every clause the rule may cite, in every encoded version.' }),
  conditions: Type.Unknown({ description: 'The json-rules-engine conditions, as authored.' })
}, { ...strict, $id: 'RuleDescription' })

export const RuleSetDetail = Type.Object({
  id: Type.String(),
  rulesRevision: Type.String(),
  title: ref(Text),
  description: ref(Text),
  conductType: Type.String(),
  rules: Type.Array(ref(RuleDescription))
}, { ...strict, $id: 'RuleSetDetail' })

export const Health = Type.Object({ status: Type.Literal('ok') }, { ...strict, $id: 'Health' })
export const Readiness = Type.Object({
  status: Type.Literal('ready'),
  rulesRevision: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  ruleSets: Type.Array(Type.String())
}, { ...strict, $id: 'Readiness' })
