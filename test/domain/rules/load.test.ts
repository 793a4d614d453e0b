import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { RulesLoadError } from '../../../src/errors.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { bundledFiles, loadProblems, writeRules } from '../../helpers/rules-dir.js'
import { referenceCase } from '../../helpers/cases.js'

const SET = 'rulesets/association.json'
const CATALOG = 'catalog/ccp-discipline-regulations.json'
const NOTICE = 'catalog/notice-2002-associations.json'
const SHARED = 'conditions.json'


t.test('the bundled rules load, with a stable content hash', async (t) => {
  const a = await loadRules(BUNDLED_RULES_DIR)
  const b = await loadRules(BUNDLED_RULES_DIR)
  t.match(a.revision, /^sha256:[0-9a-f]{64}$/)
  t.equal(a.revision, b.revision, 'same files, same revision')
  t.ok(a.ruleSets.has('association'))
  t.ok(a.catalog.clauses.has('ccp.association'))
  t.equal(a.catalog.clauses.get('notice2002.item-1')?.instrument, 'notice-2002-associations', 'a clause belongs to the instrument of its file')
  t.same(a.sharedConditions.get('party-member'), { fact: 'subject.partyMember', operator: 'equal', value: true, description: { zh: '是党员', en: 'is a party member' } })
  for (const [id, set] of a.ruleSets) {
    t.equal(set.file, `rulesets/${id}.json`, `rule set '${id}' is in its own file`)
    for (const rule of set.set.rules) t.equal(rule.id.split('.')[0], id, `${rule.id}: its id prefix is its set`)
  }
})

t.test('tiers written once are given to every version that takes them', async (t) => {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  for (const clause of rules.catalog.clauses.values()) {
    if (clause.kind === 'offence') t.ok(clause.versions.every((v) => (v.tiers?.length ?? 0) > 0), `${clause.id}: tiers in every version`)
  }
  const association = rules.catalog.clauses.get('ccp.association')!
  t.same(association.versions.map((v) => v.tiers), [0, 1, 2].map(() => association.versions[0].tiers), 'one dated entry, three versions')
  t.not(association.versions[0].tiers, association.versions[1].tiers, 'each version its own copy')
  const file = bundledFiles()[CATALOG].clauses.find((c: any) => c.id === 'ccp.association')
  t.same(Object.keys(file.tiers), ['2016-01-01'], 'written once in the file')
  const mitigation = rules.catalog.clauses.get('ccp.mitigation')!
  t.ok(mitigation.versions.every((v) => Array.isArray(v.covers)), 'covers is dated the same way')
})

t.test('the revision covers the shared conditions', async (t) => {
  const files = bundledFiles()
  const before = await loadRules(writeRules(t.testdir(), files))
  files[SHARED].conditions['party-member'].description.en += '.'
  const after = await loadRules(writeRules(t.testdir(), files))
  t.not(before.revision, after.revision)
})

t.test('a rules directory without conditions.json needs none', async (t) => {
  const files = bundledFiles()
  delete files[SHARED]
  files[SET].rules.forEach((r: any) => { r.conditions.all[0] = { fact: 'subject.partyMember', operator: 'equal', value: true } })
  const rules = await loadRules(writeRules(t.testdir(), files))
  t.equal(rules.sharedConditions.size, 0)
})

t.test('the revision changes with the content', async (t) => {
  const files = bundledFiles()
  const before = await loadRules(writeRules(t.testdir(), files))
  files[SET].rules[0].title.en += '.'
  const after = await loadRules(writeRules(t.testdir(), files))
  t.not(before.revision, after.revision)
})

t.test('a directory without an index, or with an index of no catalog or rule sets, is refused', async (t) => {
  const err = await loadRules(t.testdir({})).then(() => undefined, (e: unknown) => e as RulesLoadError)
  t.ok(err instanceof RulesLoadError)
  t.same(err?.problems, [{ file: 'index.json', pointer: '', message: 'not read: missing' }])
  const empty = await loadRules(t.testdir({ 'index.json': JSON.stringify({ catalog: [], rulesets: {}, data: [] }) })).then(() => undefined, (e: unknown) => e as RulesLoadError)
  t.same(empty?.problems.map((p) => p.pointer), ['/catalog', '/rulesets'])
})

