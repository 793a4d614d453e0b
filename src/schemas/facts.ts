/**
 * The facts vocabulary: one shape for every rule set. Every field is optional unless the service
 * cannot work without it; a missing field means "not established", and a rule that needs it is
 * reported as undetermined, never as not triggered. Unknown fields are rejected.
 */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'
import { CircumstanceCode, DateString, ref } from './common.js'
import './formats.js'
import { DEFAULT_CONFIG } from '../config.js'

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
export const CHANNELS = ['wechat-moments', 'wechat-group', 'work-group', 'qq-group', 'private-chat', 'weibo', 'website-or-forum', 'offline-public', 'offline-private', 'meeting', 'other'] as const
export const SPEECH_CONTENT = ['central-policy-criticism', 'political-rumour', 'other-rumour'] as const
export const SPEECH_ACTIONS = ['authored', 'spread', 'read-privately'] as const
export const CONTENT_KINDS = ['obscene', 'vulgar'] as const
export const CONTENT_ACTIONS = ['forwarded', 'posted', 'made', 'sold'] as const
export const BENEFIT_KINDS = ['gift-received', 'gift-given', 'borrowing', 'hospitality-received', 'hospitality-provided'] as const
export const BENEFIT_FORMS = ['cash', 'electronic-red-packet', 'gift', 'consumption-card', 'securities', 'banquet', 'travel', 'fitness', 'entertainment', 'money', 'housing', 'car'] as const
export const COUNTERPARTS = ['managed-or-served', 'subordinate', 'business-contact', 'colleague', 'relative-or-friend', 'other'] as const
export const SECRET_KINDS = ['cadre-selection', 'disciplinary-review', 'inspection', 'other-confidential-work', 'secret-document', 'state-secret'] as const
export const SECRET_ACTIONS = ['leaked', 'spread', 'stole', 'probed', 'kept-privately'] as const
export const BUSINESS_KINDS = ['online-shop', 'wechat-business', 'running-enterprise', 'unlisted-shares', 'stock-trading', 'paid-brokering', 'other-for-profit'] as const
export const ELECTIONS = ['intra-party', 'democratic-recommendation', 'village', 'peoples-congress'] as const
export const ELECTION_CONDUCT = ['canvassing', 'vote-buying', 'inducing-votes'] as const
export const FACTION_BEHAVIOURS = ['forming-cliques', 'personal-power-base', 'benefit-exchange', 'political-capital', 'political-attachment'] as const
export const POSITION_BEHAVIOURS = ['relatives-receive-property', 'power-for-power', 'tolerating-relatives-profiting', 'relatives-business-benefit', 'meddling-in-market', 'power-for-money'] as const
export const MITIGATING = ['self-disclosure', 'reporting-others', 'recovering-losses', 'surrendering-proceeds', 'cooperating-in-review'] as const
export const AGGRAVATING = ['forcing-or-instigating-others', 'refusing-to-surrender-proceeds', 'new-violation-after-sanction', 'earlier-undisclosed-violation'] as const
export const CONDUCT_TYPES = [
  'informal-association', 'online-speech', 'obscene-content', 'gifts-and-benefits', 'secrets', 'business-activity', 'election', 'faction', 'use-of-position'
] as const

export const Subject = Type.Object({
  partyMember: Type.Boolean({ description: 'The person is a member of the Communist Party of China.' }),
  leadingCadre: Type.Optional(Type.Boolean({ description: '党员领导干部: holds a leading post in a party or state organ, people\'s organisation, the military, or leads a state-owned enterprise or public institution, at the time of the conduct.' })),
  rank: Type.Optional(StringEnum(RANKS, { description: 'Administrative rank: national, provincial-ministerial (省部级), bureau (厅局级), division (县处级), section (乡科级), other.' })),
  holdsPartyPost: Type.Optional(Type.Boolean({ description: 'Holds a post inside the party (relevant to 撤销党内职务).' })),
  boundByBusinessBan: Type.Optional(Type.Boolean({ description: 'Bound by a rule that forbids for-profit activity (e.g. a civil servant, or a party or government cadre under the business bans). A status to establish, never assumed.' }))
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

export const Speech = Type.Object({
  content: Type.Optional(StringEnum(SPEECH_CONTENT, { description: 'central-policy-criticism: 妄议 the central party\'s major policies; political-rumour: political rumours damaging party unity; other-rumour: other fabricated rumours, false accusations or framing.' })),
  action: Type.Optional(StringEnum(SPEECH_ACTIONS, { description: 'authored: made and published it; spread: forwarded or spread others\' content; read-privately: read, browsed or listened to it in private.' })),
  reachesPublic: Type.Optional(Type.Boolean({ description: 'Reaches unspecified or many persons. WeChat Moments count as public.' })),
  audienceSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000000 })),
  harmOrBadEffect: Type.Optional(Type.Boolean({ description: 'Caused harm or bad effects (造成损害或者不良影响).' }))
}, { ...strict, $id: 'Speech', description: 'What the subject said, spread or read, online or offline.' })

