/** A 老乡会 / 校友会 / 战友会 or a group that works as one: `conduct.association.*`. */
import { Type } from '@sinclair/typebox'
import { LABEL, count, label, oneOf, setOf, yesNo } from './labelled.js'

const ACTIVITIES = {
  'political-business-information-exchange': label('政商信息交流', 'exchanging political and business information'),
  'project-introduction': label('介绍项目', 'introducing projects'),
  'benefits-or-services-received': label('接受好处或服务', 'receiving benefits or services'),
  'lavish-dining': label('大吃大喝', 'lavish dining'),
  'power-for-money': label('权钱交易', 'trading power for money (权钱交易)'),
  'placing-members-in-posts': label('安插成员', 'placing members in posts'),
  'demanding-personal-loyalty': label('要求人身依附', 'demanding personal loyalty'),
  'trading-favours-for-political-capital': label('借交换利益捞取政治资本', 'trading favours for political capital')
}

export const Association = Type.Object({
  kind: Type.Optional(oneOf(label('组织类别', 'kind of association'), {
    hometown: label('老乡会', 'hometown association (老乡会)'),
    alumni: label('校友会', 'alumni association (校友会)'),
    veterans: label('战友会', 'veterans\' association (战友会)'),
    other: label('其他', 'other')
  }, { description: 'hometown (老乡会), alumni (校友会), veterans (战友会), other.' })),
  form: Type.Optional(oneOf(label('该组织的形式', 'its form'), {
    organisation: label('常设的社团组织', 'a standing association'),
    'online-group': label('网络群组（微信群、QQ群等）', 'an online group (WeChat, QQ or similar)'),
    'occasional-gathering': label('朋友间偶尔聚会（不构成社团）', 'friends meeting now and then (not an association)')
  }, { description: 'organisation: a standing association; online-group: a WeChat/QQ or similar group; occasional-gathering: friends meeting now and then, not an association.' })),
  medium: Type.Optional(oneOf(label('主要活动载体', 'where it mainly lives'), {
    offline: label('线下', 'offline'),
    wechat: label('微信', 'WeChat'),
    qq: label('QQ', 'QQ'),
    'other-online': label('其他网络平台', 'another online platform')
  }, { description: 'Where it mainly lives.' })),
  registered: Type.Optional(yesNo(label('是否经民政部门登记注册', 'registration with the civil-affairs authorities'),
    label('该组织经民政部门登记注册', 'it is registered with the civil-affairs authorities'),
    label('该组织未经民政部门登记注册', 'it is not registered with the civil-affairs authorities'),
    { description: 'Registered with the civil-affairs authorities (民政部门登记注册).' })),
  organised: Type.Optional(yesNo(label('是否有组织架构', 'organising structure'),
    label('有组织架构（群主、负责人、助手等）', 'it has an organising structure (owner, officers, assistants)'),
    label('没有组织架构', 'it has no organising structure'),
    { description: 'Has an organising structure: an owner, officers or named assistants, regular activities.' })),
  memberCount: Type.Optional(count(label('成员人数', 'the number of members'), label('人', ''), { minimum: 0, maximum: 1000000, description: 'How many members it has.' })),
  composition: Type.Optional(setOf(label('成员构成', 'the main groups among its members'), {
    officials: label('公职人员', 'officials'),
    businesspeople: label('商人、企业主', 'businesspeople'),
    military: label('军人', 'military personnel'),
    academics: label('学者', 'academics'),
    others: label('其他人员', 'others')
  }, 'Who the members mainly are.')),
  subjectRoles: Type.Optional(setOf(label('本人在该组织中的角色', 'the subject’s roles in it'), {
    initiator: label('发起人', 'initiator'),
    organiser: label('组织者', 'organiser'),
    'group-owner': label('群主', 'group owner'),
    'office-holder': label('任职者（如秘书长）', 'office-holder (e.g. secretary-general)'),
    member: label('一般成员', 'ordinary member')
  }, 'What the subject is in it: initiator (发起人), organiser, group-owner (群主), office-holder (e.g. 秘书长), member. Empty: not part of it.')),
  officeTitle: Type.Optional(Type.String({ maxLength: 50, description: 'The office the subject holds, in words, e.g. 秘书长.', [LABEL]: label('本人所任职务', 'the office the subject holds') })),
  offlineGatherings: Type.Optional(Type.Object({
    count: Type.Optional(count(label('线下聚会次数', 'the number of offline gatherings'), label('次', ''), { minimum: 0, maximum: 100000, description: 'How many offline gatherings were held.' })),
    regularised: Type.Optional(yesNo(label('线下聚会是否定期举行', 'offline gatherings on a fixed rhythm'),
      label('定期举行线下聚会', 'it holds offline gatherings on a fixed rhythm'),
      label('未定期举行线下聚会', 'it holds no offline gatherings on a fixed rhythm'),
      { description: 'Held on a fixed rhythm (e.g. one or two plenary gatherings a year).' }))
  }, { additionalProperties: false })),
  subjectActivities: Type.Optional(setOf(label('本人借该组织进行的活动', 'the subject’s own activities through it'), ACTIVITIES,
    'What the subject personally did through it. Empty: established that the subject did none of these.')),
  memberActivities: Type.Optional(setOf(label('其他成员在该组织中的活动', 'other members’ activities in it'), ACTIVITIES,
    'What other members did inside it. Counts toward the circumstances; not the subject\'s own offence.')),
  publicFundsUsed: Type.Optional(yesNo(label('是否使用公款', 'use of public funds'),
    label('公款资助该组织或支付其活动费用', 'public funds sponsored it or paid for its activities'),
    label('未使用公款', 'no public funds were used'),
    { description: 'Public funds sponsored it or paid for its activities.' })),
  refusedToWithdraw: Type.Optional(yesNo(label('是否拒不退出', 'refusal to withdraw'),
    label('党组织要求退出或辞去职务而拒不执行', 'asked by the party organisation to withdraw or resign, the subject did not'),
    label('没有拒不退出的情形', 'the subject did not refuse to withdraw'),
    { description: 'The subject was asked by the party organisation to withdraw or resign and did not.' }))
}, { additionalProperties: false, $id: 'Association', description: 'A 老乡会 / 校友会 / 战友会 or a group that may function as one.' })
