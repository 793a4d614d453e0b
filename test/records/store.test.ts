import t from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { buildApp } from '../../src/app.js'
import { loadRules } from '../../src/domain/rules/load.js'
import { evaluate } from '../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'
import { spawnSync } from 'node:child_process'
import { openDb } from '../../src/records/db.js'
import { openRecords } from '../../src/records/open.js'
import { parseConfig } from '../../src/config.js'
import { RulesArchive } from '../../src/records/replay.js'
import { main as dbMigrate } from '../../src/tools/db-migrate.js'
import { referenceCase } from '../helpers/cases.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { embeddedDataDir, emptyPostgres, kept, TEST_KEY } from '../helpers/stores.js'

// Real stores: the embedded one takes seconds to open, and a PostgreSQL server is started for this file.
t.setTimeout(300_000)

t.test('npm run db:migrate brings either store up to date, and says why when it cannot', async (t) => {
  const url = await emptyPostgres()
  const out: string[] = []
  t.equal(await dbMigrate({ DATABASE_URL: url }, (s) => out.push(s)), 0)
  t.equal(await dbMigrate({ DATABASE_URL: url }, (s) => out.push(s)), 0)
  t.equal(await dbMigrate({ DATA_DIR: await embeddedDataDir(t) }, (s) => out.push(s)), 0)
  t.same(out, ['postgres store: applied migration(s) 1\n', 'postgres store: already up to date\n', 'embedded store: already up to date\n'])
  t.equal(await dbMigrate({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, (s) => out.push(s)), 1)
  t.match(out[3], /^db:migrate failed: /)
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/db-migrate.ts')], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: url } })
  t.equal(run.status, 0, 'run as a script')
  t.equal(run.stdout, 'postgres store: already up to date\n')
})

t.test('the server\'s store: opened from the configuration, migrated, closed with the app', async (t) => {
  const repository = await openRecords(parseConfig({ DATA_DIR: await embeddedDataDir(t), DECISIONS_KEY: TEST_KEY }))
  const app = buildApp({ config: { DECISION_RETENTION_DAYS: 30, MAX_EVENT_LOOP_DELAY_MS: 0 }, records: { repository, closeStore: true } })
  await app.ready()
  t.same(await repository.db.query('show shared_buffers'), [{ shared_buffers: '16MB' }], 'the embedded store runs with small shared buffers (RSS)')
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request as object })).statusCode, 200)
  await app.close()
  await t.rejects(repository.db.query('select 1'), 'the store is closed with the app')

  const url = await emptyPostgres()
  const blocker = await openDb({ databaseUrl: url, dataDir: '' })
  await blocker.exec('create table decisions (x int)')
  await blocker.close()
  await t.rejects(openRecords(parseConfig({ DATABASE_URL: url, DECISIONS_KEY: TEST_KEY })), /already exists/, 'a migration that fails stops the start')
})

t.test('the rules archive rebuilds stored revisions, keeps the last few, and retries a failure', async (t) => {
  const url = await emptyPostgres()
  const repository = await openRecords(parseConfig({ DATABASE_URL: url, DECISIONS_KEY: TEST_KEY }))
  t.teardown(() => repository.db.close())
  const dir = mkdtempSync(join(tmpdir(), 'records-archive-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const files = bundledFiles()
  files['rulesets/association.json'].title = { zh: '另一版', en: 'Another revision' }
  const revisions = [await loadRules(BUNDLED_RULES_DIR), await loadRules(writeRules(dir, files))]
  for (const rules of revisions) {
    const decisionId = randomUUID()
    const answer = await evaluate(rules, referenceCase().request as any, { now: new Date(), decisionId })
    await repository.saveDecisions([{ decisionId, evaluatedAt: answer.evaluatedAt, client: 'c', requestId: 'r', serviceVersion: 'v', rulesRevision: rules.revision, lang: 'zh', options: {}, facts: {}, ...kept(answer) }], () => rules.files)
  }
  const archive = new RulesArchive(repository, 1)
  const first = await archive.rulesOf(revisions[0].revision)
  t.equal(first.revision, revisions[0].revision, 'rebuilt to the same revision')
  t.equal(await archive.rulesOf(revisions[0].revision), first, 'from the cache')
  t.equal((await archive.rulesOf(revisions[1].revision)).revision, revisions[1].revision)
  t.not(await archive.rulesOf(revisions[0].revision), first, 'the older one was let go')
  await t.rejects(archive.rulesOf('sha256:none'), /not in the store/)
  await t.rejects(archive.rulesOf('sha256:none'), /not in the store/, 'a failure is not kept')
})
