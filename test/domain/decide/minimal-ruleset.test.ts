/**
 * A rule set with nothing but the required parts — no supporting clauses, notes, overlaps or
 * circumstance inference — beside the bundled one: both run for the same conduct.
 */
import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { describeRuleSet } from '../../../src/domain/render/describe.js'
import { bundledFiles, writeRules } from '../../helpers/rules-dir.js'
import { referenceCase } from '../../helpers/cases.js'

const minimal = {
  id: 'minimal',
  title: { zh: '最小规则集', en: 'Minimal rule set' },
  description: { zh: '测试用', en: 'For tests' },
  conductType: 'informal-association',
  rules: [{
    id: 'minimal.leading-cadre',
    title: { zh: '领导干部', en: 'Leading cadre' },
    clause: 'ccp.association',
    conditions: { fact: 'subject.leadingCadre', operator: 'equal', value: true },
    provenance: { sources: ['regs-2015'], inference: false }
  }]
}

t.test('a minimal rule set runs beside the bundled one', async (t) => {
  const files = bundledFiles()
  files['rulesets/minimal.json'] = minimal
  const rules = await loadRules(writeRules(t.testdir(), files))
  t.same(rules.byConductType.get('informal-association')!.map((s) => s.set.id), ['association', 'minimal'])
  const req = structuredClone(referenceCase().request) as any
  const res = await evaluate(rules, req, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const mine = res.undetermined.find((x) => x.ruleId === 'minimal.leading-cadre')
  t.same(mine?.missing, ['/facts/conduct/0/statedCircumstances/minimal.leading-cadre/serious'],
    'the article starts at 情节严重 and the rule infers nothing: the circumstance is for the case officer to establish')

  req.facts.conduct[0].statedCircumstances = { 'minimal.leading-cadre': 'relatively-serious' }
  const below = await evaluate(rules, req, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const low = below.findings.find((x) => x.ruleId === 'minimal.leading-cadre')
  t.equal(low?.status, 'below-threshold')
  t.same(low?.citations.map((c) => c.clause), ['ccp.association', 'ccp.exemption'])

  req.facts.conduct[0].statedCircumstances = { 'minimal.leading-cadre': 'serious' }
  const stated = await evaluate(rules, req, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const hit = stated.triggered.find((x) => x.ruleId === 'minimal.leading-cadre')
  t.same(hit?.citations.map((c) => c.clause), ['ccp.association'])
  t.same(hit?.notes?.map((n) => n.id), ['range'])

  const described = describeRuleSet(rules, minimal as any)
  t.same(described.rules[0].citations.map((c) => c.version), ['2015', '2018', '2023'])
})

t.test('a rule set for an unknown conduct type is refused', async (t) => {
  const files = bundledFiles()
  files['rulesets/minimal.json'] = { ...minimal, conductType: 'space-travel' }
  const err = await loadRules(writeRules(t.testdir(), files)).then(() => undefined, (e: Error) => e)
  t.match(err?.message, /rulesets\/minimal\.json \/conductType: unknown conduct type 'space-travel'/)
})
