/**
 * Conditions in words: every operator of the Condition schema on every kind of fact (yes/no, one
 * value out of a list, a set of values, a number with and without a unit, free text, a date), built
 * from the labels of the facts vocabulary, never from dotted names or codes.
 */
import t from 'tap'
import { conditionText } from '../../../src/domain/render/wording.js'

t.test('the rule author’s description wins', async (t) => {
  const description = { zh: '是党员', en: 'is a party member' }
  t.same(conditionText({ fact: 'subject.partyMember', operator: 'equal', value: false, description }), description)
})

t.test('the conditions the bundled rules write without a description', async (t) => {
  const say = (fact: string, operator: string, value: unknown) => conditionText({ fact, operator, value })
  t.same(say('conduct.association.subjectRoles', 'containsAny', ['initiator', 'organiser', 'group-owner', 'office-holder']), {
    zh: '本人在该组织中的角色包含以下任一项：发起人、组织者、群主、任职者（如秘书长）',
    en: 'the subject’s roles in it include initiator, organiser, group owner or office-holder (e.g. secretary-general)'
  })
  t.same(say('conduct.association.offlineGatherings.regularised', 'equal', true), { zh: '定期举行线下聚会', en: 'it holds offline gatherings on a fixed rhythm' })
  t.same(say('conduct.association.offlineGatherings.count', 'greaterThanInclusive', 3), { zh: '线下聚会次数不少于3次', en: 'the number of offline gatherings is at least 3' })
  t.same(say('conduct.channel', 'in', ['wechat-group', 'work-group', 'qq-group']), { zh: '发生的场所或渠道是以下之一：微信群、工作群、QQ群', en: 'where it happened: a WeChat group, a work group or a QQ group' })
  t.same(say('conduct.secret.kind', 'in', ['other-confidential-work', 'secret-document']), { zh: '涉及的事项是以下之一：其他应当保密的内容、涉密文件', en: 'what it concerns: other work that should be kept confidential or secret documents' })
  t.same(say('conduct.faction.behaviours', 'contains', 'political-attachment'), { zh: '本人的非组织活动包含政治攀附', en: 'the subject’s non-organisational activities include political attachment to powerful patrons (政治攀附)' })
  t.same(say('subject.leadingCadre', 'equal', false), { zh: '不是党员领导干部', en: 'is not a leading cadre' })
})

t.test('lists whose items have their own separators stay readable', async (t) => {
  const x = conditionText({ fact: 'conduct.speech.action', operator: 'in', value: ['authored', 'spread'] })
  t.same(x, { zh: '本人对该内容的行为是以下之一：编造、发表；转发、传播', en: 'what the subject did with it: made and published it; or forwarded or spread it' })
  const y = conditionText({ fact: 'conduct.election.conduct', operator: 'containsAny', value: ['inducing-votes', 'vote-buying', 'canvassing'] })
  t.same(y.en, 'the subject’s acts in the election include organising, inciting or inducing others’ votes; vote buying; or canvassing')
  t.same(conditionText({ fact: 'conduct.secret.kind', operator: 'notIn', value: ['inspection', 'state-secret'] }).en, 'what it concerns: neither inspection (巡视巡察) matters nor state secrets')
  t.same(conditionText({ fact: 'conduct.association.subjectRoles', operator: 'containsAny', value: ['member'] }), { zh: '本人在该组织中的角色包含一般成员', en: 'the subject’s roles in it include ordinary member' })
  t.same(conditionText({ fact: 'conduct.association.memberCount', operator: 'notIn', value: [1, 2, 3] }), { zh: '成员人数不是以下任一项：1人、2人、3人', en: 'the number of members is none of 1, 2 and 3' })
  t.same(conditionText({ fact: 'conduct.secret.kind', operator: 'equal', value: ['inspection', 'state-secret'] }), { zh: '涉及的事项为巡视巡察事项、国家秘密', en: 'what it concerns is inspection (巡视巡察) matters and state secrets' }, 'equal to a list is not worded as "one of"')
  t.same(conditionText({ fact: 'subject.leadingCadre', operator: 'lessThan', value: 1 }), { zh: '是否党员领导干部少于1', en: 'leading-cadre status is less than 1' }, 'a value a yes/no fact never takes is shown as written')
})

