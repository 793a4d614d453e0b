import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { coverageReport, main } from '../../src/tools/rules-coverage.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'
import { writeRules } from '../helpers/rules-dir.js'
import { associationRules, addUntestedRuleSet, ASSOCIATION_SET as SET } from '../helpers/association-rules.js'


t.test('the bundled rules: every rule hit both ways, a table and a summary line', async (t) => {
  const started = Date.now()
  const report = await coverageReport(BUNDLED_RULES_DIR)
  t.ok(Date.now() - started < 15000, 'fast')
  t.equal(report.skipped.length, 0)
  t.ok(report.rules.length >= 30)
  for (const r of report.rules) {
    t.ok(r.triggeredBy.length > 0 && r.notTriggeredBy.length > 0, `${r.rule} is triggered by some case and not by another`)
  }
  const association = report.rules.find((r) => r.rule === 'association.leading-cadre-unregistered')!
  t.ok(association.triggeredBy.includes('cases/reference-dong.json'), 'the reference case triggers the association rule')
  const cadre = association.leaves.find((l) => l.pointer === '/rules/0/conditions/all/1')!
  t.equal(cadre.text, 'subject.leadingCadre equal true')
  t.ok(cadre.trueIn > 0 && cadre.falseIn > 0, 'being a leading cadre is exercised both ways')
  t.ok(association.leaves.some((l) => l.pointer.includes('/tests/serious/indicators/') && l.pointer.endsWith('/conditions')), 'single-leaf indicator conditions are read too')
  const member = association.leaves.find((l) => l.pointer === '/rules/0/conditions/all/0')!
  t.equal(member.text, 'subject.partyMember equal true', 'a shared condition is counted where the rule refers to it')
  t.ok(member.trueIn > 0 && member.falseIn > 0, 'and read from the engine\'s result for it')
  t.ok(association.findingIn.includes('cases/boundary-2016-before.json'), 'a finding (outside the encoded period) is listed as such')
  const giving = report.rules.find((r) => r.rule === 'gifts.giving')!
  t.ok(giving.ruledOutIn.length > 0, 'cases that rule a rule out are listed')
  t.match(report.output, /\nassociation\.leading-cadre-unregistered[^\n]*\n {2}triggered in: [^\n]*cases\/reference-dong\.json[^\n]*\n {2}ruled out in: [^\n]+\n {2}a finding in: [^\n]*cases\/boundary-2016-before\.json[^\n]*\n {2}undetermined in: [^\n]*cases\/leading-cadre-unknown\.json/)
  t.match(report.output, /^Rule +Triggered {2}Not triggered {2}Undetermined {2}Conditions exercised\n/)
  t.match(report.output, /\nassociation\.leading-cadre-unregistered +\d+ +\d+ +\d+ +\d+\/\d+\n/)
  t.match(report.output, /\nrules:coverage: \d+ cases; (\d+)\/\1 rules triggered, (\d+)\/\2 ruled out; \d+\/\d+ leaf conditions exercised both ways\n$/)
})

