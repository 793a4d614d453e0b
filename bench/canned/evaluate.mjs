/**
 * The evaluation made free, for bench/decompose.mjs: the first call for a request body and language
 * evaluates for real (the service's own evaluate); every later one answers that answer again, copied
 * one level deep with this call's decisionId and evaluatedAt (top level and in provenance). The cost
 * left is a Map lookup keyed by the body's JSON (a few µs, counted against the canned server, so the
 * evaluation's measured cost is if anything understated). Loaded only through ./register.mjs.
 */
import { evaluate as real } from '../../dist/src/domain/evaluate.js'

const answers = new Map()

export async function evaluate (rules, req, ctx) {
  const key = `${rules.revision}\u0000${ctx.lang ?? ''}\u0000${JSON.stringify(req)}`
  let answer = answers.get(key)
  if (answer === undefined) answers.set(key, answer = await real(rules, req, ctx))
  const evaluatedAt = ctx.now.toISOString()
  return { ...answer, decisionId: ctx.decisionId, evaluatedAt, provenance: { ...answer.provenance, decisionId: ctx.decisionId, evaluatedAt } }
}
