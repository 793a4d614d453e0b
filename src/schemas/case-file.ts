/**
 * Schema of a golden case under rules/cases/: what test/cases.test.ts reads. The request is an
 * evaluation request (facts in the facts vocabulary); the expectations are compared with the answer.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ref, CircumstanceCode, DateString } from './common.js'
import { Facts, Subject, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest, ConductItem } from './facts.js'
import './formats.js'

const strict = { additionalProperties: false } as const
const RuleId = Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$', description: 'A rule id, e.g. association.faction-vehicle.' })
const Range = Type.Object({ min: Type.String({ minLength: 1 }), max: Type.String({ minLength: 1 }) }, strict)

export const CaseFile = Type.Object({
  $comment: Type.Optional(Type.String()),
  name: Type.String({ minLength: 20, description: 'One sentence stating the boundary the case tests.' }),
  provisions: Type.Array(Type.String({ pattern: '^[a-z0-9.-]+(@[0-9]{4})?$' }), { minItems: 1, description: 'The provisions the case exercises, clause@version (e.g. ccp.association@2015).' }),
  request: Type.Object({
    facts: ref(Facts),
    options: Type.Optional(Type.Object({ decisionDate: Type.Optional(DateString) }, { description: 'Evaluation options as the API accepts them (decisionDate, …).' }))
  }, { ...strict, description: 'The evaluation request, as POST /v1/evaluations takes it.' }),
  expect: Type.Object({
    triggered: Type.Array(Type.Object({
      ruleId: RuleId,
      version: Type.String({ pattern: '^[0-9]{4}$' }),
      circumstance: Type.Object({ tier: Type.String({ minLength: 1, description: 'The test of the tier established (none, relatively-minor, political-ecology-worsened, …).' }), source: Type.String({ minLength: 1 }) }, strict),
      sanctionRange: Range,
      openTiers: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'The tests of the graver tiers still open, lightest first (absent: none open).' })),
      provisionalVersion: Type.Optional(Type.Literal(true, { description: 'The choice of version is provisional (absent: it is not).' })),
      citations: Type.Array(Type.String({ minLength: 1 }), { description: 'The citation labels, in order.' }),
      notes: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'The ids of the notes shown, in order (checked only when given).' }))
    }, strict)),
    undetermined: Type.Array(Type.Object({ ruleId: RuleId, missing: Type.Array(Type.String({ minLength: 1 }), { description: 'JSON pointers of the missing facts.' }) }, strict)),
    findings: Type.Array(Type.Object({ ruleId: RuleId, status: Type.String({ minLength: 1 }), supersededBy: Type.Optional(RuleId) }, strict)),
    notTriggered: Type.Optional(Type.Array(RuleId, { description: 'The rules ruled out (checked only when given).' })),
    classification: Type.Object({
      status: Type.String({ minLength: 1 }),
      provisional: Type.Boolean(),
      sanctionRange: Type.Union([Range, Type.Null()]),
      recommended: Type.Union([Type.String({ minLength: 1, description: 'A sanction code, or "*" where the facts leave it open (only in a provisional classification; test/cases.test.ts refuses it elsewhere).' }), Type.Null()]),
      referral: Type.Boolean(),
      recommendation: Type.Optional(Type.Object({
        reason: Type.String({ minLength: 1 }),
        narrowedBy: Type.Array(Type.String({ minLength: 1 }), { description: 'The levers named, in order.' })
      }, { ...strict, description: 'Why a sanction is or is not recommended, and what would narrow the range (checked only when given).' }))
    }, strict),
    adjustments: Type.Optional(Type.Array(Type.Object({
      step: Type.String({ minLength: 1 }),
      to: Type.Union([Range, Type.Null()], { description: 'The range after the step; null: no sanction (免予处分).' }),
      citations: Type.Array(Type.String({ minLength: 1 }))
    }, strict), { description: 'The steps of the sanction arithmetic (checked only when given).' })),
    appliedVersion: Type.Optional(Type.Array(Type.Object({
      ruleId: RuleId,
      version: Type.String({ pattern: '^[0-9]{4}$' }),
      citations: Type.Array(Type.String({ minLength: 1 }))
    }, strict), { description: 'The version applied to each triggered rule and the temporal clause cited (checked only when given).' }))
  }, strict)
}, { ...strict, $id: 'CaseFile' })
export type CaseFile = Static<typeof CaseFile>

/** The shared schemas a case file refers to, each after the ones it refers to. */
export const CASE_FILE_REFS: TSchema[] = [CircumstanceCode, Subject, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest, ConductItem, Facts]
