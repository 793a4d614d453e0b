/**
 * buildApp returns a Fastify instance that is not listening: tests inject into it, server.ts
 * listens. Plugins are registered in order: infrastructure, services, routes.
 */
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import problems from './plugins/problems.js'
import auth, { type AuthOptions } from './plugins/auth.js'
import limits from './plugins/limits.js'
import metrics from './plugins/metrics.js'
import openapi from './plugins/openapi.js'
import rulesPlugin from './plugins/rules.js'
import docs from './plugins/docs.js'
import { validatorCompiler } from './plugins/validation.js'
import evaluationRoutes from './routes/evaluations.js'
import rulesetRoutes from './routes/rulesets.js'
import referenceRoutes from './routes/reference.js'
import adminRoutes from './routes/admin.js'
import healthRoutes from './routes/health.js'
import recordsPlugin, { type RecordsPluginOptions } from './plugins/records.js'
import decisionRoutes from './routes/decisions.js'
import reviewRoutes from './routes/reviews.js'
import type { LoadedRules, Evaluator } from './domain/rules/load.js'
import { BUNDLED_RULES_DIR } from './paths.js'

export const DEFAULTS = {
  bodyLimit: 256 * 1024,
  batchLimit: 100,
  batchBodyLimit: 4 * 1024 * 1024,
  maxConductItems: 50,
  maxJsonDepth: 32,
  maxStringLength: 2000,
  rateLimitMax: 600,
  rateLimitWindowMs: 60_000,
  maxEventLoopDelayMs: 1000
}

export interface AppOptions {
  rulesDir?: string
  rules?: LoadedRules
  /** compiled (default) or json-rules-engine, the engine of record: both give the same answers. */
  evaluator?: Evaluator
  logger?: FastifyServerOptions['logger']
  /** Authentication: API keys, or open (local use). Default: open, for tests and embedding. */
  auth?: AuthOptions
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number
  /** Most cases in one batch request. */
  batchLimit?: number
  /** Largest accepted batch request body, in bytes. */
  batchBodyLimit?: number
  maxConductItems?: number
  maxJsonDepth?: number
  maxStringLength?: number
  /** Requests per client per window on the evaluation and admin routes. */
  rateLimitMax?: number
  rateLimitWindowMs?: number
  /** Event-loop delay in ms above which requests are shed with 503; 0 turns it off. */
  maxEventLoopDelayMs?: number
  /** Decision records (src/plugins/records.ts): without them, evaluations are not recorded and /v1/decisions answers 404. */
  records?: RecordsPluginOptions
}

export function buildApp (options: AppOptions = {}) {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & AppOptions
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: o.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID()
    },
    requestIdHeader: false
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  // The API speaks JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain')
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id)
    done(null, payload)
  })

  app.register(problems)
  app.register(auth, o.auth ?? { mode: 'open' })
  app.register(limits, {
    maxJsonDepth: o.maxJsonDepth,
    maxStringLength: o.maxStringLength,
    rateLimit: { max: o.rateLimitMax, timeWindowMs: o.rateLimitWindowMs },
    maxEventLoopDelayMs: o.maxEventLoopDelayMs
  })
  app.register(metrics)
  app.register(openapi)
  app.register(rulesPlugin, { rulesDir: o.rulesDir ?? BUNDLED_RULES_DIR, rules: o.rules, evaluator: o.evaluator })
  if (o.records !== undefined) app.register(recordsPlugin, o.records)
  app.register(docs)
  app.register(evaluationRoutes, { maxConductItems: o.maxConductItems, batchLimit: o.batchLimit, batchBodyLimit: o.batchBodyLimit })
  app.register(rulesetRoutes)
  app.register(referenceRoutes)
  app.register(adminRoutes)
  app.register(healthRoutes)
  app.register(decisionRoutes)
  app.register(reviewRoutes)
  return app
}

export type App = ReturnType<typeof buildApp>
