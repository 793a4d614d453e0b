/** For-profit activity: `conduct.business.*`. */
import { Type } from '@sinclair/typebox'
import { label, oneOf, yesNo } from './labelled.js'

export const Business = Type.Object({
  kind: Type.Optional(oneOf(label('营利活动的形式', 'what the activity is'), {
    'online-shop': label('开网店', 'running an online shop'),
    'wechat-business': label('微商', 'selling through WeChat (微商)'),
    'running-enterprise': label('经商办企业', 'running a business'),
    'unlisted-shares': label('拥有非上市公司（企业）的股份或者证券', 'holding shares in an unlisted company'),
    'stock-trading': label('买卖股票或者进行其他证券投资', 'trading stocks or other securities'),
    'paid-brokering': label('从事有偿中介活动', 'paid brokering'),
    'other-for-profit': label('其他违反有关规定的营利活动', 'other for-profit activity')
  }, { description: 'online-shop, wechat-business (微商), running-enterprise, unlisted-shares, stock-trading, paid-brokering, other-for-profit.' })),
  authorised: Type.Optional(yesNo(label('是否经批准', 'approval'),
    label('经有关规定批准', 'approved under the applicable rules'),
    label('未经批准', 'not approved under the applicable rules'),
    { description: 'Approved under the applicable rules.' }))
}, { additionalProperties: false, $id: 'Business', description: 'For-profit activity.' })
