/**
 * One thread of the replay pool (replay-pool.ts): it loads the rules revisions it is sent (from a
 * directory of their files) and evaluates recorded facts on them. Whether a record is reproduced is
 * decided on the JSON text (the record holds the answer as JSON.stringify wrote it), so the common
 * case costs no parse and no diff. With a candidate, it also returns the parts of both answers that
 * rules:impact compares (impact.ts).
 */
import { parentPort } from 'node:worker_threads'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { evaluateOn } from './evaluate.js'
import { summaryOf, type AnswerSummary } from './impact.js'
import type { ReplayJob, ReplayOutcome, PoolMessage } from './replay-pool.js'

const port = parentPort as NonNullable<typeof parentPort>
const loaded = new Map<string, Promise<LoadedRules>>()
const REFUSED: AnswerSummary = { rules: {}, recommended: null, range: null, basis: [] }

async function run (job: ReplayJob): Promise<ReplayOutcome> {
  const request = { facts: job.facts, options: job.options } as unknown as EvaluationRequest
  const ctx = { now: new Date(job.evaluatedAt), decisionId: job.decisionId, lang: job.lang }
  const again = await evaluateOn(await (loaded.get(job.revision) as Promise<LoadedRules>), request, ctx)
  const text = JSON.stringify(again)
  const outcome: ReplayOutcome = { id: job.id, reproduced: job.answer === undefined || text === job.answer }
  if (job.candidate === undefined) return outcome
  const candidate = await (loaded.get(job.candidate) as Promise<LoadedRules>)
  // A candidate that refuses the facts (a conduct type it no longer covers, say) answers nothing: every rule is lost.
  const after = await evaluateOn(candidate, request, ctx).then(summaryOf, () => ({ ...REFUSED, rules: {} }))
  const before = job.answer === undefined ? again : JSON.parse(job.answer) as EvaluationResponse
  return { ...outcome, before: summaryOf(before), after }
}

port.on('message', (m: PoolMessage) => {
  if (m.type === 'rules') {
    const rules = loadRules(m.dir)
    rules.catch(() => {})
    loaded.set(m.key, rules)
    return
  }
  run(m.job).then((outcome) => { port.postMessage(outcome) }, (err: Error) => { port.postMessage({ id: m.job.id, error: err.message }) })
})