t.test('a file that is not JSON names the file', async (t) => {
  const problems = await loadProblems(t, (f) => { f[SET] = '{ "id": ' })
  t.match(problems[0], /^rulesets\/association\.json : not valid JSON/)
  const inCatalog = await loadProblems(t, (f) => { f[NOTICE] = 'nope' })
  t.match(inCatalog[0], /^catalog\/notice-2002-associations\.json : not valid JSON/)
  const shared = await loadProblems(t, (f) => { f[SHARED] = '[' })
  t.match(shared[0], /^conditions\.json : not valid JSON/)
})

t.test('schema violations name the file and the JSON pointer', async (t) => {
  const problems = await loadProblems(t, (f) => {
    delete f[SET].rules[0].id
    f[SET].rules[1].conditions.all[1].operator = 'like'
    f[CATALOG].instrument.versions[0].inForce.from = '2016-13-01'
    f[CATALOG].clauses[0].versions[0].article = 'sixty-eight'
    f[SHARED].conditions['party-member'].value = { yes: true }
  })
  t.ok(problems.some((p) => p.startsWith('rulesets/association.json /rules/0/id:')), 'missing rule id')
  t.ok(problems.some((p) => p.startsWith('rulesets/association.json /rules/1/conditions')), 'bad operator')
  t.ok(problems.some((p) => p.startsWith('catalog/ccp-discipline-regulations.json /instrument/versions/0/inForce/from:')), 'a date that is not a date')
  t.ok(problems.some((p) => p.startsWith('catalog/ccp-discipline-regulations.json /clauses/0/versions/0/article:')), 'an article that is not a number')
  t.ok(problems.some((p) => p.startsWith('conditions.json /conditions/party-member')), 'a shared condition that is no condition')
})

t.test('a file with many problems reports the first twenty', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f[SET].rules = Array.from({ length: 30 }, () => ({}))
  })
  t.equal(problems.filter((p) => p.startsWith(SET)).length, 20)
})

t.test('cross-references are checked', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const rules = f[SET].rules
    rules[0].clause = 'ccp.nope'
    rules[0].supporting[0].clause = 'notice.nope'
    rules[0].yieldsTo[0].rule = 'association.nope'
    rules[0].yieldsTo[0].clause = 'ccp.also-nope'
    rules[1].clause = 'ccp.concurrence'
    rules[2].referral.clause = 'ccp.nope-referral'
    rules[2].id = rules[1].id
    rules[0].conditions.all[1].fact = 'subject.shoeSize'
    rules[0].tests.serious.indicators[0].conditions.fact = 'conduct.association.colour'
    rules[0].notes[0].when.fact = 'conduct.mood'
    rules[0].conditions.all.push({ not: { fact: 'subject.age', operator: 'equal', value: 1 } })
    rules[1].conditions.all.push({ any: [{ condition: 'no-such-condition' }] })
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
    "/rules/0/tests/serious/indicators/0/conditions/fact: unknown fact 'conduct.association.colour'",
    "/rules/0/notes/0/when/fact: unknown fact 'conduct.mood'",
    "/rules/0/conditions/all/5/not/fact: unknown fact 'subject.age'",
    `/rules/1/conditions/all/${bundledFiles()[SET].rules[1].conditions.all.length}/any/0/condition: no shared condition 'no-such-condition' in conditions.json`
  ]
  for (const e of expected) t.ok(problems.some((p) => p.includes(e)), e)
})

t.test('a supporting clause\'s condition is checked like the rest, with its file and pointer', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f[SET].rules[0].supporting[0].when = { all: [{ fact: 'conduct.improperGains', operator: 'equal', value: true }, { fact: 'conduct.windfall', operator: 'equal', value: true }] }
    f[SET].rules[1].supporting[0].when = { condition: 'no-such-condition' }
  })
  for (const e of [
    `${SET} /rules/0/supporting/0/when/all/1/fact: unknown fact 'conduct.windfall'`,
    `${SET} /rules/1/supporting/0/when/condition: no shared condition 'no-such-condition' in conditions.json`
  ]) t.ok(problems.some((p) => p.includes(e)), e)
  t.same(problems.filter((p) => p.includes('/rules/0/supporting/0/when/all/0')), [], 'a fact of the vocabulary is fine there')
})

