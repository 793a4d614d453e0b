/**
 * The decision records' repository: every read and write of decisions and rules revisions goes
 * through here, on either backend (db.ts). Facts are sealed on the way in and opened on the way out
 * (cipher.ts); nothing else in the service sees the tables.
 */
import { readSummary, type AnswerSummary } from './impact.js'
import type { Db, Sql } from './db.js'
import type { FactsCipher } from './cipher.js'
import type { Sanction } from '../schemas/codes.js'
import type { Journal } from './journal.js'
import { copyLine, insertSql, rowOf, type Row } from './rows.js'

export interface RulesFile { file: string, raw: Buffer }
/** The files of a rules revision, when the caller has them at hand. */
export type FilesOf = (revision: string) => RulesFile[] | undefined

export interface NewDecision {
  decisionId: string
  evaluatedAt: string
  client: string
  requestId: string
  serviceVersion: string
  rulesRevision: string
  lang: string
  options: Record<string, unknown>
  facts: unknown
  /** SHA-256 of the answer's JSON as sent (digest.ts). */
  digest: string
  summary: AnswerSummary
  /** With an Idempotency-Key: the key, the digest of the request body and the answer's JSON (sent again within the day). */
  idempotency?: { key: string, digest: string, answer: string }
}

export interface StoredDecision extends Omit<NewDecision, 'idempotency'> { recordedAt: string }

export interface DecisionFilter { ruleId?: string, client?: string, from?: string, to?: string, cursor?: { at: string, id: string }, limit: number }

export interface DecisionSummary { decisionId: string, evaluatedAt: string, client: string, rulesRevision: string, ruleIds: string[], recommended: Sanction | null, status: string }

/** A second record with an Idempotency-Key that a client already used within the day. */
export class IdempotencyConflict extends Error {
  override name = 'IdempotencyConflict'
}

export class RecordsRepository {
  /** Revisions known to be stored, so each is written once per process. */
  private readonly storedRevisions = new Set<string>()
  private readonly queue: Array<{ decisions: NewDecision[], files: FilesOf, resolve: () => void, reject: (err: unknown) => void }> = []
  private flushing = false
  /** `journal`: the embedded store's (journal.ts), through which records on a stored revision and without an Idempotency-Key go. */
  constructor (readonly db: Db, readonly cipher: FactsCipher, private readonly journal?: Journal) {}

