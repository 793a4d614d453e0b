/**
 * Opens the decision store from the environment's records configuration and brings its schema up to
 * date: what server.ts does before it builds the app.
 */
import { resolve } from 'node:path'
import { openDb } from './db.js'
import { migrate } from './migrations.js'
import { factsCipher, type RecordsConfig } from './config.js'
import { RecordsRepository } from './repository.js'

export async function openRecords (config: RecordsConfig): Promise<RecordsRepository> {
  const cipher = factsCipher(config)
  const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR) })
  await migrate(db).catch(async (err: unknown) => {
    await db.close()
    throw err
  })
  return new RecordsRepository(db, cipher)
}
