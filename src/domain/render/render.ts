/**
 * Rendering: verdicts to the response, once, in the requested language. Every text is built with its
 * `text` as it is made; the wording comes from the message tables (./messages), the citations from the
 * catalog, and the provenance from the verdicts' clause@version pairs.
 */
import type { Lang } from '../../schemas/common.js'
import type { EvaluationResponse } from '../../schemas/evaluation.js'
import type { Verdicts } from '../decide/verdicts.js'
import type { LoadedRules } from '../rules/load.js'
import { SERVICE_VERSION } from '../../version.js'
import { say } from './messages/index.js'
import { text } from './text.js'
import { instrumentsCited } from './citations.js'
import { triggered, undetermined, finding, notTriggered, type RenderContext } from './rule.js'
import { classification } from './classification.js'

export interface RenderOptions {
  /** The rules the verdicts were decided on (their wording and catalog). */
  rules: LoadedRules
  lang: Lang
  decisionId: string
  evaluatedAt: string
}

export function render (v: Verdicts, o: RenderOptions): EvaluationResponse {
  const ctx: RenderContext = { rules: o.rules, lang: o.lang, explain: v.explain }
  const response: EvaluationResponse = {
    decisionId: o.decisionId,
    rulesRevision: v.rulesRevision,
    evaluatedAt: o.evaluatedAt,
    decisionDate: v.decisionDate,
    lang: o.lang,
    triggered: v.triggered.map((t) => triggered(t, ctx)),
    undetermined: v.undetermined.map((u) => undetermined(u, ctx)),
    findings: v.findings.map((f) => finding(f, ctx)),
    classification: classification(v.classification, o.rules, o.lang),
    provenance: {
      serviceVersion: SERVICE_VERSION,
      rulesRevision: v.rulesRevision,
      decisionId: o.decisionId,
      evaluatedAt: o.evaluatedAt,
      instruments: instrumentsCited(v)
    },
    disclaimer: text(say((m) => m.disclaimer), o.lang)
  }
  if (v.explain === 'full') response.notTriggered = v.notTriggered.map((n) => notTriggered(n, ctx))
  return response
}