  /**
   * Writes decisions with their rules revision, in one transaction. Calls that arrive while a write is
   * under way are written together in the next one (group commit: one transaction and one insert for
   * many requests); when such a group fails, each call is written alone, so one call's failure is its own.
   */
  async saveDecisions (decisions: NewDecision[], files: FilesOf): Promise<void> {
    if (decisions.length === 0) return
    if (this.journal !== undefined && decisions.every((d) => this.storedRevisions.has(d.rulesRevision) && d.idempotency === undefined)) {
      const now = new Date().toISOString()
      this.journal.append(decisions.map((d) => copyLine(d, this.cipher, now)).join(''))
      return
    }
    return await new Promise((resolve, reject) => {
      this.queue.push({ decisions, files, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush (): Promise<void> {
    this.flushing = true
    while (this.queue.length > 0) {
      const group = this.queue.splice(0)
      const filesOf: FilesOf = (revision) => group.map((g) => g.files(revision)).find((f) => f !== undefined)
      try {
        await this.write(group.flatMap((g) => g.decisions), filesOf)
        for (const g of group) g.resolve()
      } catch (err) {
        if (group.length === 1) group[0].reject(err)
        else for (const g of group) await this.write(g.decisions, g.files).then(g.resolve, g.reject)
      }
    }
    this.flushing = false
  }

  private async write (decisions: NewDecision[], files: FilesOf): Promise<void> {
    // The common case, a known revision and no Idempotency-Key, is one statement: atomic by itself, and
    // on the embedded store each statement of a transaction (begin, commit) costs a round trip.
    if (decisions.every((d) => this.storedRevisions.has(d.rulesRevision) && d.idempotency === undefined)) return await this.insert(this.db, decisions)
    await this.db.transaction(async (tx) => {
      for (const revision of new Set(decisions.map((d) => d.rulesRevision))) await this.storeRevision(tx, revision, files)
      await this.insert(tx, decisions)
    })
    for (const d of decisions) this.storedRevisions.add(d.rulesRevision)
  }

  private async storeRevision (tx: Sql, revision: string, files: FilesOf): Promise<void> {
    if (this.storedRevisions.has(revision)) return
    const given = files(revision)
    if (given === undefined) throw new Error(`the files of rules revision ${revision} are not at hand`)
    const [row] = await tx.query('insert into rules_revisions (revision) values ($1) on conflict do nothing returning revision', [revision])
    if (row === undefined) return
    for (const f of given) await tx.query('insert into rules_files (revision, file, raw) values ($1, $2, $3)', [revision, f.file, f.raw])
  }

  /** One insert for every decision: a statement costs the embedded store more than a row. */
  private async insert (tx: Sql, decisions: NewDecision[]): Promise<void> {
    for (const d of decisions) {
      // A key is reusable after a day: its older use lets go of it.
      if (d.idempotency !== undefined) await tx.query("update decisions set idempotency_key = null where client = $1 and idempotency_key = $2 and evaluated_at < now() - interval '1 day'", [d.client, d.idempotency.key])
    }
    const now = new Date().toISOString()
    const inserted = await tx.query(`${insertSql(decisions.length)} on conflict (client, idempotency_key) where idempotency_key is not null do nothing returning decision_id`,
      decisions.flatMap((d) => rowOf(d, this.cipher, now)))
    if (inserted.length < decisions.length) throw new IdempotencyConflict('an Idempotency-Key was used meanwhile')
  }

  async revisionFiles (revision: string): Promise<RulesFile[] | undefined> {
    const rows = await this.db.query<{ file: string, raw: Uint8Array }>('select file, raw from rules_files where revision = $1 order by file', [revision])
    return rows.length === 0 ? undefined : rows.map((r) => ({ file: r.file, raw: Buffer.from(r.raw) }))
  }

  async getDecision (decisionId: string): Promise<StoredDecision | undefined> {
    const [row] = await this.db.query<Row>(`select decision_id, evaluated_at, recorded_at, client, request_id, service_version, rules_revision, lang, options, facts, key_id,
      answer_digest, summary from decisions where decision_id = $1`, [decisionId])
    return row === undefined ? undefined : this.fromRow(row)
  }

  /** The answer (its JSON text, as sent) recorded under a client's Idempotency-Key in the last day, with the digest of its body. */
  async findIdempotent (client: string, key: string): Promise<{ digest: string, answer: string, lang: string } | undefined> {
    const [row] = await this.db.query<{ body_digest: string, answer: string, lang: string }>(
      "select body_digest, answer, lang from decisions where client = $1 and idempotency_key = $2 and evaluated_at >= now() - interval '1 day'", [client, key])
    return row === undefined ? undefined : { digest: row.body_digest, answer: row.answer, lang: row.lang }
  }

  async listDecisions (f: DecisionFilter): Promise<DecisionSummary[]> {
    const where: string[] = []
    const params: unknown[] = []
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql.replace(/\?/g, () => { params.push(values.shift()); return `$${params.length}` }))
    }
    if (f.ruleId !== undefined) add('rule_ids @> array[?]::text[]', f.ruleId)
    if (f.client !== undefined) add('client = ?', f.client)
    if (f.from !== undefined) add('evaluated_at >= ?', f.from)
    if (f.to !== undefined) add('evaluated_at < ?', f.to)
    if (f.cursor !== undefined) add('(evaluated_at, decision_id) < (?, ?)', f.cursor.at, f.cursor.id)
    const rows = await this.db.query<Row>(`select decision_id, evaluated_at, client, rules_revision, rule_ids, recommended, status from decisions
      ${where.length === 0 ? '' : 'where ' + where.join(' and ')} order by evaluated_at desc, decision_id desc limit ${f.limit}`, params)
    return rows.map((r) => ({
      decisionId: r.decision_id,
      evaluatedAt: r.evaluated_at.toISOString(),
      client: r.client,
      rulesRevision: r.rules_revision,
      ruleIds: r.rule_ids,
      recommended: r.recommended,
      status: r.status
    }))
  }

  /** Deletes the records (and their reviews) evaluated before `before`; returns how many. */
  async purge (before: Date): Promise<number> {
    const rows = await this.db.query('delete from decisions where evaluated_at < $1 returning decision_id', [before.toISOString()])
    return rows.length
  }

  private fromRow (r: Row): StoredDecision {
    return {
      decisionId: r.decision_id,
      evaluatedAt: r.evaluated_at.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      client: r.client,
      requestId: r.request_id,
      serviceVersion: r.service_version,
      rulesRevision: r.rules_revision,
      lang: r.lang,
      options: JSON.parse(r.options),
      facts: this.cipher.open({ keyId: r.key_id, blob: Buffer.from(r.facts) }, r.decision_id),
      digest: r.answer_digest,
      summary: readSummary(r.summary)
    }
  }
}