// [fact, operator, value, zh, en]: every operator on every kind of fact. Pairings that json-rules-engine
// can never make true (a comparison on a yes/no fact, `contains` on a single value) still read plainly.
const TABLE: Array<[string, string, unknown, string, string]> = [
  ['subject.leadingCadre', 'equal', true, '是党员领导干部', 'is a leading cadre (党员领导干部)'],
  ['subject.leadingCadre', 'notEqual', true, '不是党员领导干部', 'is not a leading cadre'],
  ['subject.leadingCadre', 'lessThan', true, '是否党员领导干部少于是', 'leading-cadre status is less than yes'],
  ['subject.leadingCadre', 'lessThanInclusive', true, '是否党员领导干部不超过是', 'leading-cadre status is at most yes'],
  ['subject.leadingCadre', 'greaterThan', true, '是否党员领导干部超过是', 'leading-cadre status is more than yes'],
  ['subject.leadingCadre', 'greaterThanInclusive', true, '是否党员领导干部不少于是', 'leading-cadre status is at least yes'],
  ['subject.leadingCadre', 'in', [true,false], '是党员领导干部或不是党员领导干部', 'is a leading cadre (党员领导干部) or is not a leading cadre'],
  ['subject.leadingCadre', 'notIn', [true,false], '不是党员领导干部，且是党员领导干部', 'is not a leading cadre and is a leading cadre (党员领导干部)'],
  ['subject.leadingCadre', 'contains', true, '是否党员领导干部包含是', 'leading-cadre status includes yes'],
  ['subject.leadingCadre', 'doesNotContain', true, '是否党员领导干部不包含是', 'leading-cadre status does not include yes'],
  ['subject.leadingCadre', 'containsAny', [true,false], '是否党员领导干部包含以下任一项：是、否', 'leading-cadre status includes any of yes and no'],
  ['conduct.secret.kind', 'equal', "inspection", '涉及的事项是巡视巡察事项', 'what it concerns: inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'notEqual', "inspection", '涉及的事项不是巡视巡察事项', 'what it concerns: not inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'lessThan', "inspection", '涉及的事项少于巡视巡察事项', 'what it concerns is less than inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'lessThanInclusive', "inspection", '涉及的事项不超过巡视巡察事项', 'what it concerns is at most inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'greaterThan', "inspection", '涉及的事项超过巡视巡察事项', 'what it concerns is more than inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'greaterThanInclusive', "inspection", '涉及的事项不少于巡视巡察事项', 'what it concerns is at least inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'in', ["inspection","state-secret","secret-document"], '涉及的事项是以下之一：巡视巡察事项、国家秘密、涉密文件', 'what it concerns: inspection (巡视巡察) matters, state secrets or secret documents'],
  ['conduct.secret.kind', 'notIn', ["inspection","state-secret","secret-document"], '涉及的事项不是以下任一项：巡视巡察事项、国家秘密、涉密文件', 'what it concerns: none of inspection (巡视巡察) matters, state secrets and secret documents'],
  ['conduct.secret.kind', 'contains', "inspection", '涉及的事项包含巡视巡察事项', 'what it concerns includes inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'doesNotContain', "inspection", '涉及的事项不包含巡视巡察事项', 'what it concerns does not include inspection (巡视巡察) matters'],
  ['conduct.secret.kind', 'containsAny', ["inspection","state-secret","secret-document"], '涉及的事项包含以下任一项：巡视巡察事项、国家秘密、涉密文件', 'what it concerns includes any of inspection (巡视巡察) matters, state secrets and secret documents'],
  ['conduct.association.subjectRoles', 'equal', "initiator", '本人在该组织中的角色为发起人', 'the subject’s roles in it are initiator'],
  ['conduct.association.subjectRoles', 'notEqual', "initiator", '本人在该组织中的角色不为发起人', 'the subject’s roles in it are not initiator'],
  ['conduct.association.subjectRoles', 'lessThan', "initiator", '本人在该组织中的角色少于发起人', 'the subject’s roles in it are less than initiator'],
  ['conduct.association.subjectRoles', 'lessThanInclusive', "initiator", '本人在该组织中的角色不超过发起人', 'the subject’s roles in it are at most initiator'],
  ['conduct.association.subjectRoles', 'greaterThan', "initiator", '本人在该组织中的角色超过发起人', 'the subject’s roles in it are more than initiator'],
  ['conduct.association.subjectRoles', 'greaterThanInclusive', "initiator", '本人在该组织中的角色不少于发起人', 'the subject’s roles in it are at least initiator'],
  ['conduct.association.subjectRoles', 'in', ["initiator","group-owner"], '本人在该组织中的角色为以下之一：发起人、群主', 'the subject’s roles in it are one of initiator and group owner'],
  ['conduct.association.subjectRoles', 'notIn', ["initiator","group-owner"], '本人在该组织中的角色不为以下任一项：发起人、群主', 'the subject’s roles in it are none of initiator and group owner'],
  ['conduct.association.subjectRoles', 'contains', "initiator", '本人在该组织中的角色包含发起人', 'the subject’s roles in it include initiator'],
  ['conduct.association.subjectRoles', 'doesNotContain', "initiator", '本人在该组织中的角色不包含发起人', 'the subject’s roles in it do not include initiator'],
  ['conduct.association.subjectRoles', 'containsAny', ["initiator","group-owner"], '本人在该组织中的角色包含以下任一项：发起人、群主', 'the subject’s roles in it include initiator or group owner'],
  ['conduct.association.memberCount', 'equal', 100, '成员人数为100人', 'the number of members is 100'],
  ['conduct.association.memberCount', 'notEqual', 100, '成员人数不为100人', 'the number of members is not 100'],
  ['conduct.association.memberCount', 'lessThan', 100, '成员人数少于100人', 'the number of members is less than 100'],
  ['conduct.association.memberCount', 'lessThanInclusive', 100, '成员人数不超过100人', 'the number of members is at most 100'],
  ['conduct.association.memberCount', 'greaterThan', 100, '成员人数超过100人', 'the number of members is more than 100'],
  ['conduct.association.memberCount', 'greaterThanInclusive', 100, '成员人数不少于100人', 'the number of members is at least 100'],
  ['conduct.association.memberCount', 'in', [50,100], '成员人数为以下之一：50人、100人', 'the number of members is 50 or 100'],
  ['conduct.association.memberCount', 'notIn', [50,100], '成员人数不是以下任一项：50人、100人', 'the number of members is neither 50 nor 100'],
  ['conduct.association.memberCount', 'contains', 100, '成员人数包含100人', 'the number of members includes 100'],
  ['conduct.association.memberCount', 'doesNotContain', 100, '成员人数不包含100人', 'the number of members does not include 100'],
  ['conduct.association.memberCount', 'containsAny', [50,100], '成员人数包含以下任一项：50人、100人', 'the number of members includes any of 50 and 100'],
  ['conduct.benefit.amountYuan', 'equal', 30000, '金额为30000元', 'the amount is 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'notEqual', 30000, '金额不为30000元', 'the amount is not 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'lessThan', 30000, '金额少于30000元', 'the amount is less than 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'lessThanInclusive', 30000, '金额不超过30000元', 'the amount is at most 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'greaterThan', 30000, '金额超过30000元', 'the amount is more than 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'greaterThanInclusive', 30000, '金额不少于30000元', 'the amount is at least 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'in', [10000,30000], '金额为以下之一：10000元、30000元', 'the amount is 10,000 yuan or 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'notIn', [10000,30000], '金额不是以下任一项：10000元、30000元', 'the amount is neither 10,000 yuan nor 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'contains', 30000, '金额包含30000元', 'the amount includes 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'doesNotContain', 30000, '金额不包含30000元', 'the amount does not include 30,000 yuan'],
  ['conduct.benefit.amountYuan', 'containsAny', [10000,30000], '金额包含以下任一项：10000元、30000元', 'the amount includes any of 10,000 yuan and 30,000 yuan'],
  ['conduct.association.officeTitle', 'equal', "秘书长", '本人所任职务是秘书长', 'the office the subject holds is 秘书长'],
  ['conduct.association.officeTitle', 'notEqual', "秘书长", '本人所任职务不是秘书长', 'the office the subject holds is not 秘书长'],
  ['conduct.association.officeTitle', 'lessThan', "秘书长", '本人所任职务少于秘书长', 'the office the subject holds is less than 秘书长'],
  ['conduct.association.officeTitle', 'lessThanInclusive', "秘书长", '本人所任职务不超过秘书长', 'the office the subject holds is at most 秘书长'],
  ['conduct.association.officeTitle', 'greaterThan', "秘书长", '本人所任职务超过秘书长', 'the office the subject holds is more than 秘书长'],
  ['conduct.association.officeTitle', 'greaterThanInclusive', "秘书长", '本人所任职务不少于秘书长', 'the office the subject holds is at least 秘书长'],
  ['conduct.association.officeTitle', 'in', ["秘书长","会长"], '本人所任职务是以下之一：秘书长、会长', 'the office the subject holds is 秘书长 or 会长'],
  ['conduct.association.officeTitle', 'notIn', ["秘书长","会长"], '本人所任职务不是以下任一项：秘书长、会长', 'the office the subject holds is neither 秘书长 nor 会长'],
  ['conduct.association.officeTitle', 'contains', "秘书长", '本人所任职务包含秘书长', 'the office the subject holds includes 秘书长'],
  ['conduct.association.officeTitle', 'doesNotContain', "秘书长", '本人所任职务不包含秘书长', 'the office the subject holds does not include 秘书长'],
  ['conduct.association.officeTitle', 'containsAny', ["秘书长","会长"], '本人所任职务包含以下任一项：秘书长、会长', 'the office the subject holds includes any of 秘书长 and 会长'],
  ['conduct.period.end', 'equal', "2016-01-01", '行为终了日期是2016-01-01', 'the date the conduct ended is 2016-01-01'],
  ['conduct.period.end', 'notEqual', "2016-01-01", '行为终了日期不是2016-01-01', 'the date the conduct ended is not 2016-01-01'],
  ['conduct.period.end', 'lessThan', "2016-01-01", '行为终了日期早于2016-01-01', 'the date the conduct ended is before 2016-01-01'],
  ['conduct.period.end', 'lessThanInclusive', "2016-01-01", '行为终了日期不晚于2016-01-01', 'the date the conduct ended is on or before 2016-01-01'],
  ['conduct.period.end', 'greaterThan', "2016-01-01", '行为终了日期晚于2016-01-01', 'the date the conduct ended is after 2016-01-01'],
  ['conduct.period.end', 'greaterThanInclusive', "2016-01-01", '行为终了日期不早于2016-01-01', 'the date the conduct ended is on or after 2016-01-01'],
  ['conduct.period.end', 'in', ["2016-01-01","2018-10-01"], '行为终了日期是以下之一：2016-01-01、2018-10-01', 'the date the conduct ended is 2016-01-01 or 2018-10-01'],
  ['conduct.period.end', 'notIn', ["2016-01-01","2018-10-01"], '行为终了日期不是以下任一项：2016-01-01、2018-10-01', 'the date the conduct ended is neither 2016-01-01 nor 2018-10-01'],
  ['conduct.period.end', 'contains', "2016-01-01", '行为终了日期包含2016-01-01', 'the date the conduct ended includes 2016-01-01'],
  ['conduct.period.end', 'doesNotContain', "2016-01-01", '行为终了日期不包含2016-01-01', 'the date the conduct ended does not include 2016-01-01'],
  ['conduct.period.end', 'containsAny', ["2016-01-01","2018-10-01"], '行为终了日期包含以下任一项：2016-01-01、2018-10-01', 'the date the conduct ended includes any of 2016-01-01 and 2018-10-01']
]

t.test('every operator on every kind of fact', async (t) => {
  for (const [fact, operator, value, zh, en] of TABLE) {
    t.same(conditionText({ fact, operator, value }), { zh, en }, `${fact} ${operator} ${JSON.stringify(value)}`)
  }
  const kinds = new Set(TABLE.map(([fact]) => fact))
  t.equal(kinds.size, 7, 'yes/no, one of a list, a set, a count, an amount, free text, a date')
  t.equal(new Set(TABLE.map(([, operator]) => operator)).size, 11, 'all eleven operators')
})

t.test('each sentence is built once, and every caller gets its own copy', async (t) => {
  const leaf = { fact: 'conduct.association.memberCount', operator: 'greaterThanInclusive', value: 100 }
  const first = conditionText(leaf) as { zh: string, en: string, text?: string }
  first.text = first.zh
  t.same(conditionText(leaf), { zh: '成员人数不少于100人', en: 'the number of members is at least 100' }, 'annotating one answer does not touch the next')
  // More distinct leaves than the cache keeps: it starts over and still answers.
  for (let n = 0; n <= 10_000; n++) conditionText({ ...leaf, value: n })
  t.same(conditionText({ ...leaf, value: 7 }), { zh: '成员人数不少于7人', en: 'the number of members is at least 7' })
})
