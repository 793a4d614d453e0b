/**
 * Decision records: one by id (scope audit: with its facts; evaluate: the caller's own, without),
 * the list (paginated, newest first), and replay on the recorded and the current rules revision.
 * Reviews and agreement statistics are in reviews.ts. An instance that keeps no records (an app
 * built without a store) answers 404 records-off.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ref } from '../schemas/common.js'
import { Problem } from '../schemas/problem.js'
import { DecisionList, DecisionRecord, ReplayResult } from '../schemas/decisions.js'
import { sendProblem } from '../plugins/problems.js'
import { rebuildAnswer, replayDecision } from '../records/replay.js'

const problem = (description: string) => ref(Problem, { description })
const common = {
  401: problem('No or an invalid API key.'),
  403: problem('The API key lacks the scope.'),
  404: problem('No such decision (or not the caller\'s own), or this instance keeps no records.'),
  500: problem('Internal error (e.g. the decision store is unavailable).')
}
export const ByIdParams = Type.Object({ decisionId: Type.String({ format: 'uuid' }) })

export function recordsOf (request: FastifyRequest, reply: FastifyReply) {
  if (request.server.records !== undefined) return request.server.records
  void sendProblem(reply, { type: 'records-off', title: 'No decision records', status: 404, detail: 'This instance keeps no decision records.', instance: request.url })
  return undefined
}

export const notFound = (request: FastifyRequest, reply: FastifyReply) =>
  sendProblem(reply, { type: 'not-found', title: 'No such decision', status: 404, detail: 'No decision with this id is recorded (or it is not yours to read).', instance: request.url })

const canAudit = (request: FastifyRequest) => request.client?.scopes.includes('audit') === true

const cursorOf = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url')
function parseCursor (cursor: string): { at: string, id: string } | undefined {
  const m = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString())
  return m === null ? undefined : { at: m[1], id: m[2] }
}

/** Reading records: one by id, and the list. */
const readRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/decisions/:decisionId', {
    config: { scope: ['audit', 'evaluate'] },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'getDecision',
      tags: ['decisions'],
      summary: 'A recorded decision (scope audit: with its facts; evaluate: your own, without)',
      description: 'The record keeps the facts (encrypted), the answer\'s digest and summary; the answer is rebuilt by replaying the facts on the recorded rules revision and shown when its digest is the recorded one (reproduced).',
      params: ByIdParams,
      response: { 200: ref(DecisionRecord), 400: problem('Not a decision id.'), ...common }
    }
  }, async (request, reply) => {
    const records = recordsOf(request, reply)
    if (records === undefined) return reply
    const decision = await records.repository.getDecision(request.params.decisionId)
    if (decision === undefined) return notFound(request, reply)
    const audit = canAudit(request)
    if (!audit && decision.client !== request.client?.name) return notFound(request, reply)
    const rules = decision.rulesRevision === app.rules.revision ? app.rules : await records.archive.rulesOf(decision.rulesRevision)
    const { answer, reproduced } = await rebuildAnswer(decision, rules)
    const { facts, digest, ...rest } = decision
    return { ...rest, ...(audit ? { facts } : {}), answerDigest: digest, reproduced, ...(reproduced ? { answer } : {}) } as never
  })

  app.get('/v1/decisions', {
    config: { scope: ['audit', 'evaluate'] },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'listDecisions',
      tags: ['decisions'],
      summary: 'Recorded decisions, newest first (scope audit: everyone\'s; evaluate: your own)',
      querystring: Type.Object({
        ruleId: Type.Optional(Type.String({ minLength: 1, description: 'Only decisions that found this rule triggered.' })),
        client: Type.Optional(Type.String({ minLength: 1 })),
        from: Type.Optional(Type.String({ format: 'date-time', description: 'Evaluated at or after.' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'Evaluated before.' })),
        cursor: Type.Optional(Type.String({ description: 'The `next` of the previous page.' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Page size, default 50.' }))
      }, { additionalProperties: false }),
      response: { 200: ref(DecisionList), 400: problem('A bad filter or cursor.'), ...common }
    }
  }, async (request, reply) => {
    const records = recordsOf(request, reply)
    if (records === undefined) return reply
    const { cursor, client, limit = 50, ...filter } = request.query
    const after = cursor === undefined ? undefined : parseCursor(cursor)
    if (cursor !== undefined && after === undefined) {
      return await sendProblem(reply, { type: 'validation-failed', title: 'Bad cursor', status: 400, detail: 'cursor is not one this service gave out.', instance: request.url, errors: [{ pointer: '/querystring/cursor', detail: 'invalid' }] })
    }
    const own = canAudit(request) ? client : request.client?.name
    const items = await records.repository.listDecisions({ ...filter, limit, client: own, cursor: after })
    const last = items[limit - 1]
    return { items, next: last === undefined ? null : cursorOf(last.evaluatedAt, last.decisionId) }
  })

}

/** Replaying a record on its own rules revision and on the current one. */
const replayRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/v1/decisions/:decisionId/replay', {
    config: { scope: 'audit' },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'replayDecision',
      tags: ['decisions'],
      summary: 'Re-evaluate a recorded decision on its own rules revision and on the current one (scope audit)',
      params: ByIdParams,
      response: { 200: ref(ReplayResult), 400: problem('Not a decision id.'), ...common }
    }
  }, async (request, reply) => {
    const records = recordsOf(request, reply)
    if (records === undefined) return reply
    const decision = await records.repository.getDecision(request.params.decisionId)
    if (decision === undefined) return notFound(request, reply)
    const current = app.rules
    const recorded = decision.rulesRevision === current.revision ? current : await records.archive.rulesOf(decision.rulesRevision)
    return await replayDecision(decision, recorded, current)
  })
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(readRoutes)
  await app.register(replayRoute)
}

export default routes
