/**
 * The condition trees of the rules files (rule elements, tier tests, indicators, notes, adjustments, supporting
 * clauses) and rules/conditions.json, which names the shared ones; with the bilingual text their leaves carry.
 */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'

/** A text in both languages, as the rules files write one. */
export const Bilingual = Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false })

/** A json-rules-engine condition tree. Leaves read a fact of the facts vocabulary without JSONPath. */
export const Condition = Type.Recursive((This) => Type.Union([
  Type.Object({ all: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ any: Type.Array(This, { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ not: This }, { additionalProperties: false }),
  Type.Object({ condition: Type.String({ pattern: '^[a-z0-9-]+$', description: 'The name of a shared condition in rules/conditions.json.' }) }, { additionalProperties: false }),
  Type.Object({
    fact: Type.String({ pattern: '^(subject|conduct)(\\.[A-Za-z]+)+$' }),
    operator: StringEnum(['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain', 'containsAny']),
    value: Type.Union([Type.Boolean(), Type.Number(), Type.String(), Type.Array(Type.Union([Type.String(), Type.Number()]))]),
    description: Type.Optional(Bilingual)
  }, { additionalProperties: false })
]), { $id: 'RuleCondition' })
export type Condition = Static<typeof Condition>

/** rules/conditions.json: named shared conditions, for leaves that many rules test in the same words. */
export const ConditionsFile = Type.Object({
  $comment: Type.Optional(Type.String()),
  conditions: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Condition, { additionalProperties: false })
}, { additionalProperties: false })