export const Content = Type.Object({
  kind: Type.Optional(StringEnum(CONTENT_KINDS, { description: 'obscene (淫秽) or vulgar (低俗) material.' })),
  action: Type.Optional(StringEnum(CONTENT_ACTIONS)),
  badEffect: Type.Optional(Type.Boolean({ description: 'Caused bad effects (造成不良影响).' })),
  publicSecurityViolation: Type.Optional(Type.Boolean({ description: 'Found by the public-security organs to breach the Public Security Administration Punishment Law.' }))
}, { ...strict, $id: 'Content', description: 'Obscene or vulgar material made, sold or passed on.' })

export const Benefit = Type.Object({
  kind: Type.Optional(StringEnum(BENEFIT_KINDS, { description: 'gift-received / gift-given: gifts, cash, red packets, cards; borrowing: money, housing or cars borrowed; hospitality-received / hospitality-provided: banquets, travel, fitness, entertainment.' })),
  form: Type.Optional(StringEnum(BENEFIT_FORMS)),
  counterpart: Type.Optional(StringEnum(COUNTERPARTS, { description: 'Who is on the other side: managed-or-served (管理和服务对象), subordinate, business-contact, colleague, relative-or-friend, other.' })),
  amountYuan: Type.Optional(Type.Number({ minimum: 0, maximum: 1e12 })),
  mayAffectDuty: Type.Optional(Type.Boolean({ description: 'May affect the impartial performance of official duty.' })),
  exceedsNormalReciprocity: Type.Optional(Type.Boolean({ description: 'Clearly exceeds normal reciprocity (明显超出正常礼尚往来).' })),
  dutyAffected: Type.Optional(Type.Boolean({ description: 'Actually affected the impartial performance of duty (影响公正执行公务; the 2018 borrowing article needs an actual effect, 2023 only a possible one).' })),
  benefitSoughtForGiver: Type.Optional(Type.Boolean({ description: 'The subject sought a benefit for the giver (为他人谋取利益): the bribery route.' }))
}, { ...strict, $id: 'Benefit', description: 'Gifts, red packets, loans and hospitality, received or given.' })

export const Secret = Type.Object({
  kind: Type.Optional(StringEnum(SECRET_KINDS, { description: 'cadre-selection or disciplinary-review matters, inspection (巡视巡察) matters, other confidential work, secret documents, or state secrets.' })),
  action: Type.Optional(StringEnum(SECRET_ACTIONS, { description: 'leaked, spread, stole, probed (打探) or kept privately.' }))
}, { ...strict, $id: 'Secret', description: 'Secrets leaked, spread, stolen, probed or kept.' })

export const Business = Type.Object({
  kind: Type.Optional(StringEnum(BUSINESS_KINDS, { description: 'online-shop, wechat-business (微商), running-enterprise, unlisted-shares, stock-trading, paid-brokering, other-for-profit.' })),
  authorised: Type.Optional(Type.Boolean({ description: 'Approved under the applicable rules.' }))
}, { ...strict, $id: 'Business', description: 'For-profit activity.' })

