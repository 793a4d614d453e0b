/**
 * The classification reads the tier model's open tiers (branch `tiers` fills Triggered.openTiers): a triggered
 * rule with a tier still open leaves the classification provisional and is named among what would narrow the
 * range. The verdicts are made by deciding golden cases, then given an open tier by hand.
 */
import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { decide } from '../../../src/domain/decide/decide.js'
import { classify } from '../../../src/domain/decide/classify.js'
import { classification } from '../../../src/domain/render/classification.js'
import type { EvaluationRequest } from '../../../src/schemas/evaluation.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { loadCases } from '../../helpers/cases.js'

const rules = await loadRules(BUNDLED_RULES_DIR)
const now = new Date('2025-01-01T00:00:00Z')

async function withOpenTier (file: string) {
  const req = loadCases().find((c) => c.file === file)!.request as EvaluationRequest
  const v = await decide(rules, req, { now })
  const before = v.classification
  const triggered = v.triggered.map((x, i) => (i === 0 ? { ...x, openTiers: [{ test: 'serious' as const, range: { min: 'probation' as const, max: 'expulsion' as const }, missing: [] }] } : x))
  const after = classify({ req, triggered, undetermined: v.undetermined, catalog: rules.catalog, decisionDate: v.decisionDate })
  return { before, after, rule: triggered[0].ref }
}

t.test('an open tier leaves the range provisional and is named as what would narrow it', async (t) => {
  const { before, after, rule } = await withOpenTier('reference-dong.json')
  t.equal(before.provisional, false)
  t.equal(after.provisional, true, 'provisional while a tier is open')
  t.same(after.range, before.range, 'the range is the established tier\'s: the open tier does not move it')
  t.same(after.recommendation.narrowedBy.at(-1), { lever: 'tier', pointer: `/facts/conduct/0/statedCircumstances/${rule.ruleId}`, ruleId: rule.ruleId, conductIndex: 0 })
  const zh = classification(after, rules, 'zh')
  t.match(zh.recommendation.explanation.zh, /认定第1项行为在“[^”]+”下尚未确定的情节档次/)
  t.match(zh.recommendation.explanation.en, /establishing the open tier of conduct item 1 under "[^"]+"/)
  t.notMatch(zh.recommendation.explanation.zh, new RegExp(rule.ruleId.replace('.', '\\.')), 'the rule by its title, not its id')
  t.match(zh.explanation.zh, /暂定/)
})

t.test('an exemption with a tier still open is provisional too, and says so', async (t) => {
  const { after } = await withOpenTier('model-exemption.json')
  t.same([after.status, after.provisional, after.range, after.recommended, after.recommendation.reason], ['exemption-proposed', true, null, null, 'exemption'])
  const en = classification(after, rules, 'en')
  t.match(en.explanation.en, /exempted.*provisional/)
  t.match(en.explanation.zh, /免予处分.*暂定/)
})

t.test('从轻 or 从重 on a range of one sanction leaves it, and says so', async (t) => {
  const base = loadCases().find((c) => c.file === 'speech-wangyi-stated-serious.json')!.request as EvaluationRequest
  const said = async (circumstances: NonNullable<EvaluationRequest['facts']['circumstances']>) => {
    const v = await decide(rules, { ...base, facts: { ...base.facts, circumstances } }, { now })
    t.same(v.classification.range, { min: 'expulsion', max: 'expulsion' }, 'expulsion only, before and after')
    return classification(v.classification, rules, 'zh').adjustments[0]
  }
  const lighter = await said({ mitigating: ['self-disclosure'] })
  t.same([lighter.step, lighter.sanction], ['lighter', 'expulsion'])
  t.match(lighter.explanation.zh, /幅度只有开除党籍一种处分，不变/)
  t.match(lighter.explanation.en, /which is expulsion from the party only and stays so/)
  const heavier = await said({ aggravating: ['forcing-or-instigating-others'] })
  t.same([heavier.step, heavier.sanction], ['heavier', 'expulsion'])
  t.match(heavier.explanation.zh, /幅度只有开除党籍一种处分，不变/)
  t.match(heavier.explanation.en, /which is expulsion from the party only and stays so/)
})
