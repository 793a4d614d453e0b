/**
 * The fields every conduct item has, whatever its type: the period, the channel, and what the
 * sanction arithmetic reads (mitigating and aggravating circumstances, their effect, the role in a
 * joint violation).
 */
import { Type } from '@sinclair/typebox'
import { DateString } from '../common.js'
import { LABEL, label, oneOf, setOf, yesNo } from './labelled.js'

export const CONDUCT_TYPE_LABELS = {
  'informal-association': label('参加老乡会、校友会、战友会等', 'informal associations (老乡会, 校友会, 战友会)'),
  'online-speech': label('妄议、谣言等言论', 'speech: 妄议 and rumours'),
  'obscene-content': label('淫秽低俗、赌博链接等不当内容', 'obscene, vulgar or other improper material (gambling links included)'),
  'gifts-and-benefits': label('礼品礼金、借用、宴请等', 'gifts, loans and hospitality'),
  secrets: label('泄露、打探、私存秘密', 'secrets leaked, probed or kept'),
  'business-activity': label('违规从事营利活动', 'unauthorised for-profit activity'),
  election: label('拉票贿选', 'canvassing and vote buying'),
  faction: label('党内非组织活动', 'non-organisational activity inside the party'),
  'use-of-position': label('利用职权或职务影响为他人谋利', 'use of one’s position for others’ benefit'),
  protest: label('组织、参加集会、游行、示威等活动', 'assemblies, marches, demonstrations and the like')
}

export const Period = Type.Object({
  start: Type.Optional({ ...DateString, description: 'When the conduct began (YYYY-MM-DD).', [LABEL]: label('行为开始日期', 'the date the conduct began') }),
  end: Type.Optional({ ...DateString, description: 'When the conduct ended (YYYY-MM-DD): the version in force on this day applies to continuing conduct, and to repeated acts of one kind recorded as one item (the date of the last act). Several items on which one rule triggers are read the same way, as one series at the latest end among them (an inference, which the `series` of each entry of the answer states).', [LABEL]: label('行为终了日期', 'the date the conduct ended') })
}, { additionalProperties: false, description: 'When the conduct took place. Continuing conduct takes the version in force when it ended; a missing end leaves the version undetermined.' })

export const channel = oneOf(label('发生的场所或渠道', 'where it happened'), {
  'wechat-moments': label('微信朋友圈', 'WeChat Moments'),
  'wechat-group': label('微信群', 'a WeChat group'),
  'work-group': label('工作群', 'a work group'),
  'qq-group': label('QQ群', 'a QQ group'),
  'private-chat': label('一对一私聊', 'a one-to-one chat'),
  weibo: label('微博', 'Weibo'),
  'website-or-forum': label('网站或论坛', 'a website or forum'),
  'offline-public': label('线下公共场所', 'a public place offline'),
  'offline-private': label('线下私人场合', 'a private setting offline'),
  meeting: label('会议', 'a meeting'),
  other: label('其他场所或渠道', 'elsewhere')
}, { description: 'Where it happened: wechat-moments, wechat-group, work-group, qq-group, private-chat, weibo, website-or-forum, offline-public, offline-private, meeting, other.' })

/**
 * The suspected crime the party organisation found in its review (纪律审查中发现…涉嫌犯罪), the element of
 * the law-linkage article. It is a finding the organisation records only when it makes one, like a
 * stated circumstance: a conduct item that does not state it is read as "none found"
 * (src/domain/rules/vocabulary.ts, UNSTATED), so that every case is not left provisional on it.
 */
export const NO_SUSPECTED_CRIME = 'none-found'
export const suspectedCrime = oneOf(label('纪律审查中发现的涉嫌犯罪', 'the suspected crime found in the review'), {
  [NO_SUSPECTED_CRIME]: label('纪律审查中未发现涉嫌犯罪（未说明的按此处理）', 'no suspected crime found in the review (the reading when none is stated)'),
  'taking-bribes': label('涉嫌受贿', 'suspected of taking bribes'),
  'offering-bribes': label('涉嫌行贿', 'suspected of offering bribes'),
  embezzlement: label('涉嫌贪污', 'suspected of embezzlement'),
  misappropriation: label('涉嫌挪用公款', 'suspected of misappropriating public funds'),
  'abuse-of-power': label('涉嫌滥用职权', 'suspected of abuse of power'),
  'neglect-of-duty': label('涉嫌玩忽职守', 'suspected of neglect of duty'),
  'leaking-state-secrets': label('涉嫌泄露国家秘密', 'suspected of leaking state secrets'),
  'sabotaging-elections': label('涉嫌破坏选举', 'suspected of sabotaging elections'),
  other: label('涉嫌其他犯罪', 'suspected of another crime')
}, { description: 'The suspected crime the party organisation found in its review of this act (the law-linkage article, 2015/2018 Art 27, 2023 Art 29): none-found (the reading when absent), taking-bribes, offering-bribes, embezzlement, misappropriation, abuse-of-power, neglect-of-duty, leaking-state-secrets, sabotaging-elections, other. Whether a crime is made out is for the judicial organs.' })