t.test('a rule\'s tier tests are tests its clause has, with indicator ids unique in the rule', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const rule = f[SET].rules[0]
    rule.tests['political-ecology-worsened'] = { conditions: { fact: 'conduct.faction.politicalEcologyWorsened', operator: 'equal', value: true }, provenance: { sources: ['regs-2018'], inference: false } }
    rule.tests['relatively-serious'] = { minIndicators: 1, indicators: [rule.tests.serious.indicators[0]], provenance: rule.tests.serious.provenance }
  })
  for (const e of [
    "/rules/0/tests/political-ecology-worsened: clause 'ccp.association' has no tier with test 'political-ecology-worsened' in any version (its tests: serious)",
    "/rules/0/tests/relatively-serious/indicators/0/id: duplicate indicator id"
  ]) t.ok(problems.some((p) => p.includes(e)), e)
  const unknown = await loadProblems(t, (f) => { f[SET].rules[0].tests.grave = f[SET].rules[0].tests.serious })
  t.ok(unknown.some((p) => p.includes('/rules/0/tests/grave')), 'a key that is no tier test is refused by the schema, with its pointer')
  const general = await loadProblems(t, (f) => { f[SET].rules[0].clause = 'ccp.concurrence' })
  t.ok(general.some((p) => p.includes("/rules/0/tests/serious: clause 'ccp.concurrence' has no tier with test 'serious'")), 'a general clause has no tiers at all')
  const catalog = await loadProblems(t, (f) => { f['catalog/ccp-discipline-regulations.json'].clauses.find((c: any) => c.id === 'ccp.faction').tiers['2016-01-01'][1].test = 'grave' })
  t.ok(catalog.some((p) => /\/clauses\/\d+\/tiers\/2016-01-01\/1\/test: Expected one of: none, by-circumstances/.test(p)), 'a tier test not in the code list is refused with its pointer')
})

t.test('catalog consistency is checked', async (t) => {
  let duplicateAt = -1
  const problems = await loadProblems(t, (f) => {
    const clauses = f[CATALOG].clauses
    duplicateAt = clauses.push({ ...clauses[0] }) - 1
    clauses[2].versions[0].version = '1997'
    delete clauses[1].tiers
    f[NOTICE].instrument.id = 'notice-2002'
    f[NOTICE].clauses.push({ ...f[NOTICE].clauses[0], absent: [{ version: '1999', confirmed: false, note: { zh: '无', en: 'none' }, sources: ['regs-2015'] }] })
  })
  const expected = [
    `catalog/ccp-discipline-regulations.json /clauses/${duplicateAt}/id: duplicate clause id 'ccp.association'`,
    "catalog/ccp-discipline-regulations.json /clauses/2/versions/0/version: instrument 'ccp-discipline-regulations' has no version '1997'",
    "catalog/ccp-discipline-regulations.json /clauses/1/versions/0: an offence needs its sanction tiers: no entry of 'tiers' is dated on or before 2016-01-01",
    "catalog/notice-2002-associations.json /instrument/id: the catalog file of instrument 'notice-2002' is catalog/notice-2002.json",
    "catalog/notice-2002-associations.json /clauses/3/absent/0/version: instrument 'notice-2002' has no version '1999'"
  ]
  for (const e of expected) t.ok(problems.some((p) => p.includes(e)), e)
  const twice = await loadProblems(t, (f) => { f['catalog/copy.json'] = f[NOTICE] })
  t.ok(twice.includes("catalog/notice-2002-associations.json /clauses/0/id: duplicate clause id 'notice2002.item-1'"), 'clause ids are unique across files')
  t.ok(twice.includes("catalog/notice-2002-associations.json /instrument/id: duplicate instrument id 'notice-2002-associations'"), 'one file per instrument')
})

t.test('a dated entry is written once, under the date of a version in which it changed', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const association = f[CATALOG].clauses[0]
    association.tiers['2018-10-01'] = association.tiers['2016-01-01']
    const mitigation = f[CATALOG].clauses.find((c: any) => c.id === 'ccp.mitigation')
    mitigation.covers['2030-01-01'] = ['self-disclosure']
    const borrowing = f[CATALOG].clauses.find((c: any) => c.id === 'ccp.borrowing-from-managed')
    borrowing.tiers = { '2016-01-01': borrowing.tiers['2018-10-01'] }
  })
  const at = (id: string) => `/clauses/${bundledFiles()[CATALOG].clauses.findIndex((c: any) => c.id === id)}`
  t.same(problems.filter((p) => !p.includes('/rules/')), [
    `${CATALOG} /clauses/0/tiers/2018-10-01: repeats the entry of 2016-01-01 unchanged: write a value once, under the date it changed`,
    `${CATALOG} ${at('ccp.mitigation')}/covers/2030-01-01: dates no version of the clause: a dated entry is keyed by the in-force date of the version in which it changed (2016-01-01, 2018-10-01, 2024-01-01)`,
    `${CATALOG} ${at('ccp.borrowing-from-managed')}/tiers/2016-01-01: dates no version of the clause: a dated entry is keyed by the in-force date of the version in which it changed (2018-10-01, 2024-01-01)`
  ])
})

