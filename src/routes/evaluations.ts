import { randomUUID } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { BatchRequest, BatchResponse } from '../schemas/batch.js'
import { FactsError } from '../errors.js'
import { validationProblem, factsProblem, sendProblem } from '../plugins/problems.js'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ref } from '../schemas/common.js'
import { EvaluationRequest, EvaluationResponse, type EvaluationRequest as Request } from '../schemas/evaluation.js'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { LoadedRules } from '../domain/rules/load.js'
import type { Lang } from '../schemas/common.js'
import { problem } from '../schemas/problem.js'
import { evaluate } from '../domain/evaluate.js'
import { negotiate } from '../plugins/language.js'

export interface EvaluationRoutesOptions {
  /** Most cases in one batch. */
  batchLimit: number
  /** Largest batch body, in bytes. */
  batchBodyLimit: number
}

const EVALUATE_SCHEMA = {
  security: [{ bearerAuth: [] }],
  operationId: 'evaluate',
  tags: ['evaluations'],
  summary: 'Evaluate the facts of a case',
  description: 'Runs every rule set that looks at each conduct item and returns the triggered rules with their circumstance, sanction range and citations, the rules that cannot be decided on the facts given (with the facts to establish), the non-sanction findings, and the classification of the case.',
  body: ref(EvaluationRequest),
  response: {
    200: ref(EvaluationResponse, { description: 'The evaluation.' }),
    400: problem('Malformed JSON, a body that does not match the schema (each bad field by JSON pointer), or a limit exceeded (nesting depth, string length, conduct items).'),
    401: problem('No or an invalid API key.'),
    403: problem('The API key lacks the evaluate scope.'),
    413: problem('The body is larger than the configured limit.'),
    415: problem('The body is not application/json.'),
    422: problem('Well-formed facts that are inconsistent: an end before a start, conduct after the decision date, an unknown rule id.'),
    429: problem('Rate limit exceeded for this client; see Retry-After.'),
    500: problem('Internal error.'),
    503: problem('Overloaded (the service is shedding load), or the decision store cannot take the record (store-unavailable): nothing is answered; see Retry-After.')
  }
}

const BATCH_SCHEMA = {
  security: [{ bearerAuth: [] }],
  operationId: 'evaluateBatch',
  tags: ['evaluations'],
  summary: 'Evaluate several cases at once',
  description: 'Each case is validated and evaluated on its own: a bad case yields a problem in its own result (with pointers under /cases/{i}), not a failed batch. Rules and language are the same for every case; options are per case.',
  body: ref(BatchRequest),
  response: {
    200: ref(BatchResponse, { description: 'One result per case, in order.' }),
    400: problem('Malformed JSON, or no cases, or more than the configured number of cases, or a limit exceeded.'),
    401: problem('No or an invalid API key.'),
    403: problem('The API key lacks the evaluate scope.'),
    413: problem('The body is larger than the configured batch limit.'),
    415: problem('The body is not application/json.'),
    429: problem('Rate limit exceeded for this client; see Retry-After.'),
    500: problem('Internal error.'),
    503: problem('Overloaded (the service is shedding load), or the decision store cannot take the record (store-unavailable): nothing is answered; see Retry-After.')
  }
}

/** One decision log line and the outcome metrics per evaluation: ids, revision, outcome, duration; never fact values. */
function record (app: FastifyInstance, request: FastifyRequest, result: EvaluationResponse, startedAt: bigint): void {
  for (const x of result.triggered) app.metrics.ruleOutcomes.inc({ rule_set: x.ruleSet, outcome: 'triggered' })
  for (const x of result.undetermined) app.metrics.ruleOutcomes.inc({ rule_set: x.ruleSet, outcome: 'undetermined' })
  for (const x of result.findings) app.metrics.ruleOutcomes.inc({ rule_set: x.ruleSet, outcome: x.status })
  app.metrics.evaluations.inc({ status: result.classification.status })
  // The log line is built only when it will be written (pino's isLevelEnabled; absent without a logger).
  if ((request.log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled?.('info') !== true) return
  request.log.info({
    decisionId: result.decisionId,
    client: request.client?.name,
    rulesRevision: result.rulesRevision,
    triggered: result.triggered.map((x) => x.ruleId),
    undetermined: result.undetermined.map((x) => x.ruleId),
    classification: { status: result.classification.status, provisional: result.classification.provisional, sanctionRange: result.classification.sanctionRange, recommended: result.classification.recommended },
    durationMs: Number(process.hrtime.bigint() - startedAt) / 1e6
  }, 'decision')
}

const routes: FastifyPluginAsyncTypebox<EvaluationRoutesOptions> = async (app, opts) => {
  // The app's own compiled check: its facts schema carries the configured MAX_CONDUCT_ITEMS.
  const requestCheck = app.compileCheck(EvaluationRequest)

  /** One case of a batch: its answer, or the problem it would have had alone, in its own slot. */
  const batchItem = async (request: FastifyRequest, rules: LoadedRules, item: unknown, index: number, lang: Lang | undefined) => {
    const checked = requestCheck(item)
    if (checked.error !== undefined) return { index, status: 400, problem: validationProblem('body', checked.error, request.url, `/cases/${index}`) }
    try {
      const startedAt = process.hrtime.bigint()
      const evaluation = await evaluate(rules, checked.value as Request, { now: new Date(), decisionId: randomUUID(), lang })
      record(app, request, evaluation, startedAt)
      return { index, status: 200, evaluation }
    } catch (err) {
      if (!(err instanceof FactsError)) throw err
      return { index, status: 422, problem: factsProblem(err, request.url, `/cases/${index}`) }
    }
  }

  app.post('/v1/evaluations', { config: { scope: 'evaluate', rateLimit: {} }, schema: EVALUATE_SCHEMA }, async (request, reply) => {
    const startedAt = process.hrtime.bigint()
    const result = await evaluate(app.rules, request.body, { now: new Date(), decisionId: randomUUID(), lang: negotiate(request.headers['accept-language']) })
    record(app, request, result, startedAt)
    void reply.header('content-language', result.lang).header('x-rules-revision', result.rulesRevision)
    return result
  })

  app.post('/v1/evaluations/batch', { bodyLimit: opts.batchBodyLimit, config: { scope: 'evaluate', rateLimit: {} }, schema: BATCH_SCHEMA }, async (request, reply) => {
    const { cases } = request.body
    if (cases.length > opts.batchLimit) {
      return sendProblem(reply, { type: 'batch-too-large', title: 'Too many cases in one batch', status: 400, detail: `At most ${opts.batchLimit} cases per batch; got ${cases.length}.`, instance: request.url, errors: [{ pointer: '/cases', detail: `at most ${opts.batchLimit} items` }] })
    }
    const lang = negotiate(request.headers['accept-language'])
    // One rules revision for the whole batch, even if a reload happens meanwhile.
    const rules = app.rules
    void reply.header('x-rules-revision', rules.revision)
    const results = []
    for (const [index, item] of cases.entries()) {
      // One case per turn of the event loop: a batch of many cases does not hold up other requests
      // (or the load-shedding probe) until its last case is done.
      if (index > 0) await nextTurn()
      results.push(await batchItem(request, rules, item, index, lang))
    }
    return { rulesRevision: rules.revision, results }
  })
}

export default routes
