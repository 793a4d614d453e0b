/**
 * Limits on what a client may send and how fast: JSON nesting depth and string length (checked as
 * the body is parsed, before validation), a per-client rate limit with Retry-After
 * (@fastify/rate-limit), and load shedding with 503 when the event loop is saturated
 * (@fastify/under-pressure). Body size is Fastify's own bodyLimit; the number of conduct items is
 * checked by the evaluation routes. Each limit comes from the configuration.
 */
import fp from 'fastify-plugin'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import { sendProblem } from './problems.js'
import { ANONYMOUS } from './auth.js'
import { LimitError } from '../errors.js'

export interface LimitsOptions {
  maxJsonDepth: number
  maxStringLength: number
  rateLimit: { max: number, timeWindowMs: number }
  /** Event-loop delay (ms) above which requests are shed with 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number
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

export default fp<LimitsOptions>(async (app, opts) => {
  const parse = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (err, value) => {
      if (err !== null) return done(err, undefined)
      try {
        checkShape(value, opts.maxJsonDepth, opts.maxStringLength)
        done(null, value)
      } catch (limit) {
        done(limit as Error, undefined)
      }
    })
  })

  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    max: opts.rateLimit.max,
    timeWindow: opts.rateLimit.timeWindowMs,
    // Rate-limited routes all need a scope, so the auth hook has set the client: one bucket per API key,
    // or per address in open mode.
    keyGenerator: (request) => request.client === ANONYMOUS ? request.ip : request.client!.name,
    errorResponseBuilder: (_request, context) => Object.assign(new Error(`Rate limit exceeded: at most ${context.max} requests per ${Math.round(context.ttl / 1000)} s for this client; retry in ${context.after}.`), {
      statusCode: context.statusCode,
      code: 'DR_RATE_LIMITED'
    })
  })

  if (opts.maxEventLoopDelayMs > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: opts.maxEventLoopDelayMs,
      retryAfter: 5,
      pressureHandler: (request, reply, type) => {
        // Health and readiness keep answering so that an orchestrator does not kill a busy replica.
        if (request.url === '/healthz' || request.url === '/readyz') return
        void reply.header('retry-after', '5')
        void sendProblem(reply, { type: 'overloaded', title: 'Service overloaded', status: 503, detail: `Shedding load (${type}); retry later.`, instance: request.url })
      }
    })
  }
}, { name: 'limits', dependencies: ['problems', 'auth'] })
