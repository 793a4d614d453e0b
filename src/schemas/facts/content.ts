/** Obscene or vulgar material: `conduct.content.*`. */
import { Type } from '@sinclair/typebox'
import { label, oneOf, yesNo } from './labelled.js'

export const Content = Type.Object({
  kind: Type.Optional(oneOf(label('内容性质', 'what the material is'), {
    obscene: label('淫秽', 'obscene'),
    vulgar: label('低俗', 'vulgar')
  }, { description: 'obscene (淫秽) or vulgar (低俗) material.' })),
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
    { description: 'Found by the public-security organs to breach the Public Security Administration Punishment Law.' }))
}, { additionalProperties: false, $id: 'Content', description: 'Obscene or vulgar material made, sold or passed on.' })
