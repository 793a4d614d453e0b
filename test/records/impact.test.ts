import t from 'tap'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { loadRules } from '../../src/domain/rules/load.js'
import { evaluate } from '../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'
import { RecordsRepository } from '../../src/records/repository.js'
import { addReview } from '../../src/records/reviews.js'
import { ImpactCounter, impactTable, summaryOf, type AnswerSummary } from '../../src/records/impact.js'
import { measureImpact } from '../../src/records/impact-run.js'
import { ReplayPool } from '../../src/records/replay-pool.js'
import { replayStored } from '../../src/records/bulk.js'
import { readCases } from '../../src/tools/cases.js'
import { main as rulesImpact } from '../../src/tools/rules-impact.js'
import { buildApp } from '../../src/app.js'
import { parseKeys } from '../../src/domain/keys.js'
import { referenceCase } from '../helpers/cases.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { cipher, embeddedDataDir, kept, onEachBackend, TEST_KEY } from '../helpers/stores.js'

// Real stores on both backends, and worker threads that load rules: seconds each on a loaded machine.
t.setTimeout(600_000)

const rules = await loadRules(BUNDLED_RULES_DIR)
const request = referenceCase().request as any
const RULE = 'association.leading-cadre-unregistered'

/** A directory of its own (t.testdir gives one per test), removed when the file's tests end. */
function freshDir (): string {
  const dir = mkdtempSync(join(tmpdir(), 'impact-test-'))
  t.teardown(() => { rmSync(dir, { recursive: true, force: true }) })
  return dir
}

/** The association rules in use, with two golden cases: the reference case and one of a conduct type they do not cover. */
function currentDir (): string {
  const dir = freshDir()
  writeRules(dir, bundledFiles())
  mkdirSync(join(dir, 'cases'))
  for (const c of ['reference-dong.json', 'gifts-borrowing-2018-10-01.json']) copyFileSync(join(BUNDLED_RULES_DIR, 'cases', c), join(dir, 'cases', c))
  return dir
}

/** A candidate in which the leading-cadre rule no longer reaches a leading cadre. */
function candidateDir (): string {
  const files = bundledFiles()
  const rule = files['rulesets/association.json'].rules.find((r: any) => r.id === RULE)
  rule.conditions.all.find((c: any) => c.fact === 'subject.leadingCadre').value = false
  const dir = freshDir()
  writeRules(dir, files)
  return dir
}

/** The rules in use as measureImpact takes them: the loaded revision's files and the golden cases. */
async function inUse (dir: string): Promise<{ files: Array<{ file: string, raw: Buffer }>, cases: Awaited<ReturnType<typeof readCases>>['cases'] }> {
  return { files: (await loadRules(dir)).files, cases: (await readCases(dir)).cases }
}

const KEYS = parseKeys([{ spec: 'admin:admin:admin-key-0123456789,alice:evaluate:alice-key-0123456789', source: 'test' }])

/** A rules directory as POST /admin/impact takes it: every JSON file by path. */
function bundleOf (dir: string): Record<string, unknown> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'))
  return Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]))
}

const summary = (rules: AnswerSummary['rules'], recommended: string | null, basis: string[]): AnswerSummary =>
  ({ status: 'sanction-proposed', provisional: false, rules, recommended, range: recommended === null ? null : { min: 'warning', max: recommended }, basis })

t.test('counting what changes, per rule, and the table', async (t) => {
  const counter = new ImpactCounter()
  const before = summary({ a: [{ conductIndex: 0, tier: 'ordinary', range: 'warning..serious-warning', version: '2018' }], b: [{ conductIndex: 0, tier: 'serious', range: 'x', version: '2018' }] }, 'serious-warning', ['a'])
  const after = summary({ a: [{ conductIndex: 0, tier: 'serious', range: 'warning..expulsion', version: '2018' }], c: [{ conductIndex: 0, tier: 'ordinary', range: 'y', version: '2018' }] }, 'expulsion', ['a', 'c'])
  counter.add(before, after, 'serious-warning')
  counter.add(before, before)
  counter.add(before, after, null)
  const part = counter.part()
  t.equal(part.answers, 3)
  t.equal(part.changed, 2)
  t.same(part.rules.map((r) => r.ruleId), ['a', 'b', 'c'])
  t.match(part.rules[0], { tierChanged: 2, rangeChanged: 2, recommendationChanged: 2, reviewed: { agreeBefore: 1, agreeAfter: 1, disagreeBefore: 1, disagreeAfter: 1 } })
  t.match(part.rules[1], { lost: 2 })
  t.match(part.rules[2], { gained: 2, recommendationChanged: 2 })
  const table = impactTable({ candidateRevision: 'sha256:x', window: { from: null, to: '2026-01-01T00:00:00Z' }, decisions: { ...part, reproduced: 3, reviewed: 2 }, goldenCases: new ImpactCounter().part() })
  t.match(table, /decisions all \.\. 2026-01-01T00:00:00Z: 3 replayed, 3 reproduced/)
  t.match(table, /golden cases:\n {2}no rule changes/)
  t.match(table, /\n {2}a +0 +0 +2 +2 +2 +1→1 +1→1\n/)
})

