/**
 * buildApp returns a Fastify instance that is not listening: tests inject into it, server.ts
 * listens. Plugins are registered in order: infrastructure, services, routes.
 */
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import problems from './plugins/problems.js'
import openapi from './plugins/openapi.js'
import rulesPlugin from './plugins/rules.js'
import { validatorCompiler } from './plugins/validation.js'
import evaluationRoutes from './routes/evaluations.js'
import rulesetRoutes from './routes/rulesets.js'
import healthRoutes from './routes/health.js'
import referenceRoutes from './routes/reference.js'
import docs from './plugins/docs.js'
import type { LoadedRules } from './domain/load.js'
import { BUNDLED_RULES_DIR } from './paths.js'

export interface AppOptions {
  rulesDir?: string
  rules?: LoadedRules
  logger?: FastifyServerOptions['logger']
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number
  /** Most cases in one batch request. */
  batchLimit?: number
  /** Largest accepted batch request body, in bytes. */
  batchBodyLimit?: number
}

export const DEFAULT_BODY_LIMIT = 256 * 1024
export const DEFAULT_BATCH_LIMIT = 100
export const DEFAULT_BATCH_BODY_LIMIT = 4 * 1024 * 1024

export function buildApp (options: AppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID()
    },
    requestIdHeader: false
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  // The API speaks JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id) })

  app.register(problems)
  app.register(openapi)
  app.register(rulesPlugin, { rulesDir: options.rulesDir ?? BUNDLED_RULES_DIR, rules: options.rules })
  app.register(docs)
  app.register(evaluationRoutes, { batchLimit: options.batchLimit ?? DEFAULT_BATCH_LIMIT, batchBodyLimit: options.batchBodyLimit ?? DEFAULT_BATCH_BODY_LIMIT })
  app.register(rulesetRoutes)
  app.register(referenceRoutes)
  app.register(healthRoutes)
  return app
}

export type App = ReturnType<typeof buildApp>
