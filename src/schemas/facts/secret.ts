/** Secrets leaked, spread, stolen, probed or kept: `conduct.secret.*`. */
import { Type } from '@sinclair/typebox'
import { label, oneOf } from './labelled.js'

export const Secret = Type.Object({
  kind: Type.Optional(oneOf(label('涉及的事项', 'what it concerns'), {
    'cadre-selection': label('干部选拔任用中尚未公开的事项', 'undisclosed cadre-selection matters'),
    'disciplinary-review': label('审查调查中尚未公开的事项', 'undisclosed disciplinary-review matters'),
    inspection: label('巡视巡察事项', 'inspection (巡视巡察) matters'),
    'other-confidential-work': label('其他应当保密的内容', 'other work that should be kept confidential'),
    'secret-document': label('涉密文件', 'secret documents'),
    'state-secret': label('国家秘密', 'state secrets')
  }, { description: 'cadre-selection or disciplinary-review matters, inspection (巡视巡察) matters, other confidential work, secret documents, or state secrets.' })),
  action: Type.Optional(oneOf(label('本人的行为', 'what the subject did'), {
    leaked: label('泄露', 'leaked it'),
    spread: label('扩散', 'spread it'),
    stole: label('窃取', 'stole it'),
    probed: label('打探', 'probed for it (打探)'),
    'kept-privately': label('私自留存', 'kept it privately')
  }, { description: 'leaked, spread, stole, probed (打探) or kept privately.' }))
}, { additionalProperties: false, $id: 'Secret', description: 'Secrets leaked, spread, stolen, probed or kept.' })
