/**
 * What an evaluation route answered, turned into the records to write: one per evaluated case (the
 * single route's answer, or each 200 item of a batch), with the facts and options of that case, the
 * digest of the answer's JSON and its summary. The single route's digest is taken from the text
 * Fastify serialised to send (no second serialisation on the request path); a batch item's from the
 * item serialised alone, as the single route would send it.
 */
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { SERVICE_VERSION } from '../version.js'
import type { NewDecision } from './repository.js'
import { digestOf } from './digest.js'
import { answerText } from '../domain/render/render.js'
import { summaryOf } from './impact.js'

export interface Answered {
  url: string
  body: unknown
  /** The route's answer, as the handler returned it. */
  payload: unknown
  /** The text that is sent: the single route's answer serialised. */
  sent: string
  client: string
  requestId: string
  idempotency?: { key: string, digest: string }
}

interface BatchAnswer { results: Array<{ index: number, status: number, evaluation?: EvaluationResponse }> }

function recordOf (a: Answered, request: EvaluationRequest, answer: EvaluationResponse, text: string): NewDecision {
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
    digest: digestOf(text),
    summary: summaryOf(answer),
    ...(a.idempotency !== undefined ? { idempotency: { ...a.idempotency, answer: text } } : {})
  }
}

export function decisionsOf (a: Answered): NewDecision[] {
  if (a.url === '/v1/evaluations') return [recordOf(a, a.body as EvaluationRequest, a.payload as EvaluationResponse, a.sent)]
  const { cases } = a.body as { cases: EvaluationRequest[] }
  return (a.payload as BatchAnswer).results
    .filter((r) => r.evaluation !== undefined)
    .map((r) => recordOf(a, cases[r.index], r.evaluation as EvaluationResponse, answerText(r.evaluation as EvaluationResponse)))
}
