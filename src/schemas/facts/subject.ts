/** Who the party member is: the `subject.*` facts. */
import { Type } from '@sinclair/typebox'
import { label, oneOf, yesNo } from './labelled.js'

export const Subject = Type.Object({
  partyMember: yesNo(label('党员身份', 'party membership'), label('是党员', 'is a party member'), label('不是党员', 'is not a party member'),
    { description: 'The person is a member of the Communist Party of China.' }),
  leadingCadre: Type.Optional(yesNo(label('是否党员领导干部', 'leading-cadre status'), label('是党员领导干部', 'is a leading cadre (党员领导干部)'), label('不是党员领导干部', 'is not a leading cadre'),
    { description: '党员领导干部: holds a leading post in a party or state organ, people\'s organisation, the military, or leads a state-owned enterprise or public institution, at the time of the conduct. The reference gives no official definition (副处级以上 is a press gloss).' })),
  rank: Type.Optional(oneOf(label('职级', 'administrative rank'), {
    national: label('国家级', 'national level'),
    'provincial-ministerial': label('省部级', 'provincial or ministerial level'),
    bureau: label('厅局级', 'bureau level'),
    division: label('县处级', 'division (county) level'),
    section: label('乡科级', 'section level'),
    other: label('其他', 'other')
  }, { description: 'Administrative rank: national, provincial-ministerial (省部级), bureau (厅局级), division (县处级), section (乡科级), other.' })),
  holdsPartyPost: Type.Optional(yesNo(label('是否担任党内职务', 'party post'), label('担任党内职务', 'holds a post inside the party'), label('未担任党内职务', 'holds no post inside the party'),
    { description: 'Holds a post inside the party (relevant to 撤销党内职务).' })),
  boundByBusinessBan: Type.Optional(yesNo(label('是否受禁止从事营利活动的规定约束', 'bound by a ban on for-profit activity'),
    label('受禁止从事营利活动的规定约束', 'is bound by a rule that forbids for-profit activity'),
    label('不受禁止从事营利活动的规定约束', 'is not bound by any rule that forbids for-profit activity'),
    { description: 'Bound by a rule that forbids for-profit activity (e.g. a civil servant, or a party or government cadre under the business bans). A status to establish, never assumed.' }))
}, { additionalProperties: false, $id: 'Subject', description: 'Who the party member is. Personal identifiers are not needed and not accepted.' })
