/** What the subject said, spread or read: `conduct.speech.*`. */
import { Type } from '@sinclair/typebox'
import { count, label, oneOf, setOf, yesNo } from './labelled.js'

const ACTIONS = {
  authored: label('编造、发表', 'made and published it'),
  spread: label('转发、传播', 'forwarded or spread it'),
  'read-privately': label('私下阅看、浏览或收听', 'read, browsed or listened to it in private')
}

/**
 * The means the 妄议 article lists in its opening words (2015 Art 46 para 1: 通过信息网络、广播、电视、报刊、书籍、
 * 讲座、论坛、报告会、座谈会等方式; 2018 Art 46 para 1 and 2023 Art 51 para 1: 通过网络、广播、电视、报刊、传单、书籍等，
 * 或者利用讲座、论坛、报告会、座谈会等方式): an element of every item of that paragraph.
 */
export const SPEECH_MEANS = {
  network: label('网络（2015年版作“信息网络”）', 'networks (2015: information networks)'),
  radio: label('广播', 'radio'),
  television: label('电视', 'television'),
  press: label('报刊', 'newspapers and periodicals'),
  leaflets: label('传单（2018年版起列举）', 'leaflets (listed from the 2018 version)'),
  books: label('书籍', 'books'),
  lectures: label('讲座', 'lectures'),
  forums: label('论坛', 'forums'),
  'report-meetings': label('报告会', 'report meetings'),
  seminars: label('座谈会', 'seminars'),
  'other-similar': label('与所列方式相当的其他方式（条文中的“等”，由办案人员认定）', 'another means of the same kind (the article’s 等, as the case officer finds)')
}

export const Speech = Type.Object({
  content: Type.Optional(oneOf(label('言论内容', 'what the content is'), {
    'central-policy-criticism': label('妄议党中央大政方针', '妄议: improper criticism of the central party’s major policies'),
    'political-rumour': label('损害党的团结统一的政治谣言', 'a political rumour damaging party unity'),
    'other-rumour': label('其他谣言（包括非政治性的虚假信息，如涉及公共安全的谣言）、诬告或者陷害', 'another rumour (a non-political false claim included, e.g. a false public-safety rumour), a false accusation or a frame-up')
  }, { description: 'central-policy-criticism: 妄议 the central party\'s major policies; political-rumour: political rumours damaging party unity; other-rumour: other rumours (non-political false claims, e.g. a false public-safety rumour, included), false accusations or framing.' })),
  action: Type.Optional(oneOf(label('本人对该内容的行为', 'what the subject did with it'), ACTIONS, {
    description: 'One thing the subject did with it: authored (made and published it), spread (forwarded or spread others\' content), read-privately. Kept for callers that state one action; it reads as `actions: [action]`. With `actions` as well, it must be one of them (otherwise 422 at speech/action).'
  })),
  actions: Type.Optional(setOf(label('本人对该内容的各项行为', 'everything the subject did with it'), ACTIONS,
    'Everything the subject did with it, as a set: an item may be both authored (妄议: 2015/2018 Art 46 para 1 item 2, 2023 Art 51 para 1 item 2) and spread (2015/2018 Art 47 para 1, 2023 Art 52 para 1); each action answers its own article. Empty: established that the subject did none of these. `action` alone reads as a set of one.')),
  means: Type.Optional(setOf(label('言论所用的方式', 'the means used'), SPEECH_MEANS,
    'The means the 妄议 article lists (an element of it): network (2015: 信息网络), radio, television, press (报刊), leaflets (named from 2018), books, lectures, forums, report-meetings, seminars, other-similar (the article\'s 等, as the officer finds). Empty: established that none was used (e.g. a conversation at a private dinner). A post in WeChat Moments, a group, Weibo or a website is through networks whatever this says.')),
  reachesPublic: Type.Optional(yesNo(label('是否公开', 'reach'),
    label('公开：面向不特定或多数人', 'public: it reaches unspecified or many persons'),
    label('不公开：未面向不特定或多数人', 'not public: it reaches neither unspecified nor many persons'),
    { description: 'Reaches unspecified or many persons. Commentary only: no article reads it as an element (the 妄议 article\'s element is the means, `means`); that WeChat Moments are public is the Shandong case-review office\'s reading.' })),
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