/**
 * The elements of the unlawful-acts article (2015 Art 29 para 1, 2018 Art 28, 2023 Art 30 para 1), on every
 * conduct type: the unlawful act (as the vocabulary has it, a public-security finding), the harm to the
 * interests of the party, the state and the people, and in 2015 also the effect on the party's image.
 */
export const publicSecurityViolation = yesNo(label('是否经公安机关认定违反治安管理', 'a finding of the public-security organs'),
  label('经公安机关认定违反治安管理处罚法', 'found by the public-security organs to breach the Public Security Administration Punishment Law'),
  label('未经公安机关认定违反治安管理处罚法（未说明的按此处理）', 'not found by the public-security organs to breach the Public Security Administration Punishment Law (the reading when none is stated)'),
  { description: 'Found by the public-security organs to breach the Public Security Administration Punishment Law (e.g. spreading rumours that disturb public order, passing on obscene material or gambling links): the unlawful act of the unlawful-acts article (2015 Art 29, 2018 Art 28, 2023 Art 30, which names 违反治安管理). On every conduct type; obscene-content callers may still state it as content.publicSecurityViolation. Like the suspected crime, a finding recorded only when made: the law-linkage article\'s element is what the organisation found in its review, so an item that states none is read as none found (not unknown).' })

export const harmsPartyStatePeople = yesNo(label('是否损害党、国家和人民利益', 'harm to the interests of the party, the state and the people'),
  label('损害党、国家和人民利益', 'it harmed the interests of the party, the state and the people'),
  label('未损害党、国家和人民利益', 'it did not harm the interests of the party, the state and the people'),
  { description: 'Harmed the interests of the party, the state and the people (损害党、国家和人民利益): an element of the unlawful-acts article in every version (2015 Art 29 para 1, 2018 Art 28, 2023 Art 30 para 1), as the case officer finds.' })

export const affectsPartyImage = yesNo(label('是否影响党的形象', 'effect on the party’s image'),
  label('影响党的形象', 'it affected the party’s image'),
  label('未影响党的形象', 'it did not affect the party’s image'),
  { description: 'Affected the party\'s image (影响党的形象): an element of the unlawful-acts article in the 2015 version only (2015 Art 29 para 1), as the case officer finds.' })

/**
 * Economic gains of the violation (违纪所得的经济利益), the condition of the confiscation clause (2015 Art 41
 * para 1 / 2018 Art 40 para 1 / 2023 Art 43 para 1) on rules whose elements are not themselves a receipt of
 * property. Absent: not established, and the clause is not cited.
 */
export const improperGains = yesNo(label('是否有违纪所得的经济利益', 'economic gains of the violation'),
  label('通过该行为获得了经济利益（违纪所得）', 'economic gains were obtained through it (违纪所得)'),
  label('未通过该行为获得经济利益', 'no economic gains were obtained through it'),
  { description: 'Economic gains were obtained through this act (违纪所得的经济利益: profits, money, property), as the case officer finds. It decides whether the confiscation clause (2015 Art 41 para 1, 2018 Art 40 para 1, 2023 Art 43 para 1) is cited on rules whose elements are not themselves a receipt of property (for-profit activity, elections, use of position). Gains handed over voluntarily are a mitigating circumstance (surrendering-proceeds), not this fact.' })

/** The responsible persons some articles name as their subject (2015 Art 38 / 2018 Art 37 / 2023 Art 39). */
export const responsibility = oneOf(label('本人对该行为的责任', 'the subject’s responsibility for it'), {
  direct: label('直接责任者', 'directly responsible (直接责任者)'),
  'principal-leadership': label('主要领导责任者', 'principal leadership responsibility (主要领导责任者)'),
  'important-leadership': label('重要领导责任者', 'important leadership responsibility (重要领导责任者)'),
  none: label('不负直接责任或领导责任', 'neither direct nor leadership responsibility')
}, { description: 'The subject\'s responsibility as the regulations define it (2015 Art 38 / 2018 Art 37 / 2023 Art 39), for the articles that name the direct or leadership-responsible person as subject: direct, principal-leadership, important-leadership, none.' })