t.test('a job the pool cannot run is refused; a candidate that refuses the facts loses every rule', async (t) => {
  const pool = new ReplayPool(1)
  t.teardown(async () => { await pool.close() })
  pool.loadRules('current', BUNDLED_RULES_DIR)
  const job = { decisionId: randomUUID(), evaluatedAt: new Date().toISOString(), lang: 'zh' as const, facts: request.facts, options: {} }
  await t.rejects(pool.run({ ...job, revision: 'not-loaded' }), 'rules never loaded')
  const o = await pool.run({ ...job, revision: 'current', candidate: 'not-loaded' })
  t.same(o.after, { status: 'refused', provisional: false, rules: {}, recommended: null, range: null, basis: [] })
  t.ok(Object.keys(o.before?.rules ?? {}).includes(RULE))
  t.same(o.before, summaryOf(await evaluate(rules, request, { now: new Date(job.evaluatedAt), decisionId: job.decisionId })), 'the parts compared, as this thread computes them too')
  t.same(await pool.run({ ...job, revision: 'current' }), { id: 3, reproduced: true }, 'without a candidate: only whether it is reproduced (no recorded answer: nothing to differ from)')
})

onEachBackend(t, async (t, db) => {
  const repository = new RecordsRepository(db, cipher())
  const ids: string[] = []
  for (let i = 0; i < 10; i++) {
    const decisionId = randomUUID()
    const answer = await evaluate(rules, request, { now: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 1000), decisionId })
    await repository.saveDecisions([{ decisionId, evaluatedAt: answer.evaluatedAt, client: 'alice', requestId: 'r', serviceVersion: answer.provenance.serviceVersion, rulesRevision: rules.revision, lang: answer.lang, options: request.options ?? {}, facts: request.facts, ...kept(answer) }], () => rules.files)
    ids.push(decisionId)
  }
  const recommended = (await repository.getDecision(ids[0]))?.summary.recommended as string
  t.match(await addReview(db, ids[0], 'rev', { sanction: recommended, articles: [], reviewer: 'R', reason: 'as recommended', decidedOn: '2026-03-02' }), { ok: true })

  const pool = new ReplayPool(1)
  const seen: string[] = []
  const count = await replayStored(repository, pool, (d, o) => { if (o.reproduced && d.sanction === undefined) seen.push(d.decisionId) }, { pageSize: 3 })
  await pool.close()
  t.equal(count, 10)
  t.same(seen.sort(), [...ids].sort(), 'pages of 3 read ahead, 3 in flight at most: every record once, reproduced (and no review read without a candidate)')

  const current = currentDir()
  const candidate = candidateDir()
  const report = await measureImpact({ current: await inUse(current), candidateDir: candidate, repository, threads: 1 })
  t.match(report.decisions, { answers: 10, reproduced: 10, reviewed: 1, changed: 10 }, 'every record replayed, reproduced on its own revision, changed on the candidate')
  const lost = report.decisions.rules.find((r) => r.ruleId === RULE)
  t.match(lost, { lost: 10, gained: 0, reviewed: { agreeBefore: 1, disagreeBefore: 0 } })
  t.equal(report.goldenCases.answers, 1, 'the golden case the rules in use refuse is left out')
  t.equal(report.goldenCases.rules.find((r) => r.ruleId === RULE)?.lost, 1)
  const windowed = await measureImpact({ current: await inUse(current), candidateDir: candidate, repository, window: { from: '2026-03-01T00:00:05Z', to: '2026-03-01T00:00:07Z' }, threads: 2 })
  t.equal(windowed.decisions.answers, 2, 'a date window')
  t.same(windowed.window, { from: '2026-03-01T00:00:05Z', to: '2026-03-01T00:00:07Z' })

  const app = buildApp({ config: { RULES_DIR: current, MAX_EVENT_LOOP_DELAY_MS: 0 }, auth: { mode: 'keys', keys: KEYS }, records: { repository } })
  t.teardown(() => app.close())
  const post = async (payload: object, key = 'admin') => await app.inject({ method: 'POST', url: '/admin/impact', payload, headers: { authorization: `Bearer ${key}-key-0123456789` } })
  const res = await post({ files: bundleOf(candidate), from: '2026-03-01T00:00:05Z' })
  t.equal(res.statusCode, 200)
  t.match(res.json(), { decisions: { answers: 5, reproduced: 5, changed: 5 }, goldenCases: { answers: 1, changed: 1 }, window: { from: '2026-03-01T00:00:05Z', to: null } }, 'POST /admin/impact: the candidate as a bundle')
  t.equal((await post({ files: bundleOf(candidate) }, 'alice')).statusCode, 403, 'admin scope only')
  t.equal((await post({ files: { '../index.json': {} } })).statusCode, 400, 'a path outside the directory is refused')
  const broken = bundleOf(candidate)
  delete broken['sources.json']
  const refused = await post({ files: broken })
  t.equal(refused.statusCode, 422)
  t.match(refused.json(), { type: 'urn:discipline-rules:problem:rules-rejected', errors: [{ pointer: /sources\.json/ }] })
  await db.exec('alter table decisions rename to decisions_away')
  t.equal((await post({ files: bundleOf(candidate) })).statusCode, 500, 'a store that fails is the server\'s error, not the candidate\'s')
  await db.exec('alter table decisions_away rename to decisions')
})

