/**
 * The SQL connection behind the decision records, in one of two backends with one interface: an
 * embedded PostgreSQL (PGlite, in a data directory; one process) or a PostgreSQL server (pg, a pool;
 * shared by every replica). Both speak the same SQL, so one schema and one set of migrations serve both.
 */
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

export interface Sql {
  /** One statement with $n parameters; the rows it returns. */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>
  /** Several statements, no parameters (migrations). */
  exec: (text: string) => Promise<void>
}

export interface Db extends Sql {
  kind: 'embedded' | 'postgres'
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction: <T>(fn: (tx: Sql) => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

export interface DbOptions {
  /** postgres://… : a PostgreSQL server; otherwise the embedded store in dataDir. */
  databaseUrl?: string
  dataDir: string
}

export async function openDb (opts: DbOptions): Promise<Db> {
  if (opts.databaseUrl !== undefined && opts.databaseUrl !== '') return openPostgres(opts.databaseUrl)
  return openEmbedded(opts.dataDir)
}

async function openEmbedded (dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(dataDir)
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await q.query<T>(text, params)).rows,
    exec: async (text) => { await q.exec(text) }
  })
  return {
    kind: 'embedded',
    ...wrap(db),
    transaction: async (fn) => await db.transaction(async (tx) => await fn(wrap(tx))),
    close: async () => { await db.close() }
  }
}

async function openPostgres (connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const wrap = (q: pg.Pool | pg.PoolClient): Sql => ({
    query: async <T>(text: string, params?: unknown[]) => (await q.query(text, params)).rows as T[],
    exec: async (text) => { await q.query(text) }
  })
  await pool.query('select 1')
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: async (fn) => {
      const client = await pool.connect()
      const run = async () => {
        await client.query('begin')
        try {
          const result = await fn(wrap(client))
          await client.query('commit')
          return result
        } catch (err) {
          await client.query('rollback')
          throw err
        }
      }
      return await run().finally(() => client.release())
    },
    close: async () => { await pool.end() }
  }
}