t.test('a rule set is named by its rules: file = set id = rule id prefix', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f['rulesets/speech.json'] = { ...structuredClone(f[SET]), id: 'online-speech' }
    f['rulesets/speech.json'].rules.forEach((r: any) => { r.id = r.id.replace('association.', 'speech.'); delete r.yieldsTo })
    f[SET].rules[2].id = 'associations.power-for-money'
  })
  t.same(problems, [
    `${SET} /rules/2/id: rule 'associations.power-for-money' is in rule set 'association': a rule's id starts with the id of its set ('association.…')`,
    `${SET} /rules/3/yieldsTo/0/rule: rule 'association.power-for-money' is not in this rule set`,
    "rulesets/speech.json /id: rule set 'online-speech' is in rulesets/speech.json: a rule set's file is rulesets/<its id>.json",
    "rulesets/speech.json /rules/0/id: rule 'speech.leading-cadre-unregistered' is in rule set 'online-speech': a rule's id starts with the id of its set ('online-speech.…')",
    "rulesets/speech.json /rules/1/id: rule 'speech.faction-vehicle' is in rule set 'online-speech': a rule's id starts with the id of its set ('online-speech.…')",
    "rulesets/speech.json /rules/2/id: rule 'speech.power-for-money' is in rule set 'online-speech': a rule's id starts with the id of its set ('online-speech.…')",
    "rulesets/speech.json /rules/3/id: rule 'speech.suspected-crime' is in rule set 'online-speech': a rule's id starts with the id of its set ('online-speech.…')"
  ])
})

t.test('shared conditions: in the vocabulary, not nested, all used', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f[SHARED].conditions['shoe-size'] = { fact: 'subject.shoeSize', operator: 'equal', value: 42 }
    f[SHARED].conditions.nested = { not: { condition: 'party-member' } }
  })
  t.same(problems, [
    "conditions.json /conditions/shoe-size/fact: unknown fact 'subject.shoeSize' (see rules/README.md for the vocabulary)",
    "conditions.json /conditions/nested/not: a shared condition may not refer to another ('party-member'): write the leaves out",
    'conditions.json /conditions/shoe-size: shared condition \'shoe-size\' is not used by any rule (remove it, or refer to it as { "condition": "shoe-size" })',
    'conditions.json /conditions/nested: shared condition \'nested\' is not used by any rule (remove it, or refer to it as { "condition": "nested" })'
  ])
})

t.test('two rule sets may not share an id', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const copy = structuredClone(f[SET])
    copy.rules = copy.rules.map((r: any) => ({ ...r, id: r.id.replace('association.', 'copy.'), yieldsTo: undefined }))
    f['rulesets/copy.json'] = copy
  })
  t.ok(problems.some((p) => p.endsWith("/id: duplicate rule set id 'association'")))
})

t.test('a provision missing from the version in force is reported, not treated as clean', async (t) => {
  const files = bundledFiles()
  const association = files[CATALOG].clauses.find((c: any) => c.id === 'ccp.association')
  association.versions = association.versions.filter((v: any) => v.version !== '2015')
  association.tiers = { '2018-10-01': association.tiers['2016-01-01'] }
  const rules = await loadRules(writeRules(t.testdir(), files))
  const res = await evaluate(rules, referenceCase().request as any, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const finding = res.findings.find((f) => f.ruleId === 'association.leading-cadre-unregistered')
  t.equal(finding?.status, 'version-not-encoded', 'not given by the reference: not encoded, and not a finding of no violation')
  t.match(finding?.explanation.en, /not a finding of no violation/)
  t.equal(res.classification.status, 'no-sanction-proposed')

  association.absent = [{ version: '2015', confirmed: true, note: { zh: '2015年版没有此条。', en: 'The 2015 version has no such article.' }, sources: ['regs-2015'] }]
  const confirmed = await loadRules(writeRules(t.testdir(), files))
  const res2 = await evaluate(confirmed, referenceCase().request as any, { now: new Date('2018-02-01T00:00:00Z'), decisionId: 'd' })
  const f2 = res2.findings.find((f) => f.ruleId === 'association.leading-cadre-unregistered')
  t.equal(f2?.status, 'no-provision-in-version', 'confirmed absent: what the old rules did not treat as a violation is not pursued')
  t.same(f2?.citations.map((c) => c.label), ['《中国共产党纪律处分条例》(2015年修订) 第一百三十三条第二款'], 'the temporal clause is cited')
})
