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

/**
 * Every object of the answer is built with its properties in the order the route's serializer writes
 * them (the schema's required properties in their declared order, then its optional ones), so that
 * `JSON.stringify` of the answer is the same text as Fastify's fast-json-stringify serializer made
 * (test/domain/render/order.test.ts, every golden case): the answer is sent, and its digest recorded, as
 * JSON.stringify's text, and records made before still reproduce byte for byte.
 */
export function render (v: Verdicts, o: RenderOptions): EvaluationResponse {
  const ctx: RenderContext = { rules: o.rules, lang: o.lang, explain: v.explain }
  const response: EvaluationResponse = {
    decisionId: o.decisionId,
    rulesRevision: v.rulesRevision,
    evaluatedAt: o.evaluatedAt,
    decisionDate: v.decisionDate,
    triggered: v.triggered.map((t) => triggered(t, ctx)),
    undetermined: v.undetermined.map((u) => undetermined(u, ctx)),
    findings: v.findings.map((f) => finding(f, ctx)),
    lang: o.lang,
    provenance: {
      serviceVersion: SERVICE_VERSION,
      rulesRevision: v.rulesRevision,
      decisionId: o.decisionId,
      evaluatedAt: o.evaluatedAt,
      instruments: instrumentsCited(v)
    },
    classification: classification(v.classification, o.rules, o.lang),
    disclaimer: text(say((m) => m.disclaimer), o.lang)
  }
  if (v.explain === 'full') response.notTriggered = v.notTriggered.map((n) => notTriggered(n, ctx))
  return response
}

/** An answer's JSON as the service sends it and digests it (see render: the same text fast-json-stringify writes, natively, in about a third of the time). */
export const answerText = (answer: EvaluationResponse): string => JSON.stringify(answer)
