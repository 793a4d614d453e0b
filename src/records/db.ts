/**
 * The SQL connection behind the decision records, in one of two backends with one interface: an
 * embedded PostgreSQL (PGlite, in a data directory; one process) or a PostgreSQL server (pg, a pool;
 * shared by every replica). Both speak the same SQL, so one schema and one set of migrations serve both.
 */
import { mkdirSync } from 'node:fs'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import pg from 'pg'

export interface Sql {
  /** One statement with $n parameters; the rows it returns. */
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>
  /** Several statements, no parameters (migrations). */
  exec: (text: string) => Promise<void>
  /** A COPY … FROM '/dev/blob' statement reading `data` (the embedded store only: its journal). */
  copyIn?: (text: string, data: string) => Promise<void>
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

type Call = (op: 'query' | 'exec' | 'copy' | 'close', text?: string, params?: unknown[]) => Promise<any[]>

/**
 * PGlite's thread (embedded-worker.ts) and the calls to it: each statement a message with an id, its
 * rows or its error the reply with that id; `ready` settles on the thread's reply 0, its store opened.
 */
function storeThread (dataDir: string): { worker: Worker, call: Call, ready: Promise<unknown> } {
  // Next to this module: embedded-worker.js when compiled, .ts when the tests run the sources.
  const worker = new Worker(new URL(`./embedded-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url), { workerData: { dataDir } })
  const pending = new Map<number, { resolve: (rows: any[]) => void, reject: (err: Error) => void }>()
  let nextId = 1
  const failAll = (err: Error) => {
    /* c8 ignore next -- statements still waiting when the store's thread ends: only after a crash of that thread, which a test cannot cause */
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }
  worker.on('message', (m: { id: number, rows?: unknown[], error?: { message: string, code?: string } }) => {
    const p = pending.get(m.id) as { resolve: (rows: any[]) => void, reject: (err: Error) => void }
    pending.delete(m.id)
    if (m.error === undefined) p.resolve(m.rows as unknown[])
    else p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }))
  })
  /* c8 ignore next 2 -- a crash of the store's thread (out of memory, a WebAssembly abort): cannot be caused from a test */
  worker.on('error', failAll)
  let stopped = false
  worker.on('exit', () => {
    stopped = true
    failAll(new Error('the embedded store has stopped'))
  })
  const call: Call = async (op, text, params) => await new Promise((resolve, reject) => {
    if (stopped) return reject(new Error('the embedded store has stopped'))
    const id = nextId++
    pending.set(id, { resolve, reject })
    worker.postMessage({ id, op, text, params })
  })
  const ready = new Promise((resolve, reject) => pending.set(0, { resolve, reject }))
  return { worker, call, ready }
}

/**
 * PGlite in a worker thread of its own (storeThread): a statement costs it milliseconds of CPU,
 * which on the service's thread would hold up every request. One connection, so a transaction holds
 * the store until it ends (as PGlite's own transaction does).
 */
async function openEmbedded (dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true })
  const { worker, call, ready } = storeThread(dataDir)
  await ready
  let lock: Promise<unknown> = Promise.resolve()
  const exclusive = async <T>(fn: () => Promise<T>): Promise<T> => {
    const result = lock.then(fn)
    lock = result.catch(() => {})
    return await result
  }
  const copyIn = async (text: string, data: string): Promise<void> => { await call('copy', text, [data]) }
  const sql: Sql = { query: async (text, params) => await call('query', text, params), exec: async (text) => { await call('exec', text) }, copyIn }
  return {
    kind: 'embedded',
    query: async (text, params) => await exclusive(async () => await sql.query(text, params)),
    exec: async (text) => { await exclusive(async () => { await sql.exec(text) }) },
    copyIn: async (text, data) => { await exclusive(async () => { await copyIn(text, data) }) },
    transaction: async (fn) => await exclusive(async () => {
      await sql.exec('begin')
      try {
        const result = await fn(sql)
        await sql.exec('commit')
        return result
      } catch (err) {
        await sql.exec('rollback')
        throw err
      }
    }),
    close: async () => {
      await exclusive(async () => {
        const exited = new Promise((resolve) => worker.once('exit', resolve))
        await call('close')
        await exited
      })
    }
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
