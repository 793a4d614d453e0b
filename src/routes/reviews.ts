/**
 * Reviews: the person's final decision on a recorded one (scope review), append-only; and how often
 * the final decisions agree with the recommendations, per rule and version (scope review or audit).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref, DateString } from '../schemas/common.js'
import { Problem } from '../schemas/problem.js'
import { ReviewRequest, ReviewCreated, AgreementStats } from '../schemas/decisions.js'
import { sendProblem } from '../plugins/problems.js'
import { addReview, currentReviews } from '../records/reviews.js'
import { agreementStats } from '../records/agreement.js'
import { ByIdParams, notFound, recordsOf } from './decisions.js'

const problem = (description: string) => ref(Problem, { description })
const common = {
  401: problem('No or an invalid API key.'),
  403: problem('The API key lacks the scope.'),
  500: problem('Internal error (e.g. the decision store is unavailable).')
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/decisions/:decisionId/reviews', {
    config: { scope: 'review' },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'reviewDecision',
      tags: ['decisions'],
      summary: 'Record the person\'s final decision on a recorded decision (scope review)',
      description: 'Reviews are append-only. Once a decision has a review, a correction is a new review that names it in `replaces`.',
      params: ByIdParams,
      body: ref(ReviewRequest),
      response: {
        201: ref(ReviewCreated),
        400: problem('A body that does not match the schema.'),
        404: problem('No such decision, or this instance keeps no records.'),
        409: problem('The decision already has a current review: name it in `replaces`.'),
        422: problem('`replaces` names no review of this decision.'),
        ...common
      }
    }
  }, async (request, reply) => {
    const records = recordsOf(request, reply)
    if (records === undefined) return reply
    const { decisionId } = request.params
    const outcome = await addReview(records.repository.db, decisionId, request.client?.name as string, request.body)
    if (outcome.ok) return await reply.code(201).send({ reviewId: outcome.reviewId, decisionId, replaces: request.body.replaces ?? null })
    if (outcome.why === 'no-decision') return notFound(request, reply)
    if (outcome.why === 'unknown-review') {
      return await sendProblem(reply, { type: 'unknown-review', title: 'No such review of this decision', status: 422, detail: '`replaces` must name a review of this decision.', instance: request.url, errors: [{ pointer: '/replaces', detail: 'no such review of this decision' }] })
    }
    return await sendProblem(reply, { type: 'review-conflict', title: 'The decision has a current review', status: 409, detail: `A correction must name the current review (${String(outcome.current)}) in \`replaces\`.`, instance: request.url, errors: [{ pointer: '/replaces', detail: 'must name the current review' }] })
  })

  app.get('/v1/stats/agreement', {
    config: { scope: ['review', 'audit'] },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'agreementStats',
      tags: ['decisions'],
      summary: 'How often final decisions agree with the recommendations, per rule and version (scope review or audit)',
      description: 'Counts each reviewed decision (its current review decided between from and to, inclusive) under every rule its recommendation rests on: equal (the sanction imposed is the recommendation), inside (within the computed range) or outside.',
      querystring: Type.Object({
        from: Type.Optional({ ...DateString, description: 'First day (decidedOn), default 1970-01-01.' }),
        to: Type.Optional({ ...DateString, description: 'Last day (decidedOn), default 9999-12-31.' })
      }, { additionalProperties: false }),
      response: { 200: ref(AgreementStats), 400: problem('A bad date.'), 404: problem('This instance keeps no records.'), ...common }
    }
  }, async (request, reply) => {
    const records = recordsOf(request, reply)
    if (records === undefined) return reply
    const { from = '1970-01-01', to = '9999-12-31' } = request.query
    const reviewed = await currentReviews(records.repository.db, from, to)
    return { from, to, reviewed: reviewed.length, rules: agreementStats(reviewed) }
  })
}

export default routes
