/**
 * The two backends of the decision store, for running one suite against both: the embedded store
 * (PGlite, in a fresh data directory copied from a migrated template, since creating one takes
 * PGlite many seconds) and a real PostgreSQL server started for the test file (a fresh database per
 * open). Nothing here stands in for a database.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tap, { type Test } from 'tap'
import { openDb, type Db } from '../../src/records/db.js'
import { migrate, MIGRATIONS } from '../../src/records/migrations.js'
import { startPostgres, type PostgresServer } from '../../scripts/postgres-server.js'
import { parseDecisionsKeys } from '../../src/records/cipher.js'
import type { RecordsRepository } from '../../src/records/repository.js'
import { repositoryOn } from '../../src/records/open.js'
import { digestOf } from '../../src/records/digest.js'
import { answerText } from '../../src/domain/render/render.js'
import { summaryOf, type AnswerSummary } from '../../src/records/impact.js'
import type { EvaluationResponse } from '../../src/schemas/evaluation.js'

export const TEST_KEY = 'k1:' + '11'.repeat(32)
export const cipher = () => parseDecisionsKeys(TEST_KEY)

export interface Backend { name: 'embedded' | 'postgres', open: () => Promise<Db> }

async function embeddedTemplate (): Promise<string> {
  const tag = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12)
  const path = join(tmpdir(), `records-pglite-template-${tag}`)
  if (existsSync(path)) return path
  const building = `${path}.${process.pid}`
  const db = await openDb({ dataDir: building })
  await migrate(db)
  await db.close()
  // Another test process may have built it meanwhile: either copy will do.
  try { renameSync(building, path) } catch { rmSync(building, { recursive: true, force: true }) }
  return path
}

/** The data directory of a fresh, migrated embedded store, removed at teardown. */
export async function embeddedDataDir (t: Test): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'records-embedded-'))
  cpSync(await embeddedTemplate(), dataDir, { recursive: true })
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
  return dataDir
}

/** A fresh embedded store (migrated), open, closed at teardown. */
export async function freshEmbedded (t: Test): Promise<{ db: Db, dataDir: string }> {
  const dataDir = await embeddedDataDir(t)
  const db = await openDb({ dataDir })
  t.teardown(async () => { await db.close().catch(() => {}) })
  return { db, dataDir }
}

let server: Promise<PostgresServer> | undefined
let databases = 0

/** A PostgreSQL server for this test file, stopped when the file's tests end; the URL of a new, empty database on it. */
export async function emptyPostgres (): Promise<string> {
  if (server === undefined) {
    server = startPostgres()
    const started = server
    tap.teardown(async () => { (await started).stop() })
  }
  const { url: base } = await server
  const admin = await openDb({ databaseUrl: base, dataDir: '' })
  const name = `records_${process.pid}_${++databases}`
  await admin.exec(`create database ${name}`)
  await admin.close()
  return base.replace(/\/postgres$/, `/${name}`)
}

/** A fresh, migrated database on the file's PostgreSQL server, closed at teardown. */
export async function freshPostgres (t: Test): Promise<{ db: Db, url: string }> {
  const url = await emptyPostgres()
  const db = await openDb({ databaseUrl: url, dataDir: '' })
  await migrate(db)
  t.teardown(async () => { await db.close().catch(() => {}) })
  return { db, url }
}

/** Runs `suite` once per backend, each as its own subtest with a fresh, migrated store. */
export function onEachBackend (t: Test, suite: (t: Test, db: Db, repository: RecordsRepository) => Promise<void>): void {
  for (const name of ['embedded', 'postgres'] as const) {
    t.test(name, async (t) => {
      if (name === 'postgres') {
        const { db } = await freshPostgres(t)
        return await suite(t, db, await repositoryOn(db, cipher(), ''))
      }
      const { db, dataDir } = await freshEmbedded(t)
      const repository = await repositoryOn(db, cipher(), dataDir)
      t.teardown(async () => { await repository.db.close().catch(() => {}) })
      await suite(t, db, repository)
    })
  }
}

/** What a record keeps of an answer, computed as the service does (digest.ts, impact.ts). */
export const kept = (answer: EvaluationResponse): { digest: string, summary: AnswerSummary } => ({ digest: digestOf(answerText(answer)), summary: summaryOf(answer) })
