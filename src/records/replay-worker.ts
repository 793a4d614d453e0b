/**
 * One thread of the replay pool (replay-pool.ts): it loads the rules revisions it is sent (from a
 * directory of their files) and evaluates recorded facts on them. Whether a record is reproduced is
 * decided on the digest of the rebuilt answer's JSON, serialised as the service sends it (digest.ts),
 * so the common case costs no parse and no diff. With a candidate, it also returns the parts of both
 * answers that rules:impact compares (impact.ts): the recorded summary, and the candidate's.
 */
import { parentPort } from 'node:worker_threads'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'
import type { EvaluationRequest } from '../schemas/evaluation.js'
import { evaluateOn } from './evaluate.js'
import { readSummary, summaryOf, type AnswerSummary } from './impact.js'
import { digestOf } from './digest.js'
import { answerText } from '../domain/render/render.js'
import type { ReplayJob, ReplayOutcome, PoolMessage } from './replay-pool.js'

const port = parentPort as NonNullable<typeof parentPort>
const loaded = new Map<string, Promise<LoadedRules>>()
const REFUSED: AnswerSummary = { status: 'refused', provisional: false, rules: {}, recommended: null, range: null, basis: [] }

async function run (job: ReplayJob): Promise<ReplayOutcome> {
  const request = { facts: job.facts, options: job.options } as unknown as EvaluationRequest
  const ctx = { now: new Date(job.evaluatedAt), decisionId: job.decisionId, lang: job.lang }
  const again = await evaluateOn(await (loaded.get(job.revision) as Promise<LoadedRules>), request, ctx)
  const { recorded } = job
  if (recorded !== undefined) again.provenance.serviceVersion = recorded.serviceVersion
  const outcome: ReplayOutcome = { id: job.id, reproduced: recorded === undefined || digestOf(answerText(again)) === recorded.digest }
  if (job.candidate === undefined) return outcome
  const candidate = await (loaded.get(job.candidate) as Promise<LoadedRules>)
  // A candidate that refuses the facts (a conduct type it no longer covers, say) answers nothing: every rule is lost.
  const after = await evaluateOn(candidate, request, ctx).then(summaryOf, () => ({ ...REFUSED, rules: {} }))
  const before = recorded === undefined ? summaryOf(again) : readSummary(recorded.summary)
  return { ...outcome, before, after }
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
