/**
 * A decision as the columns of its row, for both ways a record is written: a parameterised multi-row
 * INSERT (PostgreSQL server; records with an Idempotency-Key or a revision not yet stored) and a line
 * of the embedded store's journal in COPY text format (journal.ts). One list of columns for both.
 */
import type { FactsCipher } from './cipher.js'
import { copyField } from './journal.js'
import type { NewDecision } from './repository.js'
import type { Sanction } from '../schemas/codes.js'

export const COLUMNS = ['decision_id', 'evaluated_at', 'recorded_at', 'client', 'request_id', 'service_version', 'rules_revision', 'lang', 'options', 'facts', 'key_id',
  'answer_digest', 'summary', 'answer', 'rule_ids', 'recommended', 'status', 'idempotency_key', 'body_digest'] as const
const ARRAY_COLUMN = COLUMNS.indexOf('rule_ids')

/**
 * The values of a decision's row, in COLUMNS order; the facts sealed (their only form in the store).
 * The answer itself is kept only with an Idempotency-Key (it is sent again, byte for byte, within the
 * day); otherwise its digest and summary stand for it, and replay rebuilds it.
 */
export function rowOf (d: NewDecision, cipher: FactsCipher, recordedAt: string): Array<string | string[] | Buffer | null> {
  const sealed = cipher.seal(d.facts, d.decisionId)
  return [d.decisionId, d.evaluatedAt, recordedAt, d.client, d.requestId, d.serviceVersion, d.rulesRevision, d.lang, JSON.stringify(d.options), sealed.blob, sealed.keyId,
    d.digest, JSON.stringify(d.summary), d.idempotency?.answer ?? null, Object.keys(d.summary.rules), d.summary.recommended, d.summary.status,
    d.idempotency?.key ?? null, d.idempotency?.digest ?? null]
}

/** `insert into decisions (…) values (…), (…)` for `count` rows, with its $n placeholders. */
export function insertSql (count: number): string {
  const rows = Array.from({ length: count }, (_, r) => `(${COLUMNS.map((_, i) => `$${r * COLUMNS.length + i + 1}${i === ARRAY_COLUMN ? '::text[]' : ''}`).join(', ')})`)
  return `insert into decisions (${COLUMNS.join(', ')}) values ${rows.join(', ')}`
}

/** The journal's line of a decision (COPY text format, tab-separated, one line). */
export const copyLine = (d: NewDecision, cipher: FactsCipher, recordedAt: string): string => rowOf(d, cipher, recordedAt).map(copyField).join('\t') + '\n'

/** The COPY statement that reads journal lines into `table`. */
export const copySql = (table: string): string => `copy ${table} (${COLUMNS.join(', ')}) from '/dev/blob'`

/** A decision's row as the drivers return it (the columns read back; the answer's text and the idempotency columns are read by their own queries). */
export interface Row {
  decision_id: string
  evaluated_at: Date
  recorded_at: Date
  client: string
  request_id: string
  service_version: string
  rules_revision: string
  lang: string
  /** JSON text: stored as text, since PGlite takes several times longer to insert a json value. */
  options: string
  facts: Uint8Array
  key_id: string
  answer_digest: string
  summary: string
  rule_ids: string[]
  recommended: Sanction | null
  status: string
}
