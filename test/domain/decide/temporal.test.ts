/**
 * 从旧兼从轻 (2015 Art 133 para 2 / 2018 Art 142 para 2 / 2023 Art 158 para 2) on synthetic provisions
 * whose versions differ: lighter later, harsher later, decriminalised later, broader later.
 */
import t from 'tap'
import { loadRules, type LoadedRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { bundledFiles, writeRules, addClauses, syntheticFactionRules } from '../../helpers/rules-dir.js'

const version = (v: string, article: number, sanctions: string[], test = 'none') =>
  ({ version: v, article, summary: { zh: '测试', en: 'test' }, tiers: [{ test, sanctions }], sources: ['regs-2015'] })
const clause = (id: string, versions: object[], extra: object = {}) =>
  ({ id, instrument: 'ccp-discipline-regulations', title: { zh: id, en: id }, kind: 'offence', versions, ...extra })

const clauses = [
  clause('x.lighter', [version('2015', 90, ['removal-from-party-posts', 'probation']), version('2018', 91, ['warning', 'serious-warning']), version('2023', 92, ['warning', 'serious-warning'])]),
  clause('x.harsher', [version('2015', 93, ['warning', 'serious-warning']), version('2018', 94, ['removal-from-party-posts', 'probation']), version('2023', 95, ['removal-from-party-posts', 'probation'])]),
  clause('x.dropped', [version('2015', 96, ['warning', 'serious-warning'])], {
    absent: [{ version: '2018', confirmed: true, note: { zh: '删除', en: 'deleted' }, sources: ['regs-2015'] }, { version: '2023', confirmed: true, note: { zh: '删除', en: 'deleted' }, sources: ['regs-2015'] }]
  }),
  clause('x.raised-floor', [version('2015', 97, ['warning', 'serious-warning']), version('2018', 98, ['warning', 'serious-warning'], 'relatively-serious'), version('2023', 99, ['warning', 'serious-warning'], 'relatively-serious')])
]
const forming = { fact: 'conduct.faction.behaviours', operator: 'containsAny', value: ['forming-cliques'] }
const rule = (id: string, clauseId: string, extra: object = {}) =>
  ({ id: `x.${id}`, title: { zh: id, en: id }, clause: clauseId, conditions: forming, provenance: { sources: ['regs-2015'], inference: false }, ...extra })
const rules = [
  rule('lighter', 'x.lighter'),
  rule('harsher', 'x.harsher'),
  rule('dropped', 'x.dropped'),
  rule('raised-floor', 'x.raised-floor'),
  rule('broader', 'x.lighter', { elementsByVersion: { 2015: { fact: 'subject.leadingCadre', operator: 'equal', value: true } } }),
  rule('narrower', 'x.harsher', { elementsByVersion: { 2018: { fact: 'subject.rank', operator: 'equal', value: 'bureau' } } }),
  rule('statutory', 'x.harsher', {
    adjustments: [
      { id: 'organised', when: { fact: 'conduct.faction.politicalEcologyWorsened', operator: 'equal', value: true }, versions: ['2018'], effect: 'heavier-or-aggravated', clause: 'x.harsher', text: { zh: '从重', en: 'heavier' } },
      { id: 'always', versions: ['2015'], effect: 'heavier', clause: 'x.harsher', text: { zh: '从重', en: 'heavier' } }
    ]
  })
]

let loaded: LoadedRules
t.before(async () => {
  loaded = await loadRules(syntheticFactionRules(t.testdir(), clauses, rules))
})

const run = async (end: string, decisionDate: string, subject: object = {}, faction: object = {}, extra: object = {}) =>
  await evaluate(loaded, {
    facts: { subject: { partyMember: true, leadingCadre: false, holdsPartyPost: true, ...subject }, conduct: [{ type: 'faction', period: { end }, faction: { behaviours: ['forming-cliques'], ...faction }, ...extra }] },
    options: { decisionDate }
  } as any, { now: new Date(), decisionId: 'd' })
const triggered = (res: Awaited<ReturnType<typeof run>>, id: string) => res.triggered.find((x) => x.ruleId === `x.${id}`)
const finding = (res: Awaited<ReturnType<typeof run>>, id: string) => res.findings.find((x) => x.ruleId === `x.${id}`)

t.test('a later version that is lighter applies (2018 Art 142 para 2)', async (t) => {
  const res = await run('2017-06-30', '2019-01-10')
  const x = triggered(res, 'lighter')!
  t.same([x.appliedVersion.version, x.appliedVersion.conductVersion, x.appliedVersion.decisionVersion], ['2018', '2015', '2018'])
  t.same(x.sanctionRange, { min: 'warning', max: 'serious-warning' })
  t.same(x.appliedVersion.citations.map((c) => c.label), ['《中国共产党纪律处分条例》(2018年修订) 第一百四十二条第二款'])
  t.match(x.appliedVersion.reason.en, /treats it more lightly/)
})

t.test('a later version that is harsher does not apply: the old one does', async (t) => {
  const x = triggered(await run('2017-06-30', '2019-01-10'), 'harsher')!
  t.equal(x.appliedVersion.version, '2015')
  t.same(x.sanctionRange, { min: 'warning', max: 'serious-warning' })
  t.match(x.appliedVersion.reason.en, /is not lighter/)
  const same = triggered(await run('2019-06-30', '2020-01-10'), 'harsher')!
  t.same(same.appliedVersion.citations, [], 'one version at conduct and decision: no temporal clause')
})

t.test('a later version that no longer treats the act as a violation: not pursued', async (t) => {
  const res = await run('2017-06-30', '2019-01-10')
  const f = finding(res, 'dropped')!
  t.equal(f.status, 'not-a-violation-under-later-version')
  t.same(f.citations.map((c) => c.article), [96, 142])
  t.equal(finding(await run('2018-12-31', '2019-01-10'), 'dropped')!.status, 'no-provision-in-version', 'conduct under 2018 only: the provision does not exist')
})

t.test('a later version whose lowest tier needs 情节较重: lighter if the act is not, provisional while that is not stated', async (t) => {
  const f = finding(await run('2017-06-30', '2019-01-10', {}, {}, { statedCircumstances: { 'x.raised-floor': 'base' } }), 'raised-floor')!
  t.equal(f.status, 'below-threshold', 'stated not 情节较重: the later version does not sanction the act')
  t.same(f.citations.map((c) => c.article), [98, 19, 142])
  const open = triggered(await run('2017-06-30', '2019-01-10'), 'raised-floor')!
  t.same([open.appliedVersion.version, open.appliedVersion.provisional], ['2015', true], 'nothing stated: the old version\'s certain tier applies, provisionally')
  t.same(open.appliedVersion.settle, ['/facts/conduct/0/statedCircumstances/x.raised-floor/relatively-serious'])
  t.same(open.appliedVersion.outcomes, { conductVersion: { status: 'established', tier: 'none', sanctionRange: { min: 'warning', max: 'serious-warning' } }, decisionVersion: { status: 'undetermined' } })
  t.match(open.appliedVersion.reason.en, /provisional/)
})

t.test('a later version that is broader does not reach conduct under the old one', async (t) => {
  const res = await run('2017-06-30', '2019-01-10')
  const f = finding(res, 'broader')!
  t.equal(f.status, 'not-a-violation-under-conduct-version', 'not a leading cadre: the 2015 elements fail, only the later version reaches the act')
  t.same(f.failed?.map((x) => x.pointer), ['/facts/subject/leadingCadre'])
  t.same(f.citations.map((c) => c.article), [90, 142])
  t.equal(triggered(await run('2017-06-30', '2019-01-10', { leadingCadre: true }), 'broader')!.appliedVersion.version, '2018')
  t.equal(triggered(await run('2018-10-01', '2019-01-10'), 'broader')!.appliedVersion.version, '2018', 'under 2018 the subject is wider')
})

t.test('a later version that is narrower: the act falls outside it, not pursued; unknown facts leave it undetermined', async (t) => {
  t.equal(finding(await run('2017-06-30', '2019-01-10', { rank: 'division' }), 'narrower')!.status, 'not-a-violation-under-later-version')
  const res = await run('2017-06-30', '2019-01-10')
  t.same(res.undetermined.find((x) => x.ruleId === 'x.narrower')?.missing, ['/facts/subject/rank'])
  t.equal(triggered(await run('2017-06-30', '2019-01-10', { rank: 'bureau' }), 'narrower')!.appliedVersion.version, '2015')
})

t.test('statutory aggravation from the rule data, by version and condition', async (t) => {
  const under2018 = triggered(await run('2019-06-30', '2020-01-10', {}, { politicalEcologyWorsened: true }), 'statutory')!
  t.same(under2018.statutoryAdjustments.map((a) => [a.id, a.effect, a.citations[0].article]), [['organised', 'heavier-or-aggravated', 94]])
  t.same(triggered(await run('2019-06-30', '2020-01-10', {}, { politicalEcologyWorsened: false }), 'statutory')!.statutoryAdjustments, [])
  const under2015 = await run('2017-06-30', '2017-12-10')
  t.same(triggered(under2015, 'statutory')!.statutoryAdjustments.map((a) => a.id), ['always'])
  const steps = under2015.classification.adjustments.filter((a) => a.ruleId === 'x.statutory').map((a) => a.step)
  t.same(steps, ['heavier'])
  const aggravated = await run('2019-06-30', '2020-01-10', {}, { politicalEcologyWorsened: true }, { aggravationEffect: 'aggravated', jointRole: 'leader' })
  const step = aggravated.classification.adjustments.find((a) => a.ruleId === 'x.statutory' && a.step === 'aggravated')!
  t.same([step.to, step.sanction], [{ min: 'expulsion', max: 'expulsion' }, 'expulsion'], 'the article allows 加重: one tier above removal–probation')
  const heavier = await run('2019-06-30', '2020-01-10', {}, { politicalEcologyWorsened: true }, { jointRole: 'leader', aggravating: ['forcing-or-instigating-others'] })
  t.match(heavier.classification.adjustments.find((a) => a.ruleId === 'x.statutory' && a.step === 'heavier')!.explanation.en, /forcing or instigating others; leader of a joint violation; aggravation prescribed by the article/)
})

t.test('rule data that names versions its clause lacks is refused', async (t) => {
  const files = bundledFiles()
  addClauses(files, clauses)
  files['rulesets/x.json'] = {
    id: 'x', title: { zh: '测试', en: 'test' }, description: { zh: '测试', en: 'test' }, conductType: 'faction',
    rules: [rule('bad', 'x.dropped', {
      elementsByVersion: { 2018: forming },
      adjustments: [{ id: 'a', versions: ['2023'], effect: 'heavier', clause: 'x.nope', text: { zh: '从重', en: 'heavier' } }]
    })]
  }
  const err = await loadRules(writeRules(t.testdir(), files)).then(() => undefined, (e: Error) => e)
  t.match(err?.message, /\/rules\/0\/elementsByVersion\/2018: clause 'x\.dropped' has no version '2018'/)
  t.match(err?.message, /\/rules\/0\/adjustments\/0\/versions\/0: clause 'x\.dropped' has no version '2023'/)
  t.match(err?.message, /\/rules\/0\/adjustments\/0\/clause: clause 'x\.nope' is not in the catalog/)
})

t.test('catalog entries marked absent are checked', async (t) => {
  const files = bundledFiles()
  addClauses(files, [clause('x.bad', [version('2015', 1, ['warning'])], { absent: [{ version: '2015', confirmed: true, note: { zh: 'x', en: 'x' }, sources: ['regs-2015'] }, { version: '1997', confirmed: true, note: { zh: 'x', en: 'x' }, sources: ['regs-2015'] }] })])
  const err = await loadRules(writeRules(t.testdir(), files)).then(() => undefined, (e: Error) => e)
  t.match(err?.message, /\/clauses\/\d+\/absent\/0\/version: version '2015' is both encoded and marked absent/)
  t.match(err?.message, /\/clauses\/\d+\/absent\/1\/version: instrument 'ccp-discipline-regulations' has no version '1997'/)
})
