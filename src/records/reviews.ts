/**
 * Reviews: the person's final decision on a recorded decision. Append-only: a correction is a new
 * review naming the one it replaces, and a decision has at most one current review (one that no
 * other replaces), so a second review must name the current one.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from './db.js'
import { readSummary, type AnswerSummary } from './impact.js'

export interface Article { instrument: string, version: string, article: number, paragraph?: number }

export interface NewReview {
  sanction: string | null
  articles: Article[]
  reviewer: string
  reason: string
  decidedOn: string
  replaces?: string
}

export type ReviewOutcome =
  | { ok: true, reviewId: string }
  | { ok: false, why: 'no-decision' | 'unknown-review' | 'not-current', current?: string }

export async function addReview (db: Db, decisionId: string, client: string, review: NewReview): Promise<ReviewOutcome> {
  return await db.transaction(async (tx) => {
    // Locking the decision's row makes concurrent reviews of one decision take turns.
    const [decision] = await tx.query('select decision_id from decisions where decision_id = $1 for update', [decisionId])
    if (decision === undefined) return { ok: false, why: 'no-decision' }
    const [current] = await tx.query<{ review_id: string }>(
      'select review_id from reviews r where decision_id = $1 and not exists (select 1 from reviews x where x.replaces = r.review_id)', [decisionId])
    if (review.replaces !== undefined) {
      const [named] = await tx.query('select review_id from reviews where review_id = $1 and decision_id = $2', [review.replaces, decisionId])
      if (named === undefined) return { ok: false, why: 'unknown-review' }
    }
    if (current?.review_id !== review.replaces) return { ok: false, why: 'not-current', current: current?.review_id }
    const reviewId = randomUUID()
    await tx.query(`insert into reviews (review_id, decision_id, replaces, client, sanction, articles, reviewer, reason, decided_on)
      values ($1, $2, $3, $4, $5, $6::json, $7, $8, $9)`,
    [reviewId, decisionId, review.replaces ?? null, client, review.sanction, JSON.stringify(review.articles), review.reviewer, review.reason, review.decidedOn])
    return { ok: true, reviewId }
  })
}

/** The answer's summary and the current review's sanction of every decision whose current review was decided in [from, to]. */
export async function currentReviews (db: Db, from: string, to: string): Promise<Array<{ decisionId: string, summary: AnswerSummary, sanction: string | null }>> {
  const rows = await db.query<{ decision_id: string, summary: string, sanction: string | null }>(`
    select d.decision_id, d.summary, r.sanction from reviews r join decisions d using (decision_id)
    where r.decided_on between $1 and $2 and not exists (select 1 from reviews x where x.replaces = r.review_id)
    order by d.decision_id`, [from, to])
  return rows.map((r) => ({ decisionId: r.decision_id, summary: readSummary(r.summary), sanction: r.sanction }))
}
