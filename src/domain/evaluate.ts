/**
 * An evaluation: decide (src/domain/decide), then render (src/domain/render). The routes, the rule
 * author's tools and the tests all evaluate through this one function.
 */
import type { Lang } from '../schemas/common.js'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import type { LoadedRules } from './rules/load.js'
import { decide } from './decide/decide.js'
import { render } from './render/render.js'

export interface EvaluateContext {
  now: Date
  decisionId: string
  /** The language negotiated from Accept-Language, if any; options.lang wins over it. Default zh. */
  lang?: Lang
}

export async function evaluate (rules: LoadedRules, req: EvaluationRequest, ctx: EvaluateContext): Promise<EvaluationResponse> {
  const verdicts = await decide(rules, req, { now: ctx.now })
  return render(verdicts, { rules, lang: req.options?.lang ?? ctx.lang ?? 'zh', decisionId: ctx.decisionId, evaluatedAt: ctx.now.toISOString() })
}
