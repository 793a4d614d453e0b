/** Obscene, vulgar or other improper material (gambling links included): `conduct.content.*`. */
import { Type } from '@sinclair/typebox'
import { label, oneOf, yesNo } from './labelled.js'

export const Content = Type.Object({
  kind: Type.Optional(oneOf(label('内容性质', 'what the material is'), {
    obscene: label('淫秽', 'obscene'),
    vulgar: label('低俗', 'vulgar'),
    'gambling-link': label('赌博链接', 'a gambling link'),
    'other-improper': label('其他不当内容', 'other improper material')
  }, { description: 'obscene (淫秽), vulgar (低俗), gambling-link (links to gambling sites or apps) or other-improper material.' })),
  action: Type.Optional(oneOf(label('本人对该内容的行为', 'what the subject did with it'), {
    forwarded: label('转发', 'forwarded it'),
    posted: label('发布', 'posted it'),
    made: label('制作', 'made it'),
    sold: label('贩卖', 'sold it')
  }, { description: 'forwarded, posted, made or sold.' })),
  badEffect: Type.Optional(yesNo(label('是否造成不良影响', 'bad effects'),
    label('造成不良影响', 'it caused bad effects'), label('未造成不良影响', 'it caused no bad effects'),
    { description: 'Caused bad effects (造成不良影响).' })),
  publicSecurityViolation: Type.Optional(yesNo(label('是否经公安机关认定违反治安管理处罚法', 'a finding of the public-security organs'),
    label('经公安机关认定违反治安管理处罚法', 'found by the public-security organs to breach the Public Security Administration Punishment Law'),
    label('未经公安机关认定违反治安管理处罚法', 'not found by the public-security organs to breach the Public Security Administration Punishment Law'),
    { description: 'Kept for callers of earlier versions: the same finding as `publicSecurityViolation` on the conduct item, which every conduct type has; it reads as that field. Stated in both places, the two must agree (otherwise 422 at content/publicSecurityViolation).' }))
}, { additionalProperties: false, $id: 'Content', description: 'Obscene, vulgar or other improper material (gambling links included) made, sold or passed on.' })
