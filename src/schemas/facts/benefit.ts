/** Gifts, red packets, loans and hospitality: `conduct.benefit.*`. */
import { Type } from '@sinclair/typebox'
import { label, measure, oneOf, setOf, yesNo } from './labelled.js'

const duty = '影响公正执行公务'
export const Benefit = Type.Object({
  kind: Type.Optional(oneOf(label('往来的类型', 'what passed between them'), {
    'gift-received': label('收受礼品、礼金', 'gifts received'),
    'gift-given': label('赠送礼品、礼金', 'gifts given'),
    borrowing: label('借用钱款、住房、车辆', 'money, housing or cars borrowed'),
    'hospitality-received': label('接受宴请或旅游、健身、娱乐等活动安排', 'banquets, travel, fitness or entertainment accepted'),
    'hospitality-provided': label('提供宴请或旅游、健身、娱乐等活动安排', 'banquets, travel, fitness or entertainment provided'),
    'public-funds-hospitality': label('组织、参加用公款支付的宴请、娱乐、健身活动，或用公款购买赠送、发放礼品、消费卡（券）', 'banquets, entertainment or fitness paid with public funds, or gifts or cards bought with public funds to give or hand out'),
    'reception': label('接待', 'a reception of visitors')
  }, { description: 'gift-received / gift-given: gifts, cash, red packets, cards; borrowing: money, housing or cars borrowed; hospitality-received / hospitality-provided: banquets, travel, fitness, entertainment; public-funds-hospitality: banquets, entertainment or fitness paid with public funds, or gifts or cards bought with them to give or hand out; reception: receiving visitors (公务接待, from 2024 接待).' })),
  form: Type.Optional(oneOf(label('财物或活动的形式', 'its form'), {
    cash: label('礼金（现金）', 'cash gift'),
    'electronic-red-packet': label('电子红包', 'electronic red packet'),
    gift: label('礼品', 'gift'),
    'consumption-card': label('消费卡（券）', 'consumption card or voucher'),
    securities: label('有价证券、股权等金融产品', 'securities, equity or other financial products'),
    banquet: label('宴请', 'banquet'),
    travel: label('旅游', 'travel'),
    fitness: label('健身', 'fitness'),
    entertainment: label('娱乐', 'entertainment'),
    money: label('钱款', 'money'),
    housing: label('住房', 'housing'),
    car: label('车辆', 'car'),
    'disguised-fee': label('以讲课费、课题费、咨询费等名义支付的款项（变相送礼）', 'money paid as a lecture, research-project or consulting fee or the like (a disguised gift)')
  }, { description: 'What was given, lent or provided: cash, red packets, gifts, cards, securities (gifts); banquets, travel, fitness, entertainment (hospitality); money, housing, cars (borrowing); disguised-fee: money given under the name of a lecture, research-project or consulting fee or the like (变相送礼, 2023 Art 98 para 2).' })),
  counterpart: Type.Optional(oneOf(label('对方', 'who is on the other side'), {
    'managed-or-served': label('管理和服务对象', 'someone the subject manages or serves'),
    subordinate: label('下属', 'a subordinate'),
    'business-contact': label('有业务往来的人', 'a business contact'),
    colleague: label('同事', 'a colleague'),
    'relative-or-friend': label('亲友', 'a relative or friend'),
    other: label('其他人', 'someone else')
  }, { description: 'Who is on the other side: managed-or-served (管理和服务对象), subordinate, business-contact, colleague, relative-or-friend, other.' })),
  recipientPerformsPublicDuty: Type.Optional(yesNo(label('受赠方是否从事公务的人员或其亲属、特定关系人', 'whether the recipient performs public duties'),
    label('受赠方是从事公务的人员或其配偶、子女及其配偶等亲属、其他特定关系人', 'the recipient performs public duties, or is the spouse, child, child’s spouse or other relative or a specific associate of one who does'),
    label('受赠方不是从事公务的人员，也不是其亲属或特定关系人', 'the recipient neither performs public duties nor is a relative or specific associate of one who does'),
    { description: 'For gifts given: the recipient is a person performing public duties (从事公务的人员) or their spouse, child, child\'s spouse or other relative, or a specific associate (特定关系人): the recipient element of the giving article (2015 Art 84, 2018 Art 89, 2023 Art 98 paras 1 and 2).' })),
  amountYuan: Type.Optional(measure(label('金额', 'the amount'), label('元', 'yuan'), { minimum: 0, maximum: 1e12, description: 'The value in yuan (元).' })),
  mayAffectDuty: Type.Optional(yesNo(label(`是否可能${duty}`, 'possible effect on official duty'),
    label(`可能${duty}`, 'it may affect the impartial performance of official duty'),
    label(`不可能${duty}`, 'it cannot affect the impartial performance of official duty'),
    { description: 'May affect the impartial performance of official duty.' })),
  exceedsNormalReciprocity: Type.Optional(yesNo(label('是否明显超出正常礼尚往来', 'beyond normal reciprocity'),
    label('明显超出正常礼尚往来', 'it clearly exceeds normal reciprocity'),
    label('未明显超出正常礼尚往来', 'it does not clearly exceed normal reciprocity'),
    { description: 'Clearly exceeds normal reciprocity (明显超出正常礼尚往来).' })),
  dutyAffected: Type.Optional(yesNo(label(`是否实际${duty}`, 'actual effect on official duty'),
    label(`实际${duty}`, 'it actually affected the impartial performance of duty'),
    label(`未实际${duty}`, 'it did not actually affect the impartial performance of duty'),
    { description: 'Actually affected the impartial performance of duty (影响公正执行公务; the 2018 borrowing article needs an actual effect, 2023 only a possible one).' })),
  paidWithPublicFunds: Type.Optional(yesNo(label('是否用公款支付', 'paid with public funds'),
    label('用公款支付或购买', 'paid for or bought with public funds'),
    label('未用公款支付或购买', 'not paid for or bought with public funds'),
    { description: 'Paid for, or bought, with public funds (用公款支付、购买): an element of the public-funds article.' })),
  contraryToRules: Type.Optional(yesNo(label('是否违反有关规定', 'contrary to the relevant rules'),
    label('违反有关规定', 'contrary to the relevant rules'),
    label('未违反有关规定', 'within the relevant rules'),
    { description: 'Contrary to the relevant rules (违反有关规定), as the case officer finds: an element of the public-funds article (some official meals and purchases are permitted).' })),
  highConsumption: Type.Optional(yesNo(label('是否高消费', 'high consumption'),
    label('属于高消费', 'it was high consumption'),
    label('不属于高消费', 'it was not high consumption'),
    { description: 'High consumption (高消费): the 2015 and 2018 public-funds articles name high-consumption entertainment; 2023 drops the word.' })),
  receptionBreaches: Type.Optional(setOf(label('接待中违反接待管理规定的情形', 'how the reception breached the reception rules'), {
    'over-standard': label('超标准接待', 'above the standard'),
    'over-scope': label('超范围接待', 'beyond the permitted scope'),
    'lavish-eating': label('借机大吃大喝', 'used the occasion for lavish eating and drinking')
  }, 'How a reception breached the (official) reception rules: over-standard (超标准), over-scope (超范围), lavish-eating (借机大吃大喝); empty means none of them.')),
  benefitSoughtForGiver: Type.Optional(yesNo(label('是否为对方谋取利益', 'a benefit sought for the giver'),
    label('本人为对方谋取利益', 'the subject sought a benefit for the giver'),
    label('本人未为对方谋取利益', 'the subject sought no benefit for the giver'),
    { description: 'The subject sought a benefit for the giver (为他人谋取利益): the bribery route.' }))
}, { additionalProperties: false, $id: 'Benefit', description: 'Gifts, red packets, loans and hospitality, received or given.' })
