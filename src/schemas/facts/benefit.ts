/** Gifts, red packets, loans and hospitality: `conduct.benefit.*`. */
import { Type } from '@sinclair/typebox'
import { label, measure, oneOf, yesNo } from './labelled.js'

const duty = '影响公正执行公务'
export const Benefit = Type.Object({
  kind: Type.Optional(oneOf(label('往来的类型', 'what passed between them'), {
    'gift-received': label('收受礼品、礼金', 'gifts received'),
    'gift-given': label('赠送礼品、礼金', 'gifts given'),
    borrowing: label('借用钱款、住房、车辆', 'money, housing or cars borrowed'),
    'hospitality-received': label('接受宴请或旅游、健身、娱乐等活动安排', 'banquets, travel, fitness or entertainment accepted'),
    'hospitality-provided': label('提供宴请或旅游、健身、娱乐等活动安排', 'banquets, travel, fitness or entertainment provided')
  }, { description: 'gift-received / gift-given: gifts, cash, red packets, cards; borrowing: money, housing or cars borrowed; hospitality-received / hospitality-provided: banquets, travel, fitness, entertainment.' })),
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
    car: label('车辆', 'car')
  }, { description: 'What was given, lent or provided: cash, red packets, gifts, cards, securities (gifts); banquets, travel, fitness, entertainment (hospitality); money, housing, cars (borrowing).' })),
  counterpart: Type.Optional(oneOf(label('对方', 'who is on the other side'), {
    'managed-or-served': label('管理和服务对象', 'someone the subject manages or serves'),
    subordinate: label('下属', 'a subordinate'),
    'business-contact': label('有业务往来的人', 'a business contact'),
    colleague: label('同事', 'a colleague'),
    'relative-or-friend': label('亲友', 'a relative or friend'),
    other: label('其他人', 'someone else')
  }, { description: 'Who is on the other side: managed-or-served (管理和服务对象), subordinate, business-contact, colleague, relative-or-friend, other.' })),
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
  benefitSoughtForGiver: Type.Optional(yesNo(label('是否为对方谋取利益', 'a benefit sought for the giver'),
    label('本人为对方谋取利益', 'the subject sought a benefit for the giver'),
    label('本人未为对方谋取利益', 'the subject sought no benefit for the giver'),
    { description: 'The subject sought a benefit for the giver (为他人谋取利益): the bribery route.' }))
}, { additionalProperties: false, $id: 'Benefit', description: 'Gifts, red packets, loans and hospitality, received or given.' })
