/**
 * buildApp returns a Fastify instance that is not listening: tests inject into it, server.ts
 * listens. It takes the parsed configuration (src/config.ts, the one place where settings and
 * limits are declared); whatever a caller leaves out has the schema's default. Plugins are
 * registered in order: infrastructure, services, routes.
 */
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import problems, { frameworkErrors, clientErrorHandler } from './plugins/problems.js'
import auth, { type AuthOptions } from './plugins/auth.js'
import limits from './plugins/limits.js'
import metrics from './plugins/metrics.js'
import openapi from './plugins/openapi.js'
import rulesPlugin from './plugins/rules.js'
import docs from './plugins/docs.js'
import reload from './plugins/reload.js'
import draining from './plugins/draining.js'
import cors from '@fastify/cors'
import caching, { corsOptions } from './plugins/caching.js'
import { SERVICE_VERSION } from './version.js'
import validation, { sharedSerializers } from './plugins/validation.js'
import tracing from './plugins/tracing.js'
import evaluationRoutes from './routes/evaluations.js'
import rulesetRoutes from './routes/rulesets.js'
import referenceRoutes from './routes/reference.js'
import adminRoutes from './routes/admin.js'
import impactRoutes from './routes/impact.js'
import healthRoutes from './routes/health.js'
import recordsPlugin, { type RecordsPluginOptions } from './plugins/records.js'
import decisionRoutes from './routes/decisions.js'
import reviewRoutes from './routes/reviews.js'
import type { LoadedRules } from './domain/rules/load.js'
import { DEFAULT_CONFIG, type Config } from './config.js'
import { sharedSchemas } from './schemas/registry.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The configuration the app was built with. */
    config: Readonly<Config>
  }
}

export interface AppOptions {
  /** The parsed configuration; a test passes only what it changes. */
  config?: Partial<Config>
  /** Already loaded rules (tests pass fixtures); reload then reads config.RULES_DIR. */
  rules?: LoadedRules
  logger?: FastifyServerOptions['logger']
  /** Authentication: API keys, or open (local use). Default: open, for tests and embedding. */
  auth?: AuthOptions
  /** Decision records (src/plugins/records.ts): without them, evaluations are not recorded and /v1/decisions answers 404. */
  records?: RecordsPluginOptions
}

export function buildApp (options: AppOptions = {}) {
  const config: Config = { ...DEFAULT_CONFIG, ...options.config }
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : crypto.randomUUID()
    },
    requestIdHeader: false,
    // Errors met before a route runs (a bad URL, malformed HTTP) are problem+json too (plugins/problems.ts);
    // requests that arrive while draining get the service's own 503 (plugins/draining.ts).
    // (Fastify runs no onSend hook for these answers, so they are stamped here.)
    frameworkErrors: (err, request, reply) => { stamp(request, reply); frameworkErrors(err, request, reply) },
    clientErrorHandler,
    return503OnClosing: false,
    schemaController: { compilersFactory: { buildSerializer: sharedSerializers } }
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.decorate('config', config)
  // The API speaks JSON only: a text/plain body is refused with 415 rather than parsed as a string.
  app.removeContentTypeParser('text/plain')
  // Which request, which service and which rules answered (docs/api-versioning.md), on every answer,
  // problems too. A route that read the rules once (an evaluation, a batch) has named its revision.
  function stamp (request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('x-request-id', request.id).header('x-service-version', SERVICE_VERSION)
    if (!reply.hasHeader('x-rules-revision')) void reply.header('x-rules-revision', app.rules.revision)
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    stamp(request, reply)
    done(null, payload)
  })

  // First, so that its span and log ids cover every request, from the very first hook.
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT !== '') app.register(tracing, { endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT })
  const schemas = sharedSchemas(config)
  app.register(validation, { schemas })
  app.register(problems)
  const corsSettings = corsOptions(config)
  if (corsSettings !== undefined) app.register(cors, corsSettings)
  app.register(metrics)
  app.register(draining)
  app.register(limits, config)
  app.register(auth, options.auth ?? { mode: 'open' })
  app.register(openapi, { schemas })
  app.register(rulesPlugin, { rulesDir: config.RULES_DIR, rules: options.rules, limits: { maxFileBytes: config.RULES_MAX_FILE_BYTES }, timeoutMs: config.RULES_RELOAD_TIMEOUT_MS })
  app.register(reload)
  app.register(caching, config)
  if (options.records !== undefined) app.register(recordsPlugin, options.records)
  app.register(docs)
  app.register(evaluationRoutes, { batchLimit: config.BATCH_LIMIT, batchBodyLimit: config.BATCH_BODY_LIMIT })
  app.register(rulesetRoutes)
  app.register(referenceRoutes)
  app.register(adminRoutes)
  app.register(impactRoutes)
  app.register(healthRoutes)
  app.register(decisionRoutes)
  app.register(reviewRoutes)
  return app
}

export type App = ReturnType<typeof buildApp>
