import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { RulesLoadError } from '../../../src/errors.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { bundledFiles, writeRules, type RulesFiles } from '../../helpers/rules-dir.js'
import { referenceCase } from '../../helpers/cases.js'

const SET = 'rulesets/informal-associations.json'
const CLAUSES = 'catalog/clauses.json'
const INSTRUMENTS = 'catalog/instruments.json'

async function problemsOf (t: import('tap').Test, change: (f: RulesFiles) => void): Promise<string[]> {
  const files = bundledFiles()
  change(files)
  const dir = writeRules(t.testdir(), files)
  const err = await loadRules(dir).then(() => undefined, (e: unknown) => e)
  t.ok(err instanceof RulesLoadError, 'the load fails')
  return (err as RulesLoadError).problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`)
}

t.test('the bundled rules load, with a stable content hash', async (t) => {
  const a = await loadRules(BUNDLED_RULES_DIR)
  const b = await loadRules(BUNDLED_RULES_DIR)
  t.match(a.revision, /^sha256:[0-9a-f]{64}$/)
  t.equal(a.revision, b.revision, 'same files, same revision')
  t.ok(a.ruleSets.has('informal-associations'))
  t.ok(a.catalog.clauses.has('ccp.association'))
})

t.test('the revision changes with the content', async (t) => {
  const files = bundledFiles()
  const before = await loadRules(writeRules(t.testdir(), files))
  files[SET].rules[0].title.en += '.'
  const after = await loadRules(writeRules(t.testdir(), files))
  t.not(before.revision, after.revision)
})

t.test('a directory without instruments or rule sets is refused', async (t) => {
  const err = await loadRules(t.testdir({})).then(() => undefined, (e: unknown) => e as RulesLoadError)
  t.ok(err instanceof RulesLoadError)
  t.match(err?.message, /catalog\/instruments\.json: missing/)
  t.match(err?.message, /rulesets\/: no rule set files/)
})

t.test('a file that is not JSON names the file', async (t) => {
  const problems = await problemsOf(t, (f) => { f[SET] = '{ "id": ' })
  t.match(problems[0], /^rulesets\/informal-associations\.json : not valid JSON/)
  const inCatalog = await problemsOf(t, (f) => { f[CLAUSES] = 'nope' })
  t.match(inCatalog[0], /^catalog\/clauses\.json : not valid JSON/)
})

t.test('schema violations name the file and the JSON pointer', async (t) => {
  const problems = await problemsOf(t, (f) => {
    delete f[SET].rules[0].id
    f[SET].rules[1].conditions.all[0].operator = 'like'
    f[INSTRUMENTS].instruments[0].versions[0].inForce.from = '2016-13-01'
    f[CLAUSES].clauses[0].versions[0].article = 'sixty-eight'
  })
  t.ok(problems.some((p) => p.startsWith('rulesets/informal-associations.json /rules/0/id:')), 'missing rule id')
  t.ok(problems.some((p) => p.startsWith('rulesets/informal-associations.json /rules/1/conditions')), 'bad operator')
  t.ok(problems.some((p) => p.startsWith('catalog/instruments.json /instruments/0/versions/0/inForce/from:')), 'a date that is not a date')
  t.ok(problems.some((p) => p.startsWith('catalog/clauses.json /clauses/0/versions/0/article:')), 'an article that is not a number')
})

t.test('a file with many problems reports the first twenty', async (t) => {
  const problems = await problemsOf(t, (f) => {
    f[SET].rules = Array.from({ length: 30 }, () => ({}))
  })
  t.equal(problems.length, 20)
})

t.test('cross-references are checked', async (t) => {
  const problems = await problemsOf(t, (f) => {
    const rules = f[SET].rules
    rules[0].clause = 'ccp.nope'
    rules[0].supporting[0].clause = 'notice.nope'
    rules[0].yieldsTo[0].rule = 'association.nope'
    rules[0].yieldsTo[0].clause = 'ccp.also-nope'
    rules[1].clause = 'ccp.concurrence'
    rules[2].referral.clause = 'ccp.nope-referral'
    rules[2].id = rules[1].id
    rules[0].conditions.all[1].fact = 'subject.shoeSize'
    rules[0].circumstance.indicators[0].conditions.fact = 'conduct.association.colour'
    rules[0].notes[0].when.fact = 'conduct.mood'
    rules[0].conditions.all.push({ not: { fact: 'subject.age', operator: 'equal', value: 1 } })
  })
  const expected = [
    "/rules/0/clause: clause 'ccp.nope' is not in the catalog",
    "/rules/0/supporting/0/clause: clause 'notice.nope' is not in the catalog",
    "/rules/0/yieldsTo/0/rule: rule 'association.nope' is not in this rule set",
    "/rules/0/yieldsTo/0/clause: clause 'ccp.also-nope' is not in the catalog",
    "/rules/1/clause: clause 'ccp.concurrence' is not an offence with sanction tiers",
    "/rules/2/referral/clause: clause 'ccp.nope-referral' is not in the catalog",
    "/rules/2/id: duplicate rule id 'association.faction-vehicle'",
    "/rules/0/conditions/all/1/fact: unknown fact 'subject.shoeSize'",
    "/rules/0/circumstance/indicators/0/conditions/fact: unknown fact 'conduct.association.colour'",
    "/rules/0/notes/0/when/fact: unknown fact 'conduct.mood'",
    "/rules/0/conditions/all/5/not/fact: unknown fact 'subject.age'"
  ]
  for (const e of expected) t.ok(problems.some((p) => p.includes(e)), e)
})

t.test('catalog consistency is checked', async (t) => {
  let duplicateAt = -1
  const problems = await problemsOf(t, (f) => {
    const clauses = f[CLAUSES].clauses
    duplicateAt = clauses.push({ ...clauses[0] }) - 1
    clauses[1].instrument = 'unknown-instrument'
    clauses[2].versions[0].version = '1997'
    delete clauses[0].versions[1].tiers
  })
  const expected = [
    `/clauses/${duplicateAt}/id: duplicate clause id 'ccp.association'`,
    "/clauses/1/instrument: unknown instrument 'unknown-instrument'",
    "/clauses/2/versions/0/version: instrument 'ccp-discipline-regulations' has no version '1997'",
    '/clauses/0/versions/1/tiers: an offence needs its sanction tiers'
  ]
  for (const e of expected) t.ok(problems.some((p) => p.includes(e)), e)
})

t.test('two rule sets may not share an id', async (t) => {
  const problems = await problemsOf(t, (f) => {
    const copy = structuredClone(f[SET])
    copy.rules = copy.rules.map((r: any) => ({ ...r, id: r.id.replace('association.', 'copy.'), yieldsTo: undefined }))
    f['rulesets/copy.json'] = copy
  })
  t.ok(problems.some((p) => p.endsWith("/id: duplicate rule set id 'informal-associations'")))
})

t.test('a provision missing from the version in force is reported, not treated as clean', async (t) => {
  const files = bundledFiles()
  const association = files[CLAUSES].clauses.find((c: any) => c.id === 'ccp.association')
  association.versions = association.versions.filter((v: any) => v.version !== '2015')
  const rules = await loadRules(writeRules(t.testdir(), files))
  const res = await evaluate(rules, referenceCase().request as any, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const finding = res.findings.find((f) => f.ruleId === 'association.leading-cadre-unregistered')
  t.equal(finding?.status, 'version-not-encoded', 'not given by the reference: not encoded, and not a finding of no violation')
  t.match(finding?.explanation.en, /not a finding of no violation/)
  t.equal(res.classification.status, 'no-sanction-proposed')

  association.absent = [{ version: '2015', confirmed: true, note: { zh: '2015年版没有此条。', en: 'The 2015 version has no such article.' }, source: 'test' }]
  const confirmed = await loadRules(writeRules(t.testdir(), files))
  const res2 = await evaluate(confirmed, referenceCase().request as any, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const f2 = res2.findings.find((f) => f.ruleId === 'association.leading-cadre-unregistered')
  t.equal(f2?.status, 'no-provision-in-version', 'confirmed absent: what the old rules did not treat as a violation is not pursued')
  t.same(f2?.citations.map((c) => c.label), ['《中国共产党纪律处分条例》(2015年修订) 第一百三十三条第二款'], 'the temporal clause is cited')
})
