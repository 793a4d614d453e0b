import { randomUUID } from 'node:crypto'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { BatchRequest, BatchResponse } from '../schemas/batch.js'
import { SHARED_SCHEMAS } from '../schemas/registry.js'
import { FactsError } from '../domain/evaluate.js'
import { validationProblem, factsProblem, sendProblem } from '../plugins/problems.js'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ref } from '../schemas/common.js'
import { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { Problem } from '../schemas/problem.js'
import { evaluate } from '../domain/evaluate.js'
import { negotiate } from '../domain/language.js'

const problem = (description: string) => ref(Problem, { description })

export interface EvaluationRoutesOptions {
  /** Most cases in one batch. */
  batchLimit: number
  /** Largest batch body, in bytes. */
  batchBodyLimit: number
}

const requestCheck = TypeCompiler.Compile(EvaluationRequest, SHARED_SCHEMAS)

const routes: FastifyPluginAsyncTypebox<EvaluationRoutesOptions> = async (app, opts) => {
  app.post('/v1/evaluations', {
    schema: {
      operationId: 'evaluate',
      tags: ['evaluations'],
      summary: 'Evaluate the facts of a case',
      description: 'Runs every rule set that looks at each conduct item and returns the triggered rules with their circumstance, sanction range and citations, the rules that cannot be decided on the facts given (with the facts to establish), the non-sanction findings, and the classification of the case.',
      body: ref(EvaluationRequest),
      response: {
        200: ref(EvaluationResponse, { description: 'The evaluation.' }),
        400: problem('Malformed JSON or a body that does not match the schema (each bad field by JSON pointer).'),
        413: problem('The body is larger than the configured limit.'),
        415: problem('The body is not application/json.'),
        422: problem('Well-formed facts that are inconsistent: an end before a start, conduct after the decision date, an unknown rule id.'),
        500: problem('Internal error.')
      }
    }
  }, async (request, reply) => {
    const result = await evaluate(app.rules, request.body, { now: new Date(), decisionId: randomUUID(), lang: negotiate(request.headers['accept-language']) })
    void reply.header('content-language', result.lang)
    return result
  })

  app.post('/v1/evaluations/batch', {
    bodyLimit: opts.batchBodyLimit,
    schema: {
      operationId: 'evaluateBatch',
      tags: ['evaluations'],
      summary: 'Evaluate several cases at once',
      description: 'Each case is validated and evaluated on its own: a bad case yields a problem in its own result (with pointers under /cases/{i}), not a failed batch. Rules and language are the same for every case; options are per case.',
      body: ref(BatchRequest),
      response: {
        200: ref(BatchResponse, { description: 'One result per case, in order.' }),
        400: problem('Malformed JSON, or no cases, or more than the configured number of cases.'),
        413: problem('The body is larger than the configured batch limit.'),
        415: problem('The body is not application/json.'),
        500: problem('Internal error.')
      }
    }
  }, async (request, reply) => {
    const { cases } = request.body
    if (cases.length > opts.batchLimit) {
      return sendProblem(reply, { type: 'batch-too-large', title: 'Too many cases in one batch', status: 400, detail: `At most ${opts.batchLimit} cases per batch; got ${cases.length}.`, instance: request.url, errors: [{ pointer: '/cases', detail: `at most ${opts.batchLimit} items` }] })
    }
    const lang = negotiate(request.headers['accept-language'])
    const results = []
    for (const [index, item] of cases.entries()) {
      if (!requestCheck.Check(item)) {
        const errors = [...requestCheck.Errors(item)].slice(0, 50).map((e) => ({ instancePath: e.path, message: e.message }))
        results.push({ index, status: 400, problem: validationProblem('body', errors, request.url, `/cases/${index}`) })
        continue
      }
      try {
        results.push({ index, status: 200, evaluation: await evaluate(app.rules, item, { now: new Date(), decisionId: randomUUID(), lang }) })
      } catch (err) {
        if (!(err instanceof FactsError)) throw err
        results.push({ index, status: 422, problem: factsProblem(err, request.url, `/cases/${index}`) })
      }
    }
    return { rulesRevision: app.rules.revision, results }
  })
}

export default routes
