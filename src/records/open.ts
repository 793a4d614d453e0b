/**
 * Opens the decision store from the configuration (src/config.ts) and brings its schema up to date:
 * what server.ts does before it builds the app. Without DECISIONS_KEY the service refuses to start,
 * except in local mode (ALLOW_UNAUTHENTICATED=true, as `npm start` sets, with the embedded store):
 * there a key is generated once and kept in DATA_DIR/decisions.key (mode 0600), so local records stay
 * readable across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Config } from '../config.js'
import { ConfigError } from '../errors.js'
import { newDecisionsKey, parseDecisionsKeys, type FactsCipher } from './cipher.js'
import { openDb, type Db } from './db.js'
import { withJournal } from './journaled.js'
import { migrate } from './migrations.js'
import { RecordsRepository } from './repository.js'

export type RecordsConfig = Pick<Config, 'DATA_DIR' | 'DATABASE_URL' | 'DECISIONS_KEY' | 'ALLOW_UNAUTHENTICATED'>

/** The cipher for the facts: from DECISIONS_KEY, or in local mode a key kept in DATA_DIR. */
export function factsCipher (config: RecordsConfig): FactsCipher {
  if (config.DECISIONS_KEY !== '') return parseDecisionsKeys(config.DECISIONS_KEY)
  if (!config.ALLOW_UNAUTHENTICATED || config.DATABASE_URL !== '') {
    throw new ConfigError('DECISIONS_KEY is required: the facts of every decision record are encrypted with it (generate one with: openssl rand -hex 32)')
  }
  const dir = resolve(config.DATA_DIR)
  const file = join(dir, 'decisions.key')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, newDecisionsKey() + '\n', { mode: 0o600, flag: 'wx' })
  }
  return parseDecisionsKeys(readFileSync(file, 'utf8').trim())
}

export async function openRecords (config: RecordsConfig): Promise<RecordsRepository> {
  const cipher = factsCipher(config)
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR) })
  await migrate(db).catch(async (err: unknown) => {
    await db.close()
    throw err
  })
  return await repositoryOn(db, cipher, resolve(config.DATA_DIR))
}

/** The repository over a migrated store: the embedded one records through its journal in dataDir (journal.ts). */
export async function repositoryOn (db: Db, cipher: FactsCipher, dataDir: string, journalDelayMs?: number): Promise<RecordsRepository> {
  if (db.kind === 'postgres') return new RecordsRepository(db, cipher)
  const journaled = await withJournal(db, dataDir, journalDelayMs)
  return new RecordsRepository(journaled.db, cipher, journaled.journal)
}
