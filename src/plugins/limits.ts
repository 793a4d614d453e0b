/**
 * Limits on what a client may send and how fast: JSON nesting depth and string length (checked as
 * the body is parsed, before validation), one evaluation budget per client across every rate-limited
 * route with Retry-After (@fastify/rate-limit), a budget per address for refused (401) requests,
 * and load shedding with 503 when the event loop is saturated (@fastify/under-pressure). Body size is
 * Fastify's own bodyLimit; the number of conduct items is the facts schema's. Each limit comes from
 * the configuration. The budgets are counted in memory, one per replica, or in Redis, shared by every
 * replica, when REDIS_URL is set.
 */
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import type { Redis } from 'ioredis'
import { once } from 'node:events'
import underPressure from '@fastify/under-pressure'
import { sendProblem } from './problems.js'
import { ANONYMOUS } from './auth.js'
import { LimitError } from '../errors.js'
import type { Config } from '../config.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Spends one of the address's refused-request budget; true when it has answered 429 itself. */
    limitUnauthenticated: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>
  }
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>
type Spent = Exclude<Awaited<ReturnType<Limiter>>, { isAllowed: true }>

/** Routes that must keep answering when the service sheds load: an orchestrator's probes and the scrape. */
const NEVER_SHED = new Set(['/healthz', '/readyz', '/metrics'])

/** What a request costs: one evaluation, or one per case of a batch (at most the batch limit). */
const costOf = (body: unknown, batchLimit: number): number => {
  const cases = (body as { cases?: unknown } | null)?.cases
  return Array.isArray(cases) ? Math.min(Math.max(cases.length, 1), batchLimit) : 1
}

const rateLimited = (spent: Spent, what: string) => Object.assign(
  new Error(`Rate limit exceeded: at most ${spent.max} ${what} per ${Math.round(spent.timeWindow / 1000)} s; retry in ${spent.ttlInSeconds} s.`),
  { statusCode: 429, code: 'DR_RATE_LIMITED' })

function headers (reply: FastifyReply, spent: Spent): void {
  void reply.header('x-ratelimit-limit', spent.max).header('x-ratelimit-remaining', spent.remaining).header('x-ratelimit-reset', spent.ttlInSeconds)
  if (spent.isExceeded) void reply.header('retry-after', spent.ttlInSeconds)
}

interface Frame { v: unknown, depth: number, parent: Frame | undefined, key: string }

/** The JSON pointer of a frame, built only when a limit is exceeded. */
function pointerOf (frame: Frame): string {
  let out = ''
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent) out = `/${f.key.replace(/~/g, '~0').replace(/\//g, '~1')}${out}`
  return out
}

/** Walks a parsed body iteratively (no recursion to overflow) and refuses what exceeds the limits. */
export function checkShape (value: unknown, maxDepth: number, maxString: number): void {
  const stack: Frame[] = [{ v: value, depth: 0, parent: undefined, key: '' }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const v = frame.v
    if (typeof v === 'string') {
      if (v.length > maxString) throw new LimitError(`a string is longer than ${maxString} characters`, pointerOf(frame))
    } else if (v !== null && typeof v === 'object') {
      if (frame.depth >= maxDepth) throw new LimitError(`the body is nested deeper than ${maxDepth} levels`, pointerOf(frame))
      const obj = v as Record<string, unknown>
      for (const k in obj) {
        if (k.length > maxString) throw new LimitError(`a property name is longer than ${maxString} characters`, pointerOf(frame))
        stack.push({ v: obj[k], depth: frame.depth + 1, parent: frame, key: k })
      }
    }
  }
}

/**
 * One Redis connection for the counters of every replica (REDIS_URL). Commands fail at once while
 * disconnected (no offline queue), so a Redis outage costs no latency; ioredis reconnects by itself.
 * Start-up waits up to 2 s for the first connection and goes on without it, logged. ioredis is imported
 * only here: loading it took about a fifth of the start-up time of a replica that does not use it.
 */
