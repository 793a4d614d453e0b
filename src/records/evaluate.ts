/**
 * The one place the decision records call the evaluation: replay (and a future rules:impact) go
 * through evaluateOn, so a new decide/render pipeline is wired in here alone.
 */
import { evaluate } from '../domain/evaluate.js'
import type { LoadedRules } from '../domain/rules/load.js'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import type { Lang } from '../schemas/common.js'

export interface ReplayContext { now: Date, decisionId: string, lang: Lang }

export async function evaluateOn (rules: LoadedRules, request: EvaluationRequest, ctx: ReplayContext): Promise<EvaluationResponse> {
  return await evaluate(rules, request, ctx)
}
