/** Non-organisational activity inside the party: `conduct.faction.*`. */
import { Type } from '@sinclair/typebox'
import { label, setOf, yesNo } from './labelled.js'

export const Faction = Type.Object({
  behaviours: Type.Optional(setOf(label('本人的非组织活动', 'the subject’s non-organisational activities'), {
    'forming-cliques': label('搞团团伙伙、拉帮结派', 'forming cliques and factions'),
    'personal-power-base': label('培植个人势力', 'building a personal power base'),
    'benefit-exchange': label('利益交换', 'exchanging benefits'),
    'political-capital': label('捞取政治资本', 'gaining political capital'),
    'political-attachment': label('政治攀附', 'political attachment to powerful patrons (政治攀附)')
  }, 'forming-cliques (团团伙伙/拉帮结派), personal-power-base (培植个人势力), benefit-exchange (利益交换), political-capital (捞取政治资本), political-attachment (政治攀附, named from 2023).')),
  politicalEcologyWorsened: Type.Optional(yesNo(label('是否导致政治生态恶化', 'effect on the political ecology'),
    label('导致本地区、本部门、本单位政治生态恶化', 'it worsened the political ecology of the locality, department or unit'),
    label('未导致政治生态恶化', 'it did not worsen the political ecology'),
    { description: 'It worsened the political ecology of the locality, department or unit.' }))
}, { additionalProperties: false, $id: 'Faction', description: 'Non-organisational activity inside the party.' })
