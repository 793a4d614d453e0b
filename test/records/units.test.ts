import t from 'tap'
import { readSummary, summaryOf, ImpactCounter, type AnswerSummary } from '../../src/records/impact.js'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadRules } from '../../src/domain/rules/load.js'
import { evaluate } from '../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'
import { evaluateOn } from '../../src/records/evaluate.js'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseDecisionsKeys, newDecisionsKey } from '../../src/records/cipher.js'
import { parseConfig } from '../../src/config.js'
import { factsCipher } from '../../src/records/open.js'
import { agreementOf, agreementStats } from '../../src/records/agreement.js'
import { changesBetween } from '../../src/records/replay.js'

const answer = (recommended: string | null, range: { min: string, max: string } | null, basis: string[] = ['r.one'], version = '2023'): AnswerSummary => ({
  status: 'sanction-proposed', provisional: false, recommended, range, basis,
  rules: Object.fromEntries(basis.map((ruleId) => [ruleId, [{ conductIndex: 0, tier: 'ordinary', range: 'warning..expulsion', version }]]))
})

t.test('facts are sealed per decision and opened with any listed key', async (t) => {
  const hex = newDecisionsKey()
  t.match(hex, /^[0-9a-f]{64}$/)
  const b64 = Buffer.from(hex, 'hex').toString('base64')
  const old = parseDecisionsKeys(`old:${b64}`)
  const sealed = old.seal({ a: 1 }, 'id-1')
  t.equal(sealed.keyId, 'old')
  t.same(old.open(sealed, 'id-1'), { a: 1 })
  t.throws(() => old.open(sealed, 'id-2'), 'bound to its decision id')
  const rotated = parseDecisionsKeys(`new:${newDecisionsKey()}, old:${b64}`)
  t.equal(rotated.keyId, 'new', 'the first key encrypts')
  t.same(rotated.open(sealed, 'id-1'), { a: 1 }, 'an older key still decrypts')
  t.throws(() => parseDecisionsKeys(newDecisionsKey()).open(sealed, 'id-1'), /no longer holds/)
  t.match(parseDecisionsKeys(hex).keyId, /^[0-9a-f]{8}$/, 'a key without an id is named by its hash')
  t.throws(() => parseDecisionsKeys('short'), /32 bytes/)
  t.throws(() => parseDecisionsKeys('two words'), /32 bytes/)
  t.throws(() => parseDecisionsKeys(''), /no key/)
  t.throws(() => parseDecisionsKeys(`a:${hex},a:${hex}`), /listed twice/)
})

t.test('every record gets an IV of its own, across refills of the IV pool', async (t) => {
  const cipher = parseDecisionsKeys(newDecisionsKey())
  const sealed = Array.from({ length: 600 }, (_, i) => cipher.seal({ i }, `id-${i}`))
  t.equal(new Set(sealed.map((s) => s.blob.subarray(0, 12).toString('hex'))).size, 600, '600 records, 600 IVs (the pool holds 256)')
  t.same(sealed.map((s, i) => cipher.open(s, `id-${i}`)), Array.from({ length: 600 }, (_, i) => ({ i })), 'each opens with its own')
})

t.test('the records configuration and the key for the facts', async (t) => {
  t.match(parseConfig({}), { DATA_DIR: './data', DATABASE_URL: '', DECISIONS_KEY: '', DECISION_RETENTION_DAYS: 1825, ALLOW_UNAUTHENTICATED: false })
  t.throws(() => parseConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/)
  t.throws(() => parseConfig({ DECISION_RETENTION_DAYS: '0' }), /DECISION_RETENTION_DAYS/)
  t.throws(() => factsCipher(parseConfig({})), /DECISIONS_KEY is required/)
  t.throws(() => factsCipher(parseConfig({ ALLOW_UNAUTHENTICATED: 'true', DATABASE_URL: 'postgres://x/y' })), /DECISIONS_KEY is required/, 'a shared server needs a real key')
  t.equal(factsCipher(parseConfig({ DECISIONS_KEY: 'k:' + '22'.repeat(32) })).keyId, 'k')
  const dir = join(mkdtempSync(join(tmpdir(), 'records-key-')), 'data')
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const local = factsCipher(parseConfig({ ALLOW_UNAUTHENTICATED: 'true', DATA_DIR: dir }))
  const file = join(dir, 'decisions.key')
  t.ok(existsSync(file), 'local mode keeps a generated key in DATA_DIR')
  t.equal(statSync(file).mode & 0o777, 0o600)
  const again = factsCipher(parseConfig({ ALLOW_UNAUTHENTICATED: 'true', DATA_DIR: dir }))
  t.equal(again.keyId, local.keyId, 'and reuses it')
  t.match(readFileSync(file, 'utf8'), /^[0-9a-f]{64}\n$/)
})

