/**
 * Conditional reads and CORS. The reference reads (rule sets, clauses, the facts schema, the OpenAPI
 * description) change only when the rules revision, the service version or the configuration
 * changes, so their ETag is computed from those and the path instead of hashing each body
 * (@fastify/etag would render and hash the whole clause catalog on every request only to answer 304):
 * a matching If-None-Match gets 304 before the handler runs. The routes answer in both languages at
 * once (titles carry zh and en), so Accept-Language is not part of the tag. CORS is off unless
 * CORS_ORIGINS lists origins (@fastify/cors); it exposes the headers a caller logs.
 */
import fp from 'fastify-plugin'
import { createHash } from 'node:crypto'
import type { FastifyCorsOptions } from '@fastify/cors'
import type { FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify'
import { SERVICE_VERSION } from '../version.js'
import type { Config } from '../config.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's answer depends only on the rules revision, the version and the configuration. */
    cacheable?: true
  }
  interface FastifyRequest {
    etag?: string
  }
}

/** What a browser caller may read beyond the CORS-safelisted headers. */
export const EXPOSED_HEADERS = ['x-service-version', 'x-rules-revision', 'x-request-id', 'etag', 'retry-after', 'deprecation', 'sunset', 'link',
  'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'traceresponse']

/** Authenticated reads may be kept by the caller only, and revalidated each time (a reload can come at any moment). */
const CACHE_CONTROL = { open: 'public, no-cache', authenticated: 'private, no-cache' }

/** RFC 9110 §13.1.2: If-None-Match matches on the weak comparison, or on '*'. */
export function noneMatch (header: string | undefined, tag: string): boolean {
  if (header === undefined) return false
  return header.split(',').some((t) => { const v = t.trim(); return v === '*' || v.replace(/^W\//, '') === tag })
}

/**
 * @fastify/cors's options, or undefined (CORS off) when CORS_ORIGINS is empty. app.ts registers it
 * first, so that a 401, 429 or shed 503 answered by an earlier hook still carries the CORS headers.
 */
export function corsOptions (config: Config): FastifyCorsOptions | undefined {
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o !== '')
  if (origins.length === 0) return undefined
  return {
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'accept-language', 'if-none-match', 'x-request-id', 'traceparent', 'tracestate'],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600
  }
}

export default fp<Config>(async (app, config) => {
  // The settings that shape these documents (limits appear in the schemas); never the keys.
  const { API_KEYS: _keys, API_KEYS_FILE: _file, ...shaping } = config
  const fingerprint = JSON.stringify(shaping)
  const tagOf = (request: FastifyRequest) => '"' + createHash('sha256')
    .update(`${SERVICE_VERSION}\n${app.rules.revision}\n${request.url.split('?')[0]}\n${fingerprint}`).digest('base64url').slice(0, 32) + '"'

  // Route hooks on the cacheable routes only: every other route (the evaluations above all) runs
  // neither hook. The 304 check comes before any preHandler the route already has.
  const notModified: preHandlerHookHandler = (request, reply, done) => {
    request.etag = tagOf(request)
    if (!noneMatch(request.headers['if-none-match'], request.etag)) return done()
    void reply.code(304).send()
  }
  const tagged: onSendHookHandler = (request, reply, payload, done) => {
    if (reply.statusCode === 200 || reply.statusCode === 304) {
      void reply.header('etag', request.etag).header('cache-control', request.routeOptions.config.scope === undefined ? CACHE_CONTROL.open : CACHE_CONTROL.authenticated)
    }
    done(null, payload)
  }
  app.addHook('onRoute', (route) => {
    if (route.config?.cacheable !== true) return
    route.preHandler = [notModified, route.preHandler].flat().filter((h) => h !== undefined)
    route.onSend = [route.onSend, tagged].flat().filter((h) => h !== undefined)
  })

}, { name: 'caching', dependencies: ['rules'] })
