import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref } from '../schemas/common.js'
import { problem } from '../schemas/problem.js'
import { READ_RESPONSES } from './read-responses.js'
import { ClauseList, ClauseView } from '../schemas/clauses.js'
import { clauseView } from '../domain/rules/clauses-view.js'
import { factsJsonSchema } from '../domain/rules/facts-schema.js'
import { sendProblem } from '../plugins/problems.js'

/** The catalog of provisions and the facts schema: what an integrator or reviewer reads alongside answers. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/clauses', {
    config: { scope: 'evaluate', cacheable: true },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'listClauses',
      tags: ['rulesets'],
      summary: 'The clause catalog: every provision cited, with its versions, in-force dates, summaries, tiers, sources and unconfirmed flags',
      response: { 200: ref(ClauseList), ...READ_RESPONSES }
    }
  }, async () => ({
    rulesRevision: app.rules.revision,
    clauses: [...app.rules.catalog.clauses.values()].map((c) => clauseView(app.rules.catalog, c))
  }))

  app.get('/v1/clauses/:id', {
    config: { scope: 'evaluate', cacheable: true },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'getClause',
      tags: ['rulesets'],
      summary: 'One provision of the catalog',
      params: Type.Object({ id: Type.String({ maxLength: 100, description: 'Clause id, e.g. ccp.association.' }) }),
      response: { 200: ref(ClauseView), 404: problem('No clause with this id.'), ...READ_RESPONSES }
    }
  }, async (request, reply) => {
    const clause = app.rules.catalog.clauses.get(request.params.id)
    if (clause === undefined) {
      return sendProblem(reply, { type: 'not-found', title: 'No such clause', status: 404, detail: `No clause '${request.params.id}'; GET /v1/clauses lists them.`, instance: request.url })
    }
    return clauseView(app.rules.catalog, clause)
  })

  const factsSchema = JSON.stringify(factsJsonSchema())
  app.get('/v1/schema/facts', {
    config: { scope: 'evaluate', cacheable: true },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'getFactsSchema',
      tags: ['rulesets'],
      summary: 'The facts vocabulary as a standalone JSON Schema (draft 2020-12)',
      response: { 200: Type.Object({}, { additionalProperties: true, description: 'A JSON Schema document.' }), ...READ_RESPONSES }
    }
  }, async (_request, reply) => reply.type('application/schema+json').send(factsSchema))
}

export default routes