t.test('agreement: equal, inside the range, outside it', async (t) => {
  const range = { min: 'warning', max: 'removal-from-party-posts' }
  t.equal(agreementOf(answer('serious-warning', range), 'serious-warning'), 'equal')
  t.equal(agreementOf(answer('serious-warning', range), 'warning'), 'inside')
  t.equal(agreementOf(answer('serious-warning', range), 'expulsion'), 'outside')
  t.equal(agreementOf(answer('serious-warning', range), null), 'outside')
  t.equal(agreementOf(answer(null, null), null), 'equal')
  t.equal(agreementOf(answer(null, null), 'warning'), 'outside')
  const stats = agreementStats([
    { decisionId: 'd1', summary: answer('warning', range, ['a', 'b']), sanction: 'warning' },
    { decisionId: 'd2', summary: answer('warning', range, ['a']), sanction: 'probation' },
    { decisionId: 'd3', summary: answer(null, null, []), sanction: null },
    { decisionId: 'd4', summary: { ...answer('warning', range, ['c']), rules: {} }, sanction: 'serious-warning' }
  ])
  t.same(stats.map((r) => [r.ruleId, r.version, r.equal.count, r.inside.count, r.outside.count]), [
    [null, null, 1, 0, 0], ['a', '2023', 1, 0, 1], ['b', '2023', 1, 0, 0], ['c', null, 0, 1, 0]
  ])
  t.same(stats[1].outside.decisionIds, ['d2'])
})

t.test('changes between two answers, by JSON pointer, leaving out ids and times', async (t) => {
  const a: any = { decisionId: 'x', evaluatedAt: 't1', triggered: [{ title: 'a/b' }], gone: 1 }
  const b: any = { decisionId: 'y', evaluatedAt: 't2', triggered: [{ title: 'c' }], added: [2] }
  t.same(changesBetween(a, b), [
    { pointer: '/triggered/0/title', op: 'changed', recorded: 'a/b', current: 'c' },
    { pointer: '/gone', op: 'removed', recorded: 1 },
    { pointer: '/added', op: 'added', current: [2] }
  ])
  t.same(changesBetween({ 'a/~': 1 } as any, { 'a/~': 2 } as any)[0].pointer, '/a~1~0')
})

t.test('the embedded store: a directory PGlite cannot open fails the open; a stopped store refuses statements', async (t) => {
  const { writeFileSync } = await import('node:fs')
  const { openDb } = await import('../../src/records/db.js')
  const bad = mkdtempSync(join(tmpdir(), 'records-bad-store-'))
  t.teardown(() => rmSync(bad, { recursive: true, force: true }))
  writeFileSync(join(bad, 'PG_VERSION'), '9\n')
  await t.rejects(openDb({ dataDir: bad }), /PGlite/, 'a data directory of another PostgreSQL version')
  const dir = mkdtempSync(join(tmpdir(), 'records-store-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const db = await openDb({ dataDir: dir })
  t.same(await db.query('select 1 as one'), [{ one: 1 }])
  await t.rejects(db.query('select nonsense from nowhere'), /nowhere/, 'a statement error is the statement\'s own')
  t.same(await db.query('select 2 as two'), [{ two: 2 }], 'and the store goes on')
  await db.close()
  await t.rejects(db.query('select 1'), /stopped/, 'after close, statements are refused rather than left waiting')
})

t.test('evaluations for the records run one after another: started together on rules just loaded, none is refused', async (t) => {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  const cases = readdirSync(join(BUNDLED_RULES_DIR, 'cases')).map((f) => JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'cases', f), 'utf8')).request)
  const ctx = { now: new Date('2026-06-01T00:00:00Z'), decisionId: '00000000-0000-4000-8000-000000000000', lang: 'zh' as const }
  // Evaluations started in the same turn overlap on the engines, and the domain refuses that (engine.ts runOn).
  const direct = await Promise.allSettled(cases.map(async (request) => await evaluate(rules, request, ctx)))
  const again = await Promise.allSettled(cases.map(async (request) => await evaluateOn(rules, request, ctx)))
  t.ok(direct.some((r) => r.status === 'rejected' && /json-rules-engine answered for/.test(String(r.reason))), 'side by side, some overlap and are refused')
  t.notOk(again.some((r) => r.status === 'rejected' && /json-rules-engine answered for/.test(String(r.reason))), 'through evaluateOn, none')
  await t.rejects(evaluateOn(rules, { facts: {} } as any, ctx), 'a refused evaluation rejects its own caller')
  t.ok(await evaluateOn(rules, cases[0], ctx), 'and the next one runs')
})

