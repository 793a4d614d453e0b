/**
 * The facts vocabulary: one shape for every rule set. Every field is optional unless the service
 * cannot work without it; a missing field means "not established", and a rule that needs it is
 * reported as undetermined, never as not triggered. Unknown fields are rejected.
 */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'
import { CircumstanceCode, DateString, ref } from './common.js'
import './formats.js'

const strict = { additionalProperties: false } as const
const set = <T extends string>(values: readonly T[], description: string) =>
  Type.Array(StringEnum(values), { uniqueItems: true, maxItems: values.length, description })

export const RANKS = ['national', 'provincial-ministerial', 'bureau', 'division', 'section', 'other'] as const
export const ASSOCIATION_KINDS = ['hometown', 'alumni', 'veterans', 'other'] as const
export const ASSOCIATION_FORMS = ['organisation', 'online-group', 'occasional-gathering'] as const
export const MEDIA = ['offline', 'wechat', 'qq', 'other-online'] as const
export const COMPOSITION = ['officials', 'businesspeople', 'military', 'academics', 'others'] as const
export const ROLES = ['initiator', 'organiser', 'group-owner', 'office-holder', 'member'] as const
export const ACTIVITIES = [
  'political-business-information-exchange',
  'project-introduction',
  'benefits-or-services-received',
  'lavish-dining',
  'power-for-money',
  'placing-members-in-posts',
  'demanding-personal-loyalty',
  'trading-favours-for-political-capital'
] as const
export const CONDUCT_TYPES = ['informal-association'] as const

export const Subject = Type.Object({
  partyMember: Type.Boolean({ description: 'The person is a member of the Communist Party of China.' }),
  leadingCadre: Type.Optional(Type.Boolean({ description: '党员领导干部: holds a leading post in a party or state organ, people\'s organisation, the military, or leads a state-owned enterprise or public institution, at the time of the conduct.' })),
  rank: Type.Optional(StringEnum(RANKS, { description: 'Administrative rank: national, provincial-ministerial (省部级), bureau (厅局级), division (县处级), section (乡科级), other.' })),
  holdsPartyPost: Type.Optional(Type.Boolean({ description: 'Holds a post inside the party (relevant to 撤销党内职务).' }))
}, { ...strict, $id: 'Subject', description: 'Who the party member is. Personal identifiers are not needed and not accepted.' })

export const Association = Type.Object({
  kind: Type.Optional(StringEnum(ASSOCIATION_KINDS, { description: 'hometown (老乡会), alumni (校友会), veterans (战友会), other.' })),
  form: Type.Optional(StringEnum(ASSOCIATION_FORMS, { description: 'organisation: a standing association; online-group: a WeChat/QQ or similar group; occasional-gathering: friends meeting now and then, not an association.' })),
  medium: Type.Optional(StringEnum(MEDIA, { description: 'Where it mainly lives.' })),
  registered: Type.Optional(Type.Boolean({ description: 'Registered with the civil-affairs authorities (民政部门登记注册).' })),
  organised: Type.Optional(Type.Boolean({ description: 'Has an organising structure: an owner, officers or named assistants, regular activities.' })),
  memberCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000000 })),
  composition: Type.Optional(set(COMPOSITION, 'Who the members mainly are.')),
  subjectRoles: Type.Optional(set(ROLES, 'What the subject is in it: initiator (发起人), organiser, group-owner (群主), office-holder (e.g. 秘书长), member. Empty: not part of it.')),
  officeTitle: Type.Optional(Type.String({ maxLength: 50, description: 'The office the subject holds, in words, e.g. 秘书长.' })),
  offlineGatherings: Type.Optional(Type.Object({
    count: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    regularised: Type.Optional(Type.Boolean({ description: 'Held on a fixed rhythm (e.g. one or two plenary gatherings a year).' }))
  }, strict)),
  subjectActivities: Type.Optional(set(ACTIVITIES, 'What the subject personally did through it. Empty: established that the subject did none of these.')),
  memberActivities: Type.Optional(set(ACTIVITIES, 'What other members did inside it. Counts toward the circumstances; not the subject\'s own offence.')),
  publicFundsUsed: Type.Optional(Type.Boolean({ description: 'Public funds sponsored it or paid for its activities.' })),
  refusedToWithdraw: Type.Optional(Type.Boolean({ description: 'The subject was asked by the party organisation to withdraw or resign and did not.' }))
}, { ...strict, $id: 'Association', description: 'A 老乡会 / 校友会 / 战友会 or a group that may function as one.' })

export const Period = Type.Object({
  start: Type.Optional(DateString),
  end: Type.Optional(DateString)
}, { ...strict, description: 'When the conduct took place. Continuing conduct takes the version in force when it ended; a missing end leaves the version undetermined.' })

export const ConductItem = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The caller\'s own reference for this conduct item.' })),
  type: StringEnum(CONDUCT_TYPES, { description: 'Which rule sets look at this item.' }),
  period: Period,
  association: Type.Optional(ref(Association)),
  statedCircumstances: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }), ref(CircumstanceCode), {
    description: 'Circumstances established by the case officer, by rule id. A stated circumstance wins over the inferred one.'
  }))
}, { ...strict, $id: 'ConductItem' })

export const Facts = Type.Object({
  subject: ref(Subject),
  conduct: Type.Array(ref(ConductItem), { minItems: 1, maxItems: 50 })
}, { ...strict, $id: 'Facts' })

export type Facts = Static<typeof Facts>
export type ConductItem = Static<typeof ConductItem>

/** The detail object each conduct type needs. */
export const CONDUCT_DETAILS: Record<ConductItem['type'], 'association'> = {
  'informal-association': 'association'
}
