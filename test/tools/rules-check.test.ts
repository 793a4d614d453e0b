import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { checkRules, main } from '../../src/tools/rules-check.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'
import { writeRules } from '../helpers/rules-dir.js'
import { associationRules, addUntestedRuleSet, ASSOCIATION_SET as SET } from '../helpers/association-rules.js'
import { evaluateCase } from '../../src/tools/cases.js'
import { readFileSync } from 'node:fs'


const lines = (output: string) => output.trim().split('\n')
/** How many rule sets the bundled index lists (one per file under rulesets/). */
const BUNDLED_SETS = Object.keys(JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'index.json'), 'utf8')).rulesets).length

t.test('the bundled rules pass every check', async (t) => {
  const started = Date.now()
  const { errors, output } = await checkRules(BUNDLED_RULES_DIR)
  t.same(errors, [])
  t.match(output, /^audited: every source id against \d+ sources; \d+ clauses the code cites, in every version a rule applies; the article and item numbers of \d+ clause versions; the paragraph of the \d+ whose article.s paragraphs were counted \(\d+ not counted, their paragraph not audited\)\.\n\d+ rules in (\d+) rule sets; \d+ golden cases evaluated\.\nrules:check: ok\n$/)
  t.equal(Number(/rules in (\d+) rule sets/.exec(output)?.[1]), BUNDLED_SETS, 'every rule set the index lists is checked')
  t.ok(Date.now() - started < 15000, 'fast enough to run in npm test')
})

t.test('a rule set that does not load: every problem listed with file, rule and pointer, and the case files still checked', async (t) => {
  const files = associationRules()
  const rules = files[SET].rules
  rules[0].conditions.all.push({ fact: 'subject.partyMember', operator: 'equal', value: false })
  rules[1].conditions.all[0].operator = 'like'
  rules[2].clause = 'ccp.nope'
  delete files[SET].title
  files[SET].rules.push(null)
  files['cases/broken.json'] = '{ "name": '
  files['cases/no-expect.json'] = { name: 'a case that forgot what it expects of the rules', provisions: ['ccp.association@2015'], request: { facts: { subject: { partyMember: true }, conduct: [] } } }
  const { errors, output } = await checkRules(writeRules(t.testdir(), files))
  const text = lines(output)
  t.ok(text.some((l) => l.startsWith(`${SET} /rules/1/conditions`) && l.includes('[association.faction-vehicle]')), 'a schema problem names the rule')
  t.ok(text.some((l) => l.startsWith(`${SET} /rules/${rules.length - 1}:`)), 'a rule without an id is named by its pointer')
  t.ok(text.some((l) => l.startsWith(`${SET} /title: `)), 'a problem outside any rule')
  t.ok(text.includes("cases/broken.json: not valid JSON: Unexpected end of JSON input") || text.some((l) => l.startsWith('cases/broken.json: not valid JSON')), 'a case that is not JSON')
  t.ok(text.some((l) => l.startsWith('cases/no-expect.json /expect:')), 'a case that does not match the case schema')
  t.ok(text.some((l) => l.startsWith('cases/no-expect.json /request/facts/conduct:')), 'its facts are checked against the facts schema')
  t.ok(text.includes('The rules do not load, so the golden cases were not evaluated.'))
  t.match(text.at(-1), /^rules:check: \d+ problems$/)
  t.equal(errors.length, text.length - 2)
})

t.test('a contradictory rule and the load-time checks, reported together with a rule nobody tests', async (t) => {
  const files = associationRules()
  files[SET].rules[0].conditions.all.push({ fact: 'subject.leadingCadre', operator: 'equal', value: false })
  const { errors } = await checkRules(writeRules(t.testdir(), files))
  t.same(errors, [{
    file: SET,
    pointer: '/rules/0/conditions/all/1',
    message: "rule 'association.leading-cadre-unregistered': can never fire: 'subject.leadingCadre equal true' and 'subject.leadingCadre equal false' cannot both hold (/rules/0/conditions/all/1, /rules/0/conditions/all/5)",
    rule: 'association.leading-cadre-unregistered'
  }])
})

