/**
 * The embedded store's own thread: PGlite (PostgreSQL compiled to WebAssembly) runs every statement on
 * the thread that owns it, and inserting a record there costs milliseconds. Here it does not hold up the
 * service's event loop, which only posts the statement and its parameters (db.ts, openEmbedded).
 * Messages: { id, op: 'query' | 'exec' | 'copy' | 'close', text?, params? } → { id, rows } or { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'

interface Request { id: number, op: 'query' | 'exec' | 'copy' | 'close', text?: string, params?: unknown[] }

const port = parentPort as NonNullable<typeof parentPort>
/**
 * PostgreSQL's shared buffers, in PGlite's WebAssembly memory: 16 MB instead of the default 128 MB,
 * which PGlite allocates and zero-fills at start-up and which made most of the service's RSS (about
 * 400 MB under load with 128 MB; 250 MB with 16 MB, bench/threads.mjs). The store's reads beyond
 * them come from the operating system's page cache (PGlite's files are ordinary files in DATA_DIR).
 */
const STORE_SETTINGS = ['-c', 'shared_buffers=16MB']
const opened = await PGlite.create((workerData as { dataDir: string }).dataDir, { startParams: [...PGlite.defaultStartParams, ...STORE_SETTINGS] }).then((db) => ({ db }), (err: unknown) => ({ err: err as Error }))
if ('err' in opened) {
  port.postMessage({ id: 0, error: { message: opened.err.message } })
} else {
  const { db } = opened
  port.on('message', (m: Request) => {
    const run = async (): Promise<unknown[]> => {
      if (m.op === 'close') {
        await db.close()
        return []
      }
      if (m.op === 'copy') {
        // The journal's lines (journal.ts): PGlite reads COPY … FROM '/dev/blob' from the blob given.
        await db.query(m.text as string, [], { blob: new Blob([(m.params as string[])[0]]) })
        return []
      }
      if (m.op === 'exec') {
        await db.exec(m.text as string)
        return []
      }
      return (await db.query(m.text as string, m.params)).rows
    }
    run().then((rows) => { port.postMessage({ id: m.id, rows }) }, (err: Error & { code?: string }) => {
      port.postMessage({ id: m.id, error: { message: err.message, code: err.code } })
    }).finally(() => { if (m.op === 'close') port.close() })
  })
  port.postMessage({ id: 0, rows: [] })
}
