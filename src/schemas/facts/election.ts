/** Canvassing and vote buying: `conduct.election.*`. */
import { Type } from '@sinclair/typebox'
import { label, oneOf, setOf, yesNo } from './labelled.js'

export const Election = Type.Object({
  election: Type.Optional(oneOf(label('选举的类别', 'which election'), {
    'intra-party': label('党内选举', 'an intra-party election'),
    'democratic-recommendation': label('民主推荐、民主测评', 'a democratic recommendation or evaluation'),
    village: label('村（居）民委员会选举', 'a village committee election'),
    'peoples-congress': label('人大代表选举', 'a people’s congress election')
  }, { description: 'intra-party election, democratic recommendation or evaluation, village committee election, or people\'s congress election.' })),
  conduct: Type.Optional(setOf(label('本人在选举中的行为', 'the subject’s acts in the election'), {
    canvassing: label('拉票', 'canvassing'),
    'vote-buying': label('贿选', 'vote buying'),
    'inducing-votes': label('组织、煽动、诱导他人投票', 'organising, inciting or inducing others’ votes')
  }, 'What the subject did.')),
  redPackets: Type.Optional(yesNo(label('是否使用红包', 'red packets'),
    label('使用了（电子）红包', '(electronic) red packets were used'), label('未使用红包', 'no red packets were used'),
    { description: 'Used (electronic) red packets.' })),
  organised: Type.Optional(yesNo(label('是否组织贿选', 'organised vote buying'),
    label('组织贿选', 'the subject organised vote buying'), label('未组织贿选', 'the subject did not organise vote buying'),
    { description: 'Organised vote buying (组织贿选).' })),
  publicFunds: Type.Optional(yesNo(label('是否用公款贿选', 'public funds for votes'),
    label('用公款贿选', 'votes were bought with public funds'), label('未用公款贿选', 'no votes were bought with public funds'),
    { description: 'Bought votes with public funds.' }))
}, { additionalProperties: false, $id: 'Election', description: 'Canvassing and vote buying.' })
