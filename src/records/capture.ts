/**
 * What an evaluation route answered, turned into the records to write: one per evaluated case (the
 * single route's answer, or each 200 item of a batch), with the facts and options of that case.
 */
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { SERVICE_VERSION } from '../version.js'
import type { NewDecision } from './repository.js'

export interface Answered {
  url: string
  body: unknown
  payload: unknown
  client: string
  requestId: string
  idempotency?: { key: string, digest: string }
}

interface BatchAnswer { results: Array<{ index: number, status: number, evaluation?: EvaluationResponse }> }

function recordOf (a: Answered, request: EvaluationRequest, answer: EvaluationResponse): NewDecision {
  return {
    decisionId: answer.decisionId,
    evaluatedAt: answer.evaluatedAt,
    client: a.client,
    requestId: a.requestId,
    serviceVersion: SERVICE_VERSION,
    rulesRevision: answer.rulesRevision,
    lang: answer.lang,
    options: request.options ?? {},
    facts: request.facts,
    answer,
    ...(a.idempotency !== undefined ? { idempotency: a.idempotency } : {})
  }
}

export function decisionsOf (a: Answered): NewDecision[] {
  if (a.url === '/v1/evaluations') return [recordOf(a, a.body as EvaluationRequest, a.payload as EvaluationResponse)]
  const { cases } = a.body as { cases: EvaluationRequest[] }
  return (a.payload as BatchAnswer).results
    .filter((r) => r.evaluation !== undefined)
    .map((r) => recordOf(a, cases[r.index], r.evaluation as EvaluationResponse))
}