export const Election = Type.Object({
  election: Type.Optional(StringEnum(ELECTIONS, { description: 'intra-party election, democratic recommendation or evaluation, village committee election, or people\'s congress election.' })),
  conduct: Type.Optional(set(ELECTION_CONDUCT, 'What the subject did.')),
  redPackets: Type.Optional(Type.Boolean({ description: 'Used (electronic) red packets.' })),
  organised: Type.Optional(Type.Boolean({ description: 'Organised vote buying (组织贿选).' })),
  publicFunds: Type.Optional(Type.Boolean({ description: 'Bought votes with public funds.' }))
}, { ...strict, $id: 'Election', description: 'Canvassing and vote buying.' })

export const Faction = Type.Object({
  behaviours: Type.Optional(set(FACTION_BEHAVIOURS, 'forming-cliques (团团伙伙/拉帮结派), personal-power-base (培植个人势力), benefit-exchange (利益交换), political-capital (捞取政治资本), political-attachment (政治攀附, named from 2023).')),
  politicalEcologyWorsened: Type.Optional(Type.Boolean({ description: 'It worsened the political ecology of the locality, department or unit.' }))
}, { ...strict, $id: 'Faction', description: 'Non-organisational activity inside the party.' })

export const Position = Type.Object({
  behaviours: Type.Optional(set(POSITION_BEHAVIOURS, 'relatives-receive-property, power-for-power (权权交易), tolerating-relatives-profiting, relatives-business-benefit, meddling-in-market (incl. construction projects), power-for-money (权钱交易).')),
  constructionProject: Type.Optional(Type.Boolean({ description: 'Concerns a construction project.' })),
  badEffect: Type.Optional(Type.Boolean({ description: 'Caused bad effects (造成不良影响).' }))
}, { ...strict, $id: 'Position', description: 'Use of one\'s position for others\' benefit.' })

export const Period = Type.Object({
  start: Type.Optional(DateString),
  end: Type.Optional(DateString)
}, { ...strict, description: 'When the conduct took place. Continuing conduct takes the version in force when it ended; a missing end leaves the version undetermined.' })

export const ConductItem = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The caller\'s own reference for this conduct item.' })),
  type: StringEnum(CONDUCT_TYPES, { description: 'Which rule sets look at this item.' }),
  period: Period,
  channel: Type.Optional(StringEnum(CHANNELS, { description: 'Where it happened: wechat-moments, wechat-group, work-group, qq-group, private-chat, weibo, website-or-forum, offline-public, offline-private, meeting, other.' })),
  association: Type.Optional(ref(Association)),
  speech: Type.Optional(ref(Speech)),
  content: Type.Optional(ref(Content)),
  benefit: Type.Optional(ref(Benefit)),
  secret: Type.Optional(ref(Secret)),
  business: Type.Optional(ref(Business)),
  election: Type.Optional(ref(Election)),
  faction: Type.Optional(ref(Faction)),
  position: Type.Optional(ref(Position)),
  mitigating: Type.Optional(set(MITIGATING, 'Mitigating circumstances established (从轻/减轻): self-disclosure (主动交代), reporting-others, recovering-losses, surrendering-proceeds, cooperating-in-review (from 2018).')),
  aggravating: Type.Optional(set(AGGRAVATING, 'Aggravating circumstances established (从重/加重).')),
  mitigationEffect: Type.Optional(StringEnum(['lighter', 'reduced'] as const, { description: 'What the reviewer applies for the mitigating circumstances: lighter (从轻, within the range; the default) or reduced (减轻, one tier below).' })),
  aggravationEffect: Type.Optional(StringEnum(['heavier', 'aggravated'] as const, { description: 'heavier (从重, within the range; the default) or aggravated (加重, one tier above).' })),
  jointRole: Type.Optional(StringEnum(['leader', 'participant'] as const, { description: 'In a joint violation: leader (为首者, 从重) or another participant.' })),
  statedCircumstances: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }), ref(CircumstanceCode), {
    additionalProperties: false, // a key off the pattern is refused (and, being data, not echoed: plugins/validation.ts)
    description: 'Circumstances established by the case officer, by rule id. A stated circumstance wins over the inferred one.'
  }))
}, { ...strict, $id: 'ConductItem' })

export const Facts = Type.Object({
  subject: ref(Subject),
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
  'use-of-position': 'position'
} as const satisfies Record<ConductItem['type'], keyof ConductItem>
