/**
 * The one place the decision records call the evaluation: replay, GET /v1/decisions/{id} and
 * rules:impact go through evaluateOn, so a new decide/render pipeline is wired in here alone.
 *
 * Evaluations here run one after another on each thread. json-rules-engine keeps a run's status on
 * the engine, and the domain refuses (throws) when two runs of one engine overlap (engine.ts,
 * runOn). A request's evaluation runs to its end within one turn of the event loop, so requests never
 * overlap; but evaluations waiting for the same rules to load (a revision rebuilt from the store, a
 * worker's first jobs) all resume in the same turn and would overlap: rules:impact counted rules as
 * lost on the candidate for golden cases whose evaluation had been refused that way.
 */
import { evaluate } from '../domain/evaluate.js'
import type { LoadedRules } from '../domain/rules/load.js'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import type { Lang } from '../schemas/common.js'

export interface ReplayContext { now: Date, decisionId: string, lang: Lang }

let last: Promise<unknown> = Promise.resolve()

export async function evaluateOn (rules: LoadedRules, request: EvaluationRequest, ctx: ReplayContext): Promise<EvaluationResponse> {
  const run = last.then(async () => await evaluate(rules, request, ctx))
  last = run.catch(() => {})
  return await run
}
