/**
 * Assemblies, marches, demonstrations and the like: `conduct.protest.*` (2015 Art 48 / 2018 Art 57 /
 * 2023 Art 64). Paragraphs 1–2 reach activities opposing the party's basic theory, line or major
 * policies; paragraph 4 reaches taking part in other ones without the organisation's approval.
 */
import { Type } from '@sinclair/typebox'
import { label, oneOf, yesNo } from './labelled.js'

export const Protest = Type.Object({
  kind: Type.Optional(oneOf(label('活动的类别', 'kind of activity'), {
    assembly: label('集会', 'an assembly'),
    march: label('游行', 'a march'),
    demonstration: label('示威', 'a demonstration'),
    blockade: label('堵门、堵路等围堵行为', 'a blockade (of a gate, an office or a road)'),
    other: label('其他聚集活动', 'another gathering')
  }, { description: 'assembly (集会), march (游行), demonstration (示威): named in the article; blockade (堵门、堵路) and other gatherings are not named, and reading them as "the like" (等活动) is unconfirmed.' })),
  opposesPartyLine: Type.Optional(yesNo(label('是否反对党的基本理论、基本路线或者重大方针政策', 'opposition to the party’s basic theory, line or major policies'),
    label('该活动反对党的基本理论、基本路线、基本纲领或基本方略、重大方针政策', 'the activity opposes the party’s basic theory, basic line, basic programme or strategy, or major policies'),
    label('该活动不反对党的基本理论、基本路线或者重大方针政策', 'the activity does not oppose the party’s basic theory, line or major policies'),
    { description: 'The activity opposes the party\'s basic theory, basic line or major policies (2015 also names the basic programme, experience and requirements; 2018 and 2023 the basic strategy): paragraphs 1-2 of the article; otherwise it is one of the "other" activities of paragraph 4.' })),
  role: Type.Optional(oneOf(label('本人在该活动中的角色', 'the subject’s role in it'), {
    planner: label('策划者', 'planner'),
    organiser: label('组织者', 'organiser'),
    'core-member': label('骨干分子', 'core member'),
    participant: label('一般参加人员', 'participant'),
    supporter: label('以提供信息、资料、财物、场地等方式支持（本人未参加）', 'supporter providing information, materials, money or a venue (without taking part)'),
    'called-for-only': label('仅号召他人参加（本人未组织、未参加）', 'only called on others to take part (neither organised nor took part)')
  }, { description: 'The gravest role the subject had: planner, organiser, core-member (策划者、组织者、骨干分子) and participant took part in it; supporter supported it with information, materials, money or a venue without taking part; called-for-only urged others to take part without organising, supporting or taking part (a call that set up the activity is organising).' })),
  treatedAsTakingPart: Type.Optional(yesNo(label('是否认定本人的号召或支持属于参加该活动', 'a finding that the call or support amounts to taking part'),
    label('办案人员认定本人的号召或支持行为属于参加该活动', 'the case officer finds that the subject’s call or support amounts to taking part'),
    label('办案人员认定本人的号召或支持行为不属于参加该活动', 'the case officer finds that the subject’s call or support does not amount to taking part'),
    { description: 'Where the subject only called for the activity, or (paragraph 4) only supported it: whether the case officer finds that this amounts to taking part (参加). The text names only taking part in paragraph 4 and, besides the organisers, participants and supporters in paragraphs 1-2; the reading is unconfirmed, so the service does not make it.' })),
  approvedByOrganisation: Type.Optional(yesNo(label('是否经组织批准', 'approval by the party organisation'),
    label('参加该活动经组织批准', 'taking part was approved by the party organisation'),
    label('参加该活动未经组织批准', 'taking part was not approved by the party organisation'),
    { description: 'Taking part was approved by the party organisation (经组织批准): paragraph 4 reaches only taking part without approval.' })),
  misledAndRepented: Type.Optional(yesNo(label('是否不明真相被裹挟参加且确有悔改表现', 'swept along unknowingly, and repentant'),
    label('不明真相被裹挟参加，经批评教育后确有悔改表现', 'swept along without knowing the truth, and repentant after criticism and education'),
    label('不属于不明真相被裹挟参加并确有悔改表现的情形', 'not swept along unknowingly, or not repentant'),
    { description: 'Swept along into the activity without knowing the truth, and repentant after criticism and education (paragraph 3: may be exempted from sanction or not sanctioned).' })),
  seriousBadEffect: Type.Optional(yesNo(label('是否造成严重不良影响', 'seriously bad effects'),
    label('造成严重不良影响', 'it caused seriously bad effects'),
    label('未造成严重不良影响', 'it caused no seriously bad effects'),
    { description: 'Caused seriously bad effects (造成严重不良影响): the test of paragraph 1 (expulsion of planners, organisers and core members).' }))
}, { additionalProperties: false, $id: 'Protest', description: 'Assemblies, marches, demonstrations and the like: organising, joining, supporting or calling for them.' })
