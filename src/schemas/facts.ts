/**
 * The facts vocabulary: one shape for every rule set. Every field is optional unless the service
 * cannot work without it; a missing field means "not established", and a rule that needs it is
 * reported as undetermined, never as not triggered. Unknown fields are rejected. Every field carries
 * its name and its values in words (zh, en): see src/schemas/facts/labelled.ts.
 */
import { Type, type Static } from '@sinclair/typebox'
import { CircumstanceCode, ref } from './common.js'
import { STATED_TESTS } from './codes.js'
import { LABEL, label, oneOf } from './facts/labelled.js'
import { Subject } from './facts/subject.js'
import { Association } from './facts/association.js'
import { Speech } from './facts/speech.js'
import { Content } from './facts/content.js'
import { Benefit } from './facts/benefit.js'
import { Secret } from './facts/secret.js'
import { Business } from './facts/business.js'
import { Election } from './facts/election.js'
import { Faction } from './facts/faction.js'
import { Position } from './facts/position.js'
import { Protest } from './facts/protest.js'
import { CONDUCT_TYPE_LABELS, Period, channel, mitigating, aggravating, mitigationEffect, aggravationEffect, jointRole, CaseCircumstances, suspectedCrime, responsibility, publicSecurityViolation, harmsPartyStatePeople, affectsPartyImage, improperGains } from './facts/conduct-fields.js'
import './formats.js'
import { DEFAULT_CONFIG } from '../config.js'

export { Subject, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest, Period }

const strict = { additionalProperties: false } as const
export const CONDUCT_TYPES = Object.keys(CONDUCT_TYPE_LABELS) as Array<keyof typeof CONDUCT_TYPE_LABELS>

/** The tier tests a case officer states one by one (none and by-circumstances need no statement). */
const StatedTests = Type.Object(Object.fromEntries(STATED_TESTS.map((t) => [t, Type.Optional(Type.Boolean())])), {
  additionalProperties: false,
  minProperties: 1,
  description: 'Tier tests stated one by one (true: established; false: established not to hold). A test the rule\'s article has in no version is refused (422).'
})

export const ConductItem = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The caller\'s own reference for this conduct item.', [LABEL]: label('调用方对该行为的编号', 'the caller’s reference') })),
  type: oneOf(label('行为类型', 'type of conduct'), CONDUCT_TYPE_LABELS, { description: 'Which rule sets look at this item.' }),
  period: Period,
  channel: Type.Optional(channel),
  association: Type.Optional(ref(Association)),
  speech: Type.Optional(ref(Speech)),
  content: Type.Optional(ref(Content)),
  benefit: Type.Optional(ref(Benefit)),
  secret: Type.Optional(ref(Secret)),
  business: Type.Optional(ref(Business)),
  election: Type.Optional(ref(Election)),
  faction: Type.Optional(ref(Faction)),
  position: Type.Optional(ref(Position)),
  protest: Type.Optional(ref(Protest)),
  suspectedCrime: Type.Optional(suspectedCrime),
  publicSecurityViolation: Type.Optional(publicSecurityViolation),
  harmsPartyStatePeople: Type.Optional(harmsPartyStatePeople),
  affectsPartyImage: Type.Optional(affectsPartyImage),
  responsibility: Type.Optional(responsibility),
  improperGains: Type.Optional(improperGains),
  mitigating: Type.Optional(mitigating),
  aggravating: Type.Optional(aggravating),
  mitigationEffect: Type.Optional(mitigationEffect),
  aggravationEffect: Type.Optional(aggravationEffect),
  jointRole: Type.Optional(jointRole),
  statedCircumstances: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }), Type.Union([ref(CircumstanceCode), StatedTests]), {
    additionalProperties: false, // a key off the pattern is refused (and, being data, not echoed: plugins/validation.ts)
    description: 'The tiers established by the case officer, by rule id: EITHER a level of the 情节 scale (relatively-minor | base | relatively-serious | serious), which settles only the tests 情节较轻, 情节较重 and 情节严重, OR the tests one by one, e.g. { "serious": true, "political-ecology-worsened": false }. A statement wins over what the rule data reads from the facts; it never fills a test it does not name.',
    [LABEL]: label('办案人员认定的情节（按规则）', 'circumstances established by the case officer, by rule')
  }))
}, { ...strict, $id: 'ConductItem' })

export const Facts = Type.Object({
  subject: ref(Subject),
  circumstances: Type.Optional(CaseCircumstances),
  conduct: Type.Array(ref(ConductItem), { minItems: 1, maxItems: DEFAULT_CONFIG.MAX_CONDUCT_ITEMS }) // the app sets MAX_CONDUCT_ITEMS (registry.ts)
}, { ...strict, $id: 'Facts' })

export type Facts = Static<typeof Facts>
export type ConductItem = Static<typeof ConductItem>

/** The detail object each conduct type needs. */
export const CONDUCT_DETAILS = {
  'informal-association': 'association',
  'online-speech': 'speech',
  'obscene-content': 'content',
  'gifts-and-benefits': 'benefit',
  secrets: 'secret',
  'business-activity': 'business',
  election: 'election',
  faction: 'faction',
  'use-of-position': 'position',
  protest: 'protest'
} as const satisfies Record<ConductItem['type'], keyof ConductItem>
