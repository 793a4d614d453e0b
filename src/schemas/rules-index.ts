/**
 * Schema of rules/index.json: what a rules directory contains. Start-up and reload refuse a directory
 * that does not match it, so a rule-set file deleted by mistake stops the load instead of leaving a
 * conduct type with no rules (an empty answer that reads as "no violation").
 */
import { Type, type Static } from '@sinclair/typebox'

export const RulesIndex = Type.Object({
  $comment: Type.Optional(Type.String()),
  catalog: Type.Array(Type.String({ pattern: '^catalog/[a-z0-9-]+\\.json$' }), { minItems: 1, uniqueItems: true, description: 'Every catalog file.' }),
  // A conduct type the API does not know is refused by the rule set's own schema, which names it.
  rulesets: Type.Record(Type.String({ pattern: '^rulesets/[a-z0-9-]+\\.json$' }), Type.String({ pattern: '^[a-z][a-z-]*$' }), {
    minProperties: 1,
    description: 'Every rule-set file, with the conduct type it covers.'
  }),
  data: Type.Array(Type.String({ pattern: '^[a-z0-9-]+\\.json$' }), { uniqueItems: true, description: 'Every other JSON file at the top of the directory (conditions.json, sources.json).' })
}, { $id: 'RulesIndex', additionalProperties: false })
export type RulesIndex = Static<typeof RulesIndex>
