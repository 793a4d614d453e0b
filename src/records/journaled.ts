/**
 * The embedded store with its journal (journal.ts): records left in the journal by a process that was
 * killed are ingested before anything else, and every statement first ingests what is pending, so a
 * read never misses a record that was answered. Closing ingests the rest, then closes the store.
 */
import { join } from 'node:path'
import type { Db, Sql } from './db.js'
import { Journal, leftOver } from './journal.js'
import { copySql } from './rows.js'

export const JOURNAL_FILE = 'decisions.journal'

/** Lines that may already be in the table (the process was killed after a COPY, before emptying the file) go in once. */
async function ingestLeftOver (db: Db, text: string): Promise<void> {
  await db.transaction(async (tx: Sql) => {
    await tx.exec('create temp table journal_in (like decisions) on commit drop')
    await (tx.copyIn as NonNullable<Sql['copyIn']>)(copySql('journal_in'), text)
    await tx.exec('insert into decisions select * from journal_in on conflict do nothing')
  })
}

/** Opens the journal of the embedded store in dataDir, after ingesting what an earlier process left in it. */
export async function withJournal (db: Db, dataDir: string, delayMs?: number): Promise<{ db: Db, journal: Journal }> {
  const path = join(dataDir, JOURNAL_FILE)
  const left = leftOver(path)
  if (left !== '') await ingestLeftOver(db, left)
  const journal = new Journal(path, async (text) => { await (db.copyIn as NonNullable<Db['copyIn']>)(copySql('decisions'), text) }, delayMs)
  // Emptied now that its records are in the table (a torn last line, never answered, goes with it).
  await journal.drain(true)
  const first = async (): Promise<void> => { await journal.drain() }
  return {
    journal,
    db: {
      kind: db.kind,
      query: async (text, params) => { await first(); return await db.query(text, params) },
      exec: async (text) => { await first(); await db.exec(text) },
      transaction: async (fn) => { await first(); return await db.transaction(fn) },
      close: async () => {
        try {
          await first()
        } finally {
          journal.close()
          await db.close()
        }
      }
    }
  }
}