t.test('the summary of an answer that proposes nothing has no range', async (t) => {
  const nothing = { triggered: [], classification: { status: 'undetermined', provisional: true, recommended: null, sanctionRange: null, basis: [] } }
  t.same(summaryOf(nothing as any), { status: 'undetermined', provisional: true, rules: {}, recommended: null, range: null, basis: [] })
})

t.test('two conduct items that trigger one rule: the summary keeps both findings, and the counts read each', async (t) => {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  // The golden case's two items trigger position.market-meddling (one series, both on 2023); the second is stated
  // 情节严重 here, so the two items are found at different tiers.
  const { request } = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'cases', 'series-meddling-across-2024.json'), 'utf8'))
  request.facts.conduct[1].statedCircumstances = { 'position.market-meddling': 'serious' }
  const evaluated = await evaluate(rules, request, { now: new Date('2026-06-01T00:00:00Z'), decisionId: '00000000-0000-4000-8000-000000000000' })
  const triggered = evaluated.triggered.filter((x) => x.ruleId === 'position.market-meddling')
  t.ok(new Set(triggered.map((x) => x.appliedTier)).size > 1, 'the items are found at different tiers')
  const summary = summaryOf(evaluated)
  t.same(summary.rules['position.market-meddling'], triggered.map((x) => ({ conductIndex: x.conductIndex, tier: x.appliedTier, range: `${x.sanctionRange.min}..${x.sanctionRange.max}`, version: x.appliedVersion.version })),
    'one finding per item, none overwritten by a later item')
  const stats = agreementStats([{ decisionId: 'd1', summary: { ...summary, basis: ['position.market-meddling'] }, sanction: 'warning' }])
  t.same(stats.map((r) => r.version), [...new Set(triggered.map((x) => x.appliedVersion.version))].sort(), 'the agreement counts the decision under every version applied')
  const counter = new ImpactCounter()
  const first = (s: AnswerSummary) => ({ ...s, rules: { ...s.rules, 'position.market-meddling': s.rules['position.market-meddling'].map((f, i) => i === 0 ? { ...f, tier: 'other' } : f) } })
  counter.add(summary, first(summary))
  counter.add(summary, summary)
  t.match(counter.part(), { answers: 2, changed: 1, rules: [{ ruleId: 'position.market-meddling', tierChanged: 1, rangeChanged: 0 }] }, 'a tier that changes on the first item alone is counted')
})

t.test('a summary stored before the summary kept every item is read as one finding', async (t) => {
  const old = { status: 's', provisional: false, rules: { a: { tier: 'serious', range: 'warning..expulsion', version: '2018' } }, recommended: 'warning', range: null, basis: ['a'] }
  t.same(readSummary(JSON.stringify(old)).rules, { a: [{ tier: 'serious', range: 'warning..expulsion', version: '2018' }] })
  const now = summaryOf({ triggered: [], classification: { status: 's', provisional: false, recommended: null, sanctionRange: null, basis: [] } } as any)
  t.same(readSummary(JSON.stringify(now)), now, 'the current shape as stored')
  const counter = new ImpactCounter()
  counter.add(readSummary(JSON.stringify(old)), readSummary(JSON.stringify(old)))
  counter.add(readSummary(JSON.stringify(old)), readSummary(JSON.stringify({ ...old, rules: { a: { ...old.rules.a, tier: 'ordinary' } } })))
  t.match(counter.part(), { answers: 2, changed: 1, rules: [{ ruleId: 'a', tierChanged: 1, rangeChanged: 0 }] }, 'an old record compares by its one finding')
})
