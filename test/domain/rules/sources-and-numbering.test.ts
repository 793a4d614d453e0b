/**
 * Issue #13 classes 8 and 9: a source id that does not resolve, a clause the code cites that is missing
 * (or lacks a version a rule applies), an out-of-range article or paragraph number, and a multi-paragraph
 * article cited without its paragraph each stop the load with the file and the JSON pointer; a loaded
 * provenance names its sources in words, never a file.
 */
import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { bundledFiles, loadProblems, writeRules, type RulesFiles } from '../../helpers/rules-dir.js'

const SET = 'rulesets/association.json'
const CATALOG = 'catalog/ccp-discipline-regulations.json'

const clauseIndex = (f: RulesFiles, id: string): number => f[CATALOG].clauses.findIndex((c: { id: string }) => c.id === id)

t.test('the loaded rules name their sources in words and expose them by id', async (t) => {
  const rules = await loadRules(writeRules(t.testdir(), bundledFiles()))
  t.equal(rules.sources.get('regs-2018')?.date, '2018-07-31')
  const rule = rules.ruleIndex.get('association.leading-cadre-unregistered')?.rules.get('association.leading-cadre-unregistered')
  t.match(rule?.provenance.source, /\[regs-2015\]/)
  t.notMatch(JSON.stringify(rule), /REFERENCE\.md|article-map/)
  t.match(rules.catalog.clauses.get('ccp.association')?.versions[0].source, /\[regs-2015\]/)
})

t.test('a source id that does not resolve', async (t) => {
  const problems = await loadProblems(t, (f) => { f[SET].rules[0].provenance.sources = ['regs-2015', 'no-such-source'] })
  t.same(problems, ["rulesets/association.json /rules/0/provenance/sources/1: source 'no-such-source' is not in sources.json"])
})

t.test('a duplicate source id, and no sources file at all', async (t) => {
  t.match(await loadProblems(t, (f) => { f['sources.json'].sources.push(f['sources.json'].sources[0]) }), [/^sources\.json \/sources\/\d+\/id: duplicate source id 'regs-1997-trial'$/])
  t.match(await loadProblems(t, (f) => { delete f['sources.json'] }), ['sources.json : no sources file: the public sources the rules cite by id'])
  const invalid = await loadProblems(t, (f) => { f['sources.json'].sources = [] })
  t.match(invalid[0], /^sources\.json \/sources: /, 'a sources file that fails its schema')
  t.ok(invalid.some((p) => /source 'regs-2015' is not in sources\.json/.test(p)), 'and every id then fails to resolve')
})

t.test('a clause the code cites is missing, or lacks a version a rule applies', async (t) => {
  const missing = await loadProblems(t, (f) => { f[CATALOG].clauses.splice(clauseIndex(f, 'ccp.temporal'), 1) })
  t.match(missing, [/^catalog\/ccp-discipline-regulations\.json \/clauses: clause 'ccp\.temporal' is missing: the sanction arithmetic cites it/])
  const version = await loadProblems(t, (f) => {
    const c = f[CATALOG].clauses[clauseIndex(f, 'ccp.mitigation')]
    c.versions = c.versions.filter((v: { version: string }) => v.version !== '2023')
    c.covers = Object.fromEntries(Object.entries(c.covers).filter(([d]) => d !== '2024-01-01'))
  })
  t.match(version, [/\/clauses\/\d+\/versions: clause 'ccp\.mitigation' has no text for version 2023/])
})

t.test('a source the code itself cites is missing: the reading of a repeated series', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f['sources.json'].sources = f['sources.json'].sources.filter((s: { id: string }) => s.id !== 'ccdi-practice-yang-junyan-counting')
  })
  t.ok(problems.includes("sources.json /sources: source 'ccdi-practice-yang-junyan-counting' is missing: the reading of a repeated series cites it (REQUIRED_SOURCES, src/domain/rules/required-clauses.ts)"), 'named with the file')
})

t.test('out-of-range numbers and a multi-paragraph article without its paragraph', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const a = f[CATALOG].clauses[clauseIndex(f, 'ccp.association')]
    a.versions[0].article = 134
    a.versions[1].article = 1000
    a.versions[2].paragraph = 3
    a.versions[2].paragraphs = 2
    const s = f[CATALOG].clauses[clauseIndex(f, 'ccp.secrets-leak')]
    delete s.versions[0].paragraph
    s.versions[1].wholeArticle = true
    s.versions[2].item = 1000
  })
  const at = (id: string): string => `/clauses/${clauseIndex(bundledFiles(), id)}`
  t.same(problems.sort(), [
    `${CATALOG} ${at('ccp.association')}/versions/0/article: article 134 is out of range: the 2015 version has 133 articles`,
    `${CATALOG} ${at('ccp.association')}/versions/1/article: article 1000 is out of range: the 2018 version has 142 articles`,
    `${CATALOG} ${at('ccp.association')}/versions/2/paragraph: paragraph 3 is out of range: the article has 2 paragraph(s) in 2023`,
    `${CATALOG} ${at('ccp.secrets-leak')}/versions/0/paragraph: article 120 has 2 paragraphs in 2015: cite the paragraph (or mark the provision wholeArticle)`,
    `${CATALOG} ${at('ccp.secrets-leak')}/versions/1/wholeArticle: a provision that is the whole article cites no paragraph`,
    `${CATALOG} ${at('ccp.secrets-leak')}/versions/2/item: item 1000 is out of range: above 999`
  ].sort())
})

t.test('without an article count, an article above 999 is out of range', async (t) => {
  const problems = await loadProblems(t, (f) => {
    for (const v of f[CATALOG].instrument.versions) delete v.articles
    f[CATALOG].clauses[clauseIndex(f, 'ccp.association')].versions[0].article = 1000
    f[CATALOG].clauses[clauseIndex(f, 'ccp.association')].versions[1].paragraph = 1000
  })
  t.match(problems, [/versions\/0\/article: article 1000 is out of range: above 999/, /versions\/1\/paragraph: paragraph 1000 is out of range: above 999/])
})
