import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ref } from '../schemas/common.js'
import { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import { Problem } from '../schemas/problem.js'
import { evaluate } from '../domain/evaluate.js'

const problem = (description: string) => ref(Problem, { description })

const routes: FastifyPluginAsyncTypebox = async (app) => {
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
  }, async (request) => {
    return await evaluate(app.rules, request.body, { now: new Date(), decisionId: randomUUID() })
  })
}

export default routes
