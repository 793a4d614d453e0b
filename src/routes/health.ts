import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ref } from '../schemas/common.js'
import { Health, Readiness } from '../schemas/rulesets.js'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    schema: { operationId: 'health', tags: ['operations'], summary: 'Liveness: the process answers', response: { 200: ref(Health) } }
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    schema: { operationId: 'ready', tags: ['operations'], summary: 'Readiness: rules loaded, with the revision in use', response: { 200: ref(Readiness) } }
  }, async () => ({
    status: 'ready' as const,
    rulesRevision: app.rules.revision,
    loadedAt: app.rules.loadedAt,
    ruleSets: [...app.rules.ruleSets.keys()]
  }))

  app.get('/openapi.yaml', {
    config: { cacheable: true },
    schema: { operationId: 'openapi', tags: ['operations'], summary: 'This API\'s OpenAPI 3.1 description', produces: ['application/yaml'] }
  }, async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(app.swagger({ yaml: true })))
}

export default routes
