/**
 * A repeated series sent as separate conduct items (issue #13): where one rule triggers on several
 * items, the version is chosen once, at the latest end among them, and 从旧兼从轻 compares the series'
 * outcome (its gravest item's) in each version, on synthetic provisions whose versions differ.
 */
import t from 'tap'
import { loadRules, type LoadedRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { syntheticFactionRules } from '../../helpers/rules-dir.js'

const version = (v: string, article: number, tiers: object[]) => ({ version: v, article, summary: { zh: '测试', en: 'test' }, tiers, sources: ['regs-2015'] })
const tier = (test: string, sanctions: string[]) => ({ test, sanctions })
const clause = (id: string, versions: object[]) => ({ id, instrument: 'ccp-discipline-regulations', title: { zh: id, en: id }, kind: 'offence', versions })
const WSW = ['warning', 'serious-warning']
const RP = ['removal-from-party-posts', 'probation']
const clauses = [
  clause('x.lighter', [version('2015', 90, [tier('none', RP)]), version('2018', 91, [tier('none', WSW)]), version('2023', 92, [tier('none', WSW)])]),
  clause('x.raised-floor', [version('2015', 97, [tier('none', WSW)]), version('2018', 98, [tier('relatively-serious', WSW)]), version('2023', 99, [tier('relatively-serious', WSW)])]),
  clause('x.effect', [version('2015', 103, [tier('none', WSW)]), version('2018', 104, [tier('bad-effect', WSW)]), version('2023', 105, [tier('none', WSW)])]),
  clause('x.tiered', [
    version('2015', 100, [tier('relatively-minor', WSW), tier('serious', RP)]),
    version('2018', 101, [tier('relatively-minor', ['warning']), tier('serious', ['serious-warning', 'removal-from-party-posts'])]),
    version('2023', 102, [tier('relatively-minor', ['warning']), tier('serious', ['serious-warning', 'removal-from-party-posts'])])
  ])
]
const rule = (id: string) => ({ id: `x.${id}`, title: { zh: id, en: id }, clause: `x.${id}`, conditions: { fact: 'conduct.faction.behaviours', operator: 'containsAny', value: ['forming-cliques'] }, provenance: { sources: ['regs-2015'], inference: false } })

let loaded: LoadedRules
t.before(async () => {
  loaded = await loadRules(syntheticFactionRules(t.testdir(), clauses, [rule('lighter'), rule('raised-floor'), rule('effect'), rule('tiered')]))
})

const item = (period: object, stated: object = {}) => ({ type: 'faction', period, faction: { behaviours: ['forming-cliques'] }, statedCircumstances: stated })
const run = async (items: object[], decisionDate: string) => await evaluate(loaded, {
  facts: { subject: { partyMember: true, leadingCadre: false, holdsPartyPost: true }, conduct: items },
  options: { decisionDate }
} as any, { now: new Date(), decisionId: 'd' })
type Res = Awaited<ReturnType<typeof run>>
const of = (res: Res, id: string) => res.triggered.filter((x) => x.ruleId === `x.${id}`)
const versions = (res: Res, id: string) => of(res, id).map((x) => [x.conductIndex, x.appliedVersion.version, x.appliedVersion.conductEnded])

t.test('the version is chosen once, at the last act, where the later version is lighter for the series', async (t) => {
  const res = await run([item({ start: '2016-02-01', end: '2016-06-30' }), item({ start: '2017-03-01', end: '2017-06-30' })], '2019-01-10')
  t.same(versions(res, 'lighter'), [[0, '2018', '2017-06-30'], [1, '2018', '2017-06-30']], 'both on 2018: later and lighter')
  const [first] = of(res, 'lighter')
  t.match(first.appliedVersion.reason.en, /treats it more lightly.*last act of the series/)
  t.same({ ...first.series, text: undefined }, { conductIndices: [0, 1], firstAct: '2016-02-01', lastAct: '2017-06-30', inference: true, sources: ['luckytm-cross-version-guidance', 'ccdi-practice-yang-junyan-counting'], text: undefined })
  t.match(first.series!.text.zh, /推断（不是条例原文）：第1、2项行为.*2017-06-30.*发文机关未确认/)
  t.match(first.notes!.at(-1), { id: 'series-read-at-last-act', text: { en: /Inferred.*conduct items 1, 2 \(numbered from 1\)/ } })
  t.equal(res.classification.basis.filter((b) => b.ruleId === 'x.lighter').length, 2, 'both items are the basis of one violation')
})

t.test('an item below the threshold of the series\' version answers so, on that version, and the gravest item decides for the series', async (t) => {
  const noEffect = { 'x.effect': { 'bad-effect': false } }
  const alone = await run([item({ end: '2016-06-30' }, noEffect)], '2024-06-01')
  t.same(versions(alone, 'effect'), [[0, '2015', '2016-06-30']], 'on its own: 2015, whose lowest tier asks for no bad effect')
  const res = await run([item({ end: '2016-06-30' }, noEffect), item({ end: '2019-06-30' }, { 'x.effect': { 'bad-effect': true } })], '2024-06-01')
  const below = res.findings.find((f) => f.ruleId === 'x.effect')!
  t.same([below.conductIndex, below.status, below.citations[0].version], [0, 'below-threshold', '2018'], 'in the series: 2018, whose lowest tier is 造成不良影响, not met')
  t.match(below.series, { conductIndices: [0, 1], lastAct: '2019-06-30', inference: true })
  t.notOk('firstAct' in below.series!, 'no first act where an item states no start')
  t.match(below.explanation.en, /last act of the series/)
  t.same(of(res, 'effect').map((x) => [x.conductIndex, x.appliedVersion.version, x.appliedVersion.reason.en.includes('is not lighter')]), [[1, '2018', true]], '2023 is not lighter than the gravest item\'s 2018 outcome')
})

t.test('a later version undetermined for an item leaves the old one, provisionally, naming what settles it on every item', async (t) => {
  const res = await run([item({ end: '2016-06-30' }), item({ end: '2017-06-30' })], '2019-01-10')
  const both = of(res, 'raised-floor')
  t.same(both.map((x) => [x.appliedVersion.version, x.appliedVersion.provisional]), [['2015', true], ['2015', true]])
  t.same(both[0].appliedVersion.settle, ['/facts/conduct/0/statedCircumstances/x.raised-floor/relatively-serious', '/facts/conduct/1/statedCircumstances/x.raised-floor/relatively-serious'])
})

t.test('the gravest item of the series is compared, wherever it stands', async (t) => {
  const stated = (level: string) => ({ 'x.tiered': level })
  const res = await run([item({ end: '2016-03-31' }, stated('relatively-minor')), item({ end: '2016-06-30' }, stated('serious')), item({ end: '2017-06-30' }, stated('relatively-minor'))], '2019-01-10')
  t.same(of(res, 'tiered').map((x) => [x.appliedVersion.version, x.sanctionRange]), [
    ['2018', { min: 'warning', max: 'warning' }],
    ['2018', { min: 'serious-warning', max: 'removal-from-party-posts' }],
    ['2018', { min: 'warning', max: 'warning' }]
  ], '2018 is lighter for the gravest item (removal or probation → serious warning or removal), so for the series')
})

t.test('one item alone is no series, and has no series note', async (t) => {
  const one = await run([item({ end: '2017-06-30' })], '2019-01-10')
  t.equal(of(one, 'lighter')[0].series, undefined)
  t.notOk(of(one, 'lighter')[0].notes!.some((n) => n.id === 'series-read-at-last-act'))
})