t.test('POST /admin/impact without a decision store replays the golden cases only, those of the rules in use', async (t) => {
  const dir = currentDir()
  const app = buildApp({ config: { RULES_DIR: dir, MAX_EVENT_LOOP_DELAY_MS: 0 } })
  t.teardown(() => app.close())
  const impact = async () => await app.inject({ method: 'POST', url: '/admin/impact', payload: { files: bundleOf(candidateDir()), to: '2030-01-01T00:00:00Z' } })
  const res = await impact()
  t.equal(res.statusCode, 200)
  t.match(res.json(), { decisions: { answers: 0 }, goldenCases: { answers: 1, changed: 1 }, window: { from: null, to: '2030-01-01T00:00:00Z' } })
  // A rules directory broken on disk (a rule set that is not JSON, the cases gone): the reload is rejected and the loaded rules keep serving.
  writeFileSync(join(dir, 'rulesets', 'association.json'), '{ not json')
  rmSync(join(dir, 'cases'), { recursive: true })
  t.equal((await app.inject({ method: 'POST', url: '/admin/reload' })).statusCode, 422, 'the reload is rejected')
  const after = await impact()
  t.equal(after.statusCode, 200)
  t.match(after.json(), { goldenCases: { answers: 1, changed: 1 } }, 'every golden case still counted, on the rules in use and with their cases, not on the files on disk')
})

t.test('npm run rules:impact', async (t) => {
  const out: string[] = []
  const write = (text: string) => { out.push(text) }
  t.equal(await rulesImpact([], {}, write), 2, 'a candidate directory is required')
  t.equal(await rulesImpact(['a', '--bogus'], {}, write), 2, 'an unknown option')
  t.equal(await rulesImpact(['a', 'b'], {}, write), 2, 'one directory')
  t.match(out.join(''), /usage: npm run rules:impact/)
  const { spawnSync } = await import('node:child_process')
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/rules-impact.ts')], { encoding: 'utf8' })
  t.equal(run.status, 2, 'run as a script: the usage and exit code 2')
  t.match(run.stdout, /^usage: /)
  const current = currentDir()
  const candidate = candidateDir()
  out.length = 0
  t.equal(await rulesImpact([candidate, '--no-records', '--json', '--to', '2030-01-01T00:00:00Z'], { RULES_DIR: current }, write), 0)
  const report = JSON.parse(out.join(''))
  t.match(report, { decisions: { answers: 0 }, goldenCases: { answers: 1, changed: 1 } })
  out.length = 0
  const dataDir = await embeddedDataDir(t)
  t.equal(await rulesImpact([candidate, '--from', '2026-01-01T00:00:00Z'], { RULES_DIR: current, DATA_DIR: dataDir, DECISIONS_KEY: TEST_KEY }, write), 0, 'with the store of the environment')
  t.match(out.join(''), /decisions 2026-01-01T00:00:00Z \.\. now: 0 replayed/)
  out.length = 0
  t.equal(await rulesImpact([freshDir(), '--no-records'], { RULES_DIR: current }, write), 1)
  t.match(out.join(''), /^the candidate is refused:\n/)
  out.length = 0
  t.equal(await rulesImpact([candidate, '--no-records'], { RULES_DIR: freshDir() }, write), 1, 'rules in use that do not load')
  t.match(out.join(''), /^rules:impact failed: the rules in use \(.+\) do not load: /)
  out.length = 0
  t.equal(await rulesImpact([candidate, '--to', 'yesterday'], { RULES_DIR: current, DATA_DIR: dataDir }, write), 1, 'no DECISIONS_KEY outside local mode')
  t.match(out.join(''), /^rules:impact failed: DECISIONS_KEY is required/)
})
