/**
 * `npm run db:migrate`: brings the decision store named by the environment (DATABASE_URL, else the
 * embedded store in DATA_DIR) up to the current schema. The service does the same at start-up; this
 * lets an operator migrate before rolling out replicas.
 */
import { resolve } from 'node:path'
import { isMain } from './cli.js'
import { parseConfig } from '../config.js'
import { openDb } from '../records/db.js'
import { migrate } from '../records/migrations.js'

export async function main (env: NodeJS.ProcessEnv, write: (text: string) => void): Promise<number> {
  try {
    const config = parseConfig(env)
    const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: resolve(config.DATA_DIR) })
    const applied = await migrate(db).finally(async () => { await db.close() })
    write(`${db.kind} store: ${applied.length === 0 ? 'already up to date' : `applied migration(s) ${applied.join(', ')}`}\n`)
    return 0
  } catch (err) {
    write(`db:migrate failed: ${(err as Error).message}\n`)
    return 1
  }
}

if (isMain(import.meta.url)) process.exitCode = await main(process.env, (text) => process.stdout.write(text))
