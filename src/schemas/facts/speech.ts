/** What the subject said, spread or read: `conduct.speech.*`. */
import { Type } from '@sinclair/typebox'
import { count, label, oneOf, yesNo } from './labelled.js'

export const Speech = Type.Object({
  content: Type.Optional(oneOf(label('言论内容', 'what the content is'), {
    'central-policy-criticism': label('妄议党中央大政方针', '妄议: improper criticism of the central party’s major policies'),
    'political-rumour': label('损害党的团结统一的政治谣言', 'a political rumour damaging party unity'),
    'other-rumour': label('其他谣言、诬告或者陷害', 'another rumour, a false accusation or a frame-up')
  }, { description: 'central-policy-criticism: 妄议 the central party\'s major policies; political-rumour: political rumours damaging party unity; other-rumour: other fabricated rumours, false accusations or framing.' })),
  action: Type.Optional(oneOf(label('本人对该内容的行为', 'what the subject did with it'), {
    authored: label('编造、发表', 'made and published it'),
    spread: label('转发、传播', 'forwarded or spread it'),
    'read-privately': label('私下阅看、浏览或收听', 'read, browsed or listened to it in private')
  }, { description: 'authored: made and published it; spread: forwarded or spread others\' content; read-privately: read, browsed or listened to it in private.' })),
  reachesPublic: Type.Optional(yesNo(label('是否公开', 'reach'),
    label('公开：面向不特定或多数人', 'public: it reaches unspecified or many persons'),
    label('不公开：未面向不特定或多数人', 'not public: it reaches neither unspecified nor many persons'),
    { description: 'Reaches unspecified or many persons. WeChat Moments count as public.' })),
  audienceSize: Type.Optional(count(label('受众人数', 'the number of people reached'), label('人', ''), { minimum: 0, maximum: 100000000, description: 'How many people it reached.' })),
  harmOrBadEffect: Type.Optional(yesNo(label('是否造成损害或者不良影响', 'harm or bad effects'),
    label('造成损害或者不良影响', 'it caused harm or bad effects'),
    label('未造成损害或者不良影响', 'it caused no harm and no bad effects'),
    { description: 'Caused harm or bad effects (造成损害或者不良影响).' })),
  badPoliticalConduct: Type.Optional(yesNo(label('是否政治品行恶劣', 'bad political conduct (政治品行恶劣)'),
    label('政治品行恶劣', 'of bad political conduct (政治品行恶劣)'),
    label('不属于政治品行恶劣', 'not of bad political conduct'),
    { description: 'Of bad political conduct (政治品行恶劣), as the case officer finds: an element of the second paragraph of the rumour article (2018 Art 52 para 2, 2023 Art 59 para 2).' }))
}, { additionalProperties: false, $id: 'Speech', description: 'What the subject said, spread or read, online or offline.' })
