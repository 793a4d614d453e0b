/** Use of one's position for others' benefit: `conduct.position.*`. */
import { Type } from '@sinclair/typebox'
import { label, setOf, yesNo } from './labelled.js'

export const Position = Type.Object({
  behaviours: Type.Optional(setOf(label('本人利用职权或者职务上的影响所做的事', 'the subject’s uses of the position'), {
    'relatives-receive-property': label('为他人谋取利益，本人的亲属或特定关系人收受对方财物', 'benefiting others while relatives or associates took their property'),
    'power-for-power': label('权权交易', 'trading favours between office-holders (权权交易)'),
    'tolerating-relatives-profiting': label('纵容、默许亲属或身边工作人员利用本人职权谋利', 'tolerating relatives or staff profiting from the position'),
    'relatives-business-benefit': label('为亲属或特定关系人的经营活动谋取利益', 'seeking benefit for relatives’ or associates’ business'),
    'meddling-in-market': label('违规干预和插手市场经济活动（含工程建设）', 'meddling in market activity (including construction projects)'),
    'power-for-money': label('权钱交易', 'trading power for money (权钱交易)')
  }, 'relatives-receive-property, power-for-power (权权交易), tolerating-relatives-profiting, relatives-business-benefit, meddling-in-market (incl. construction projects), power-for-money (权钱交易).')),
  constructionProject: Type.Optional(yesNo(label('是否涉及工程建设项目', 'construction project'),
    label('涉及工程建设项目', 'it concerns a construction project'), label('不涉及工程建设项目', 'it concerns no construction project'),
    { description: 'Concerns a construction project.' })),
  badEffect: Type.Optional(yesNo(label('是否造成不良影响', 'bad effects'),
    label('造成不良影响', 'it caused bad effects'), label('未造成不良影响', 'it caused no bad effects'),
    { description: 'Caused bad effects (造成不良影响).' }))
}, { additionalProperties: false, $id: 'Position', description: 'Use of one\'s position for others\' benefit.' })
