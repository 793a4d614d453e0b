import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref } from '../schemas/common.js'
import { Problem } from '../schemas/problem.js'
import { KeysError, RulesLoadError } from '../errors.js'
import { sendProblem } from '../plugins/problems.js'

const ReloadResult = Type.Object({
  status: Type.Union([Type.Literal('reloaded'), Type.Literal('unchanged')]),
  rulesRevision: Type.String(),
  previousRevision: Type.String(),
  loadedAt: Type.String({ format: 'date-time' }),
  keys: Type.Object({
    status: Type.Union([Type.Literal('reloaded'), Type.Literal('static')], { description: 'reloaded: API_KEYS and API_KEYS_FILE were read again; static: no keys to re-read (running open).' }),
    clients: Type.Integer({ minimum: 0, description: 'How many clients have a key now.' })
  }, { additionalProperties: false })
}, { additionalProperties: false })

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/admin/reload', {
    config: { scope: 'admin', rateLimit: {} },
    schema: {
      operationId: 'reloadRules',
      tags: ['operations'],
      summary: 'Reload the rules directory and the API keys without a restart (scope admin)',
      description: 'Reads API_KEYS / API_KEYS_FILE and the rules again, checks both aside, then swaps them in: all or nothing. A keys file or a rules directory that fails its checks is rejected with the reason (422), and the previous keys and rules keep serving. SIGHUP does the same.',
      security: [{ bearerAuth: [] }],
      response: {
        200: ReloadResult,
        401: ref(Problem),
        403: ref(Problem),
        422: ref(Problem, { description: 'The new keys or the new rules failed their checks; nothing changed.' }),
        429: ref(Problem)
      }
    }
  }, async (request, reply) => {
    try {
      return await app.reload()
    } catch (err) {
      if (err instanceof KeysError) {
        return sendProblem(reply, {
          type: 'keys-rejected',
          title: 'The new API keys failed their checks; the previous keys and rules keep serving',
          status: 422,
          detail: err.message,
          instance: request.url
        })
      }
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
