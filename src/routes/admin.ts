import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref } from '../schemas/common.js'
import { Problem } from '../schemas/problem.js'
import { RulesLoadError } from '../errors.js'
import { sendProblem } from '../plugins/problems.js'

const ReloadResult = Type.Object({
  status: Type.Union([Type.Literal('reloaded'), Type.Literal('unchanged')]),
  rulesRevision: Type.String(),
  previousRevision: Type.String(),
  loadedAt: Type.String({ format: 'date-time' })
}, { additionalProperties: false })

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/admin/reload', {
    config: { scope: 'admin', rateLimit: {} },
    schema: {
      operationId: 'reloadRules',
      tags: ['operations'],
      summary: 'Reload the rules directory without a restart (scope admin)',
      description: 'Loads and checks the rules aside, then swaps them in atomically. A rules directory that fails its checks is rejected with the reason (422) and the previous rules keep serving. SIGHUP does the same.',
      security: [{ bearerAuth: [] }],
      response: {
        200: ReloadResult,
        401: ref(Problem),
        403: ref(Problem),
        422: ref(Problem, { description: 'The new rules failed their checks; nothing changed.' }),
        429: ref(Problem)
      }
    }
  }, async (request, reply) => {
    try {
      return await app.reloadRules()
    } catch (err) {
      if (!(err instanceof RulesLoadError)) throw err
      return sendProblem(reply, {
        type: 'rules-rejected',
        title: 'The new rules failed their checks; the previous rules keep serving',
        status: 422,
        detail: `${err.problems.length} problem(s); still serving ${app.rules.revision}.`,
        instance: request.url,
        errors: err.problems.map((p) => ({ pointer: `${p.file}#${p.pointer}`, detail: p.message }))
      })
    }
  })
}

export default routes