t.test('golden cases: every rule needs a triggering and a non-triggering case; cases must name real rules and provisions', async (t) => {
  const files = associationRules()
  // A second rule set for another conduct type, which no case looks at.
  addUntestedRuleSet(files)
  // A rule in the tested set that never triggers in any case.
  files[SET].rules.push({ ...structuredClone(files[SET].rules[2]), id: 'association.never-triggered', conditions: { all: [{ fact: 'conduct.association.officeTitle', operator: 'equal', value: '无人担任' }] } })
  const reference = structuredClone(files['cases/reference-dong.json'])
  files['cases/zz-stale.json'] = {
    ...reference,
    provisions: ['ccp.association@1999', 'ccp.nope@2015', 'ccp.association@2018', 'notice2002.item-1'],
    expect: { ...reference.expect, triggered: [...reference.expect.triggered, { ...reference.expect.triggered[0], ruleId: 'association.renamed' }], undetermined: [{ ruleId: 'association.gone', missing: [] }], findings: [{ ruleId: 'association.old', status: 'superseded' }], notTriggered: ['association.older'] }
  }
  files['cases/zz-refused.json'] = { ...reference, request: { ...reference.request, facts: { ...reference.request.facts, conduct: [{ ...reference.request.facts.conduct[0], period: { start: '2017-01-01', end: '2016-01-01' } }] } } }
  const dir = writeRules(t.testdir(), files)
  const { errors, output } = await checkRules(dir)
  t.same(lines(output).slice(0, -3), [
    'cases/zz-refused.json /request/facts/conduct/0/period/end: the service refuses the request: ends before it starts',
    'cases/zz-stale.json /provisions/0: clause \'ccp.association\' has no version \'1999\', encoded or marked absent',
    'cases/zz-stale.json /provisions/1: clause \'ccp.nope\' is not in the catalog',
    'cases/zz-stale.json /expect/triggered/1/ruleId [association.renamed]: no rule set has a rule \'association.renamed\'',
    'cases/zz-stale.json /expect/undetermined/0/ruleId [association.gone]: no rule set has a rule \'association.gone\'',
    'cases/zz-stale.json /expect/findings/0/ruleId [association.old]: no rule set has a rule \'association.old\'',
    'cases/zz-stale.json /expect/notTriggered/0 [association.older]: no rule set has a rule \'association.older\'',
    'rulesets/association.json /rules/4 [association.never-triggered]: no golden case triggers this rule (add one under cases/ where it is in expect.triggered)',
    'rulesets/extra.json /rules/0 [extra.untested]: no golden case triggers this rule (add one under cases/ where it is in expect.triggered)',
    'rulesets/extra.json /rules/0 [extra.untested]: no golden case where this rule is considered and does not trigger (add one where it is ruled out or gives a finding)'
  ])
  t.equal(errors.length, 10)
  t.match(lines(output).slice(-3), [/^audited: /, /^\d+ rules in 2 rule sets; \d+ golden cases evaluated\.$/, 'rules:check: 10 problems'])

  let written = ''
  t.equal(await main([dir], (s) => { written += s }), 1, 'exit code 1 on any problem')
  t.equal(written, output)
  mkdirSync(join(dir, 'one'))
  const one = writeRules(join(dir, 'one'), { ...associationRules(), 'cases/zz-refused.json': files['cases/zz-refused.json'] })
  t.equal((await checkRules(one)).output.split('\n').at(-2), 'rules:check: 1 problem', 'one problem, singular')
})

t.test('main: the bundled rules by default, exit 0', async (t) => {
  let written = ''
  t.equal(await main([], (s) => { written += s }), 0)
  t.match(written, /rules:check: ok\n$/)
})

t.test('run as a program', async (t) => {
  const files = associationRules()
  files[SET].rules[0].conditions.all.push({ fact: 'subject.leadingCadre', operator: 'equal', value: false })
  const dir = writeRules(t.testdir(), files)
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/rules-check.ts'), dir], { encoding: 'utf8' })
  t.equal(run.status, 1, 'exit code 1')
  t.match(run.stdout, /can never fire/)
  t.match(run.stdout, /rules:check: 1 problem\n$/)
})

t.test('an evaluator failure other than refused facts is not hidden', async (t) => {
  const failing = async () => { throw new Error('evaluator bug') }
  await t.rejects(evaluateCase({} as any, { file: 'cases/x.json', data: { request: {} } as any }, failing), { message: 'evaluator bug' })
})
