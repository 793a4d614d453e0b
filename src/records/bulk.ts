/**
 * Replaying recorded decisions in bulk (bench/records.mjs, rules:impact): the store is read page by
 * page in id order (one statement per page: a statement costs the embedded store more than a row),
 * the next page while the workers evaluate this one, each record's facts decrypted here and its
 * digest and summary (JSON text) passed on, and the evaluations spread over the replay pool's
 * threads, about a page per thread in flight.
 */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Lang } from '../schemas/common.js'
import type { RecordsRepository, RulesFile } from './repository.js'
import type { ReplayOutcome, ReplayPool } from './replay-pool.js'

export interface Window { from?: string, to?: string }

export interface ScannedDecision {
  decisionId: string
  evaluatedAt: string
  rulesRevision: string
  lang: Lang
  options: unknown
  facts: unknown
  serviceVersion: string
  digest: string
  /** The recorded summary, JSON text. */
  summary: string
  /** The sanction of the current review (null: none imposed); undefined when not reviewed. */
  sanction?: string | null
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000'

const REVIEWED = `left join reviews r on r.decision_id = d.decision_id and not exists (select 1 from reviews x where x.replaces = r.review_id)`

/**
 * Up to `limit` records with ids after `after`, evaluated in the window, in id order; with `reviews`,
 * each with the sanction of its current review (a join that costs the store about a third of the read).
 */
export async function scanDecisions (repository: RecordsRepository, after: string, limit: number, window: Window = {}, reviews = true): Promise<ScannedDecision[]> {
  const params: unknown[] = [after, window.from ?? '-infinity', window.to ?? 'infinity', limit]
  const rows = await repository.db.query<{ decision_id: string, evaluated_at: Date, rules_revision: string, lang: Lang, options: string, facts: Uint8Array, key_id: string, service_version: string, answer_digest: string, summary: string, reviewed: boolean, sanction: string | null }>(`
    select d.decision_id, d.evaluated_at, d.rules_revision, d.lang, d.options, d.facts, d.key_id, d.service_version, d.answer_digest, d.summary, ${reviews ? 'r.review_id is not null as reviewed, r.sanction' : 'false as reviewed'}
    from decisions d ${reviews ? REVIEWED : ''}
    where d.decision_id > $1 and d.evaluated_at >= $2::timestamptz and d.evaluated_at < $3::timestamptz order by d.decision_id limit $4`, params)
  return rows.map((r) => ({
    decisionId: r.decision_id,
    evaluatedAt: r.evaluated_at.toISOString(),
    rulesRevision: r.rules_revision,
    lang: r.lang,
    options: JSON.parse(r.options),
    facts: repository.cipher.open({ keyId: r.key_id, blob: Buffer.from(r.facts) }, r.decision_id),
    serviceVersion: r.service_version,
    digest: r.answer_digest,
    summary: r.summary,
    ...(r.reviewed ? { sanction: r.sanction } : {})
  }))
}

/** Writes a revision's files into a new temporary directory (the loader then rebuilds the revision from it). */
export async function writeRulesDir (files: RulesFile[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rules-revision-'))
  for (const f of files) {
    await mkdir(dirname(join(dir, f.file)), { recursive: true })
    await writeFile(join(dir, f.file), f.raw)
  }
  return dir
}

/**
 * Replays every record in the window on its own revision (and on the pool's rules `candidate`, if
 * given), calling `each` with the record and the outcome as they come. Returns how many were replayed.
 * The reviews are read only with a candidate (rules:impact counts agreement; a replay alone does not).
 */
export async function replayStored (repository: RecordsRepository, pool: ReplayPool, each: (d: ScannedDecision, o: ReplayOutcome) => void, opts: { window?: Window, candidate?: string, pageSize?: number } = {}): Promise<number> {
  const dirs = new Map<string, string>()
  const inFlight = new Set<Promise<void>>()
  const pageSize = opts.pageSize ?? 500
  const scan = (after: string) => {
    const page = scanDecisions(repository, after, pageSize, opts.window, opts.candidate !== undefined)
    page.catch(() => {})
    return page
  }
  let next = scan(FIRST_ID)
  let count = 0
  let freed: (() => void) | undefined
  try {
    for (let page = await next; page.length > 0; page = await next) {
      // The next page is read while this one is evaluated: the workers never wait for the store.
      next = page.length < pageSize ? Promise.resolve([]) : scan(page[page.length - 1].decisionId)
      for (const d of page) {
        if (!dirs.has(d.rulesRevision)) {
          const dir = await writeRulesDir(await repository.revisionFiles(d.rulesRevision) as RulesFile[])
          dirs.set(d.rulesRevision, dir)
          pool.loadRules(d.rulesRevision, dir)
        }
        const job = pool.run({ revision: d.rulesRevision, candidate: opts.candidate, decisionId: d.decisionId, evaluatedAt: d.evaluatedAt, lang: d.lang, facts: d.facts, options: d.options, recorded: { digest: d.digest, serviceVersion: d.serviceVersion, summary: d.summary } })
        const done: Promise<void> = job.then((o) => { each(d, o) }).finally(() => {
          inFlight.delete(done)
          freed?.()
        })
        inFlight.add(done)
        count++
        // About a page per thread ahead keeps every thread busy while the next page is read, without holding the whole store in memory.
        // (Waiting for a slot, not Promise.race over a thousand promises per record.)
        if (inFlight.size >= pool.size * pageSize) await new Promise<void>((resolve) => { freed = resolve })
      }
    }
    await Promise.all(inFlight)
  } finally {
    await Promise.allSettled([...inFlight, next])
    await Promise.all([...dirs.values()].map(async (dir) => { await rm(dir, { recursive: true, force: true }) }))
  }
  return count
}
