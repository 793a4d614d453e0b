import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref } from '../schemas/common.js'
import { problem } from '../schemas/problem.js'
import { READ_RESPONSES } from './read-responses.js'
import { RuleSetList, RuleSetDetail } from '../schemas/rulesets.js'
import { describeRuleSet } from '../domain/render/describe.js'
import { sendProblem } from '../plugins/problems.js'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/rulesets', {
    config: { scope: 'evaluate', cacheable: true },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'listRuleSets',
      tags: ['rulesets'],
      summary: 'List the loaded rule sets',
      response: { 200: ref(RuleSetList), ...READ_RESPONSES }
    }
  }, async () => ({
    rulesRevision: app.rules.revision,
    ruleSets: [...app.rules.ruleSets.values()].map(({ set }) => ({
      id: set.id,
      title: set.title,
      description: set.description,
      conductType: set.conductType,
      rules: set.rules.length,
      href: `/v1/rulesets/${set.id}`
    }))
  }))

  app.get('/v1/rulesets/:id', {
    config: { scope: 'evaluate', cacheable: true },
    schema: {
      security: [{ bearerAuth: [] }],
      operationId: 'getRuleSet',
      tags: ['rulesets'],
      summary: 'One rule set: its rules, with titles and the clauses they cite',
      params: Type.Object({ id: Type.String({ maxLength: 100, description: 'Rule set id, e.g. informal-associations.' }) }),
      response: { 200: ref(RuleSetDetail), 404: problem('No rule set with this id.'), ...READ_RESPONSES }
    }
  }, async (request, reply) => {
    const loaded = app.rules.ruleSets.get(request.params.id)
    if (loaded === undefined) {
      return sendProblem(reply, { type: 'not-found', title: 'No such rule set', status: 404, detail: `No rule set '${request.params.id}'; GET /v1/rulesets lists them.`, instance: request.url })
    }
    return describeRuleSet(app.rules, loaded.set)
  })
}

export default routes