t.test('what no case exercises', async (t) => {
  const files = associationRules()
  addUntestedRuleSet(files, {
    conditions: { fact: 'conduct.secret.kind', operator: 'equal', value: 'inspection' },
    adjustments: [
      { id: 'always', versions: ['2018'], effect: 'heavier', clause: 'ccp.crime-linkage', text: { zh: '从重', en: 'heavier' } },
      { id: 'sometimes', when: { fact: 'conduct.secret.action', operator: 'equal', value: 'leaked' }, versions: ['2023'], effect: 'heavier', clause: 'ccp.crime-linkage', text: { zh: '从重', en: 'heavier' } }
    ]
  })
  const reference = structuredClone(files['cases/reference-dong.json'])
  files['cases/zz-refused.json'] = { ...reference, request: { ...reference.request, facts: { ...reference.request.facts, conduct: [{ ...reference.request.facts.conduct[0], period: { start: '2017-01-01', end: '2016-01-01' } }] } } }
  files['cases/zz-invalid.json'] = { name: 'not a case' }
  const dir = writeRules(t.testdir(), files)
  const report = await coverageReport(dir)
  t.same(report.skipped, ['cases/zz-refused.json'])
  const extra = report.rules.find((r) => r.rule === 'extra.untested')!
  t.same([extra.triggeredBy, extra.notTriggeredBy, extra.undeterminedIn], [[], [], []])
  t.same(extra.leaves.slice(0, 1), [{ file: 'rulesets/extra.json', rule: 'extra.untested', pointer: '/rules/0/conditions', text: 'conduct.secret.kind equal "inspection"', trueIn: 0, falseIn: 0 }])
  t.same(extra.leaves.map((l) => l.pointer).filter((p) => p.includes('adjustments')), ['/rules/0/adjustments/1/when'], 'an adjustment without a condition has no leaves')
  t.match(report.output, '\nextra.untested ')
  t.match(report.output, '\nextra.untested                          0          0              0             0/3\n  triggered in: -\n  ruled out in: -\n  a finding in: -\n  undetermined in: -\n')
  t.match(report.output, /\n {2}triggered in: cases\/[^\n]*reference-dong\.json/)
  t.match(report.output, '\nRules no case triggers:\n  rulesets/extra.json extra.untested\n')
  t.match(report.output, '\nRules no case rules out (or answers with a finding):\n  rulesets/extra.json extra.untested\n')
  t.match(report.output, '\n  rulesets/extra.json /rules/0/conditions [extra.untested] conduct.secret.kind equal "inspection": never true nor false\n')
  t.match(report.output, /: never true\n/)
  t.match(report.output, /: never false\n/)
  t.match(report.output, '\nCases skipped (see npm run rules:check):\n  cases/zz-refused.json /request/facts/conduct/0/period/end: the service refuses the request: ends before it starts\n')
  t.match(report.output, /rules:coverage: \d+ cases; 4\/5 rules triggered, 4\/5 ruled out;/)
})

t.test('a rule whose elements are one leaf: the leaf is read inside the all the engine puts on top', async (t) => {
  const files = associationRules()
  const set = files[SET] as { rules: Array<{ id: string, conditions: unknown }> }
  set.rules[0].conditions = { fact: 'subject.leadingCadre', operator: 'equal', value: true }
  const report = await coverageReport(writeRules(t.testdir(), files))
  const leaf = report.rules.find((r) => r.rule === set.rules[0].id)!.leaves.find((l) => l.pointer === '/rules/0/conditions')!
  t.equal(leaf.text, 'subject.leadingCadre equal true')
  t.ok(leaf.trueIn > 0 && leaf.falseIn > 0, 'counted both ways from the engine\'s result')
})

t.test('main: a report, exit 0; exit 1 only when the rules do not load', async (t) => {
  let written = ''
  t.equal(await main([], (s) => { written += s }), 0)
  t.match(written, /\nspeech\.wangyi-public +\d+ +\d+ +\d+ +\d+\/\d+\n {2}triggered in: cases\//, 'each rule with its golden cases')
  written = ''
  const dir = writeRules(t.testdir(), associationRules())
  t.equal(await main(['--cases', dir], (s) => { written += s }), 0, 'the old --cases flag is accepted: the case lists are always there')
  t.match(written, /triggered in:/)

  mkdirSync(join(dir, 'broken'))
  written = ''
  t.equal(await main([join(dir, 'broken')], (s) => { written += s }), 1)
  t.match(written, /index.json: not read: missing[\s\S]*rules:coverage: the rules do not load/)
})

t.test('run as a program', async (t) => {
  const dir = writeRules(t.testdir(), associationRules())
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/rules-coverage.ts'), dir], { encoding: 'utf8' })
  t.equal(run.status, 0)
  t.match(run.stdout, /rules:coverage: \d+ cases;/)
})
