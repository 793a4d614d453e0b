/**
 * The embedded store's journal: why recording costs the request path almost nothing there. PGlite runs
 * every statement in WebAssembly on one thread, milliseconds per record on this kind of machine, and
 * a request that waited for its INSERT waited for everyone else's too. So a record is appended to a
 * file in DATA_DIR (one write(2), in COPY text format) before its answer is sent, and ingested into
 * PGlite in the background, many records per COPY statement. The promise "never an answer without its
 * record" rests on that write: once write(2) returns, the record is in the operating system's page
 * cache and survives a kill of the process (SIGKILL, a crash); at the next start, whatever the
 * journal holds that was not ingested is ingested before the service answers. Like PGlite itself (it
 * runs PostgreSQL with fsync off), the journal does not fsync: a power loss can lose the last records.
 * Every read of the store first ingests what is pending, so a record is readable once it is answered.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs'

export type Ingest = (copyText: string) => Promise<void>

export class Journal {
  private readonly pending: string[] = []
  private ingesting: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined
  /** Something was appended since the file was last emptied. */
  private dirty = false
  private readonly fd: number
  /** Why the last ingestion failed, until one succeeds: the store is failing, so records are refused. */
  private failure: Error | undefined

  /** `delayMs`: how long records gather before one COPY takes them all (and how long a failed one waits to be retried, × 50). */
  constructor (path: string, private readonly ingest: Ingest, private readonly delayMs = 20) {
    this.fd = openSync(path, 'a', 0o600)
  }

  /** Appends complete lines; throws when the file cannot take them, or the store its last records (the caller answers 503). */
  append (lines: string): void {
    if (this.failure !== undefined) throw this.failure
    writeSync(this.fd, lines)
    this.pending.push(lines)
    this.dirty = true
    this.schedule(this.delayMs)
  }

  private schedule (ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      // A failed ingestion keeps its records pending; the next read reports it, and it is retried.
      this.drain().catch(() => { this.schedule(this.delayMs * 50) })
    }, ms).unref()
  }

  /** Ingests everything appended so far (and empties the file when nothing is left); rejects when the store refuses it. `empty`: empty the file even if nothing was appended. */
  async drain (empty = false): Promise<void> {
    for (;;) {
      if (this.ingesting !== undefined) {
        await this.ingesting
        continue
      }
      if (this.pending.length === 0) break
      const batch = this.pending.splice(0)
      this.ingesting = this.ingest(batch.join('')).then(() => { this.failure = undefined }, (err: Error) => {
        this.pending.unshift(...batch)
        this.failure = err
        throw err
      }).finally(() => { this.ingesting = undefined })
      await this.ingesting
    }
    // Appends are synchronous on this thread, so at this point the file holds only ingested records.
    if (this.dirty || empty) ftruncateSync(this.fd, 0)
    this.dirty = false
  }

  close (): void {
    clearTimeout(this.timer)
    closeSync(this.fd)
  }
}

/** The complete lines a previous process appended and did not ingest ('' when none); a torn last line is left out. */
export function leftOver (path: string): string {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return ''
  }
  return text.slice(0, text.lastIndexOf('\n') + 1)
}

const escapeField = (s: string): string => s.replace(/[\\\t\n\r]/g, (c) => c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')

/** One field in PostgreSQL's COPY text format: null as \N, bytes as bytea hex, arrays as array literals. */
export function copyField (value: string | string[] | Buffer | null): string {
  if (value === null) return '\\N'
  if (Buffer.isBuffer(value)) return '\\\\x' + value.toString('hex')
  if (Array.isArray(value)) return escapeField('{' + value.map((v) => '"' + v.replace(/["\\]/g, '\\$&') + '"').join(',') + '}')
  return escapeField(value)
}