export const mitigating = setOf(label('从轻、减轻情节', 'mitigating circumstances'), {
  'self-disclosure': label('主动交代本人应当受到党纪处分的问题', 'self-disclosure of one’s own violations'),
  'reporting-others': label('检举同案人或者其他人应当受到党纪处分或者法律追究的问题，经查证属实', 'reporting others’ violations, verified'),
  'recovering-losses': label('主动挽回损失、消除不良影响或者有效阻止危害结果发生', 'recovering losses or preventing harm'),
  'surrendering-proceeds': label('主动上交或者退赔违纪所得', 'surrendering or repaying the proceeds'),
  'cooperating-in-review': label('在组织核实、立案审查过程中，能够配合核实审查工作，如实说明本人违纪违法事实', 'cooperating in the review and stating the facts truthfully'),
  'other-merit': label('有其他立功表现', 'other meritorious conduct')
}, 'Mitigating circumstances established (从轻/减轻): self-disclosure (主动交代), reporting-others, recovering-losses, surrendering-proceeds, cooperating-in-review (2018 Art 17; under 2015 Art 39 para 2 从轻 only), other-merit (立功表现).')

export const aggravating = setOf(label('从重、加重情节', 'aggravating circumstances'), {
  'forcing-or-instigating-others': label('强迫、唆使他人违纪', 'forcing or instigating others to violate discipline'),
  'refusing-to-surrender-proceeds': label('拒不上交或者退赔违纪所得', 'refusing to surrender or repay the proceeds'),
  'new-violation-after-sanction': label('受党纪处分后又因故意违纪应当受到党纪处分', 'a new deliberate violation after a sanction'),
  'earlier-undisclosed-violation': label('受党纪处分后又被发现其受处分前的违纪行为', 'an earlier violation found after a sanction'),
  'not-stopping-during-campaign': label('在纪律集中整饬过程中不收敛、不收手', 'not stopping during a concentrated discipline campaign')
}, 'Aggravating circumstances established (从重/加重): forcing-or-instigating-others, refusing-to-surrender-proceeds (from 2018), new-violation-after-sanction and earlier-undisclosed-violation (2015: 从重 only), not-stopping-during-campaign (2015 Art 19 only).')

export const mitigationEffect = oneOf(label('从轻或减轻', 'effect of the mitigating circumstances'), {
  lighter: label('从轻（在处分幅度内）', 'lighter (within the range)'),
  reduced: label('减轻（低一档）', 'reduced (one tier below)')
}, { description: 'What the reviewer applies for the mitigating circumstances: lighter (从轻, within the range; the default) or reduced (减轻, one tier below).' })

export const aggravationEffect = oneOf(label('从重或加重', 'effect of the aggravating circumstances'), {
  heavier: label('从重（在处分幅度内）', 'heavier (within the range)'),
  aggravated: label('加重（高一档）', 'aggravated (one tier above)')
}, { description: 'heavier (从重, within the range; the default) or aggravated (加重, one tier above).' })

export const jointRole = oneOf(label('在共同违纪中的地位', 'role in a joint violation'), {
  leader: label('为首者', 'leader (为首者)'),
  participant: label('其他参与者', 'another participant')
}, { description: 'In a joint violation: leader (为首者, 从重) or another participant.' })

/**
 * Circumstances of the whole case rather than of one conduct item (surrender, cooperation, self-disclosure
 * of everything): issue #13 class 6. They apply to every violation; an item's own statement adds to them.
 */
export const CaseCircumstances = Type.Object({
  mitigating: Type.Optional(mitigating),
  aggravating: Type.Optional(aggravating),
  mitigationEffect: Type.Optional(mitigationEffect),
  aggravationEffect: Type.Optional(aggravationEffect)
}, {
  additionalProperties: false,
  description: 'Mitigating and aggravating circumstances of the whole case, with the same codes as a conduct item\'s; they apply to every violation. A conduct item\'s own circumstances add to them, and its own mitigationEffect / aggravationEffect, where stated, wins for that item.',
  [LABEL]: label('全案的从轻、从重情节', 'circumstances of the whole case')
})