async function sharedCounters (app: FastifyInstance, url: string): Promise<Redis> {
  const { Redis } = await import('ioredis')
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 })
  let down = false
  redis.on('error', (err: Error) => {
    if (!down) app.log.warn({ err: { message: err.message } }, 'rate-limit Redis unreachable: the limit is not enforced until it is back')
    down = true
  })
  redis.on('ready', () => {
    if (down) app.log.info('rate-limit Redis reachable again')
    down = false
  })
  app.addHook('onClose', async () => { redis.disconnect() })
  await Promise.race([once(redis, 'ready').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000).unref())])
  return redis
}

/**
 * Rate limits with @fastify/rate-limit's limiters (createRateLimit). The library's own per-route hooks
 * would give each route its own counter, so a client could spend its budget on single evaluations and
 * still send batches: here one limiter is the client's budget on every route whose config has
 * `rateLimit`, and a batch spends one unit per case. The library is registered in a scope of its own
 * so that its per-route hooks never apply.
 */
async function rateLimits (app: FastifyInstance, config: Config): Promise<void> {
  let spend!: Limiter
  let spendRefused!: Limiter
  const redis = config.REDIS_URL === '' ? undefined : await sharedCounters(app, config.REDIS_URL)
  await app.register(async (scope) => {
    // With Redis, an unreachable server lets requests through (skipOnError) rather than failing them:
    // the limit is a fairness guard, and the service's answers do not depend on it.
    await scope.register(rateLimit, { global: false, max: config.RATE_LIMIT_MAX, timeWindow: config.RATE_LIMIT_WINDOW_MS, redis, skipOnError: true, nameSpace: 'discipline-rules:rate:' })
    // Rate-limited routes all need a scope, so the auth hook has set the client: one budget per API
    // key, or per address in open mode. Prefixes keep a client named like an address apart from it.
    spend = scope.createRateLimit({ keyGenerator: (request) => request.client === ANONYMOUS ? `addr:${request.ip}` : `client:${request.client!.name}` })
    spendRefused = scope.createRateLimit({ keyGenerator: (request) => `addr:${request.ip}` })
  })
  const charge = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    let spent: Spent | undefined
    for (let i = costOf(request.body, config.BATCH_LIMIT); i > 0 && spent?.isExceeded !== true; i--) spent = await spend(request) as Spent
    headers(reply, spent!)
    if (spent!.isExceeded) throw rateLimited(spent!, 'evaluations per client')
  }
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit === undefined) return
    route.preHandler = [...(route.preHandler === undefined ? [] : [route.preHandler].flat()), charge]
  })
  app.decorate('limitUnauthenticated', async (request: FastifyRequest, reply: FastifyReply) => {
    const spent = await spendRefused(request) as Spent
    if (!spent.isExceeded) return false
    headers(reply, spent)
    const err = rateLimited(spent, 'refused requests per address')
    void sendProblem(reply, { type: 'rate-limited', title: 'Too many requests', status: 429, detail: err.message, instance: request.url })
    return true
  })
}

export default fp<Config>(async (app, config) => {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (err, value) => {
      if (err !== null) return done(err, undefined)
      try {
        checkShape(value, config.MAX_JSON_DEPTH, config.MAX_STRING_LENGTH)
        done(null, value)
      } catch (limit) {
        done(limit as Error, undefined)
      }
    })
  })

  await rateLimits(app, config)

  if (config.MAX_EVENT_LOOP_DELAY_MS > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS,
      retryAfter: 5,
      pressureHandler: (request, reply, type) => {
        if (NEVER_SHED.has(request.routeOptions.url as string)) return
        void reply.header('retry-after', '5')
        void sendProblem(reply, { type: 'overloaded', title: 'Service overloaded', status: 503, detail: `Shedding load (${type}); retry later.`, instance: request.url })
      }
    })
  }
}, { name: 'limits', dependencies: ['problems'] })
