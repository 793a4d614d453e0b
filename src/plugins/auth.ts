/**
 * Bearer-key authentication and scopes. A route says which scope it needs in `config.scope`; routes
 * without one (health, readiness, metrics, docs) stay open. In open mode (local use only, said in
 * the log at start-up) every request acts as the client 'anonymous' with every scope.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { findKey, SCOPES, type ApiKey, type Scope } from '../domain/keys.js'
import { sendProblem } from './problems.js'
import { KeysError } from '../errors.js'

/** What a key reload did: how many clients now have keys ('static' when there is no source to re-read). */
export interface KeysReloadResult { status: 'reloaded' | 'static', clients: number }

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Reads the key sources again and checks them aside; throws KeysError (nothing changed) or returns
     * the swap, to be called once everything else of the reload has succeeded.
     */
    prepareKeys: () => () => KeysReloadResult
  }
  interface FastifyRequest {
    client?: { name: string, scopes: readonly Scope[] }
  }
  interface FastifyContextConfig {
    /** The scope the route needs, or a list of scopes any one of which will do. */
    scope?: Scope | readonly Scope[]
  }
}

/** Keys, and how to read their sources again on a reload (server.ts: API_KEYS and API_KEYS_FILE). */
export type AuthOptions = { mode: 'keys', keys: ApiKey[], read?: () => ApiKey[] } | { mode: 'open' }

/** The client of every request in open mode. */
export const ANONYMOUS = { name: 'anonymous', scopes: SCOPES }

export default fp<AuthOptions>(async (app, opts) => {
  app.decorateRequest('client', undefined)
  // The keys in use: replaced in one assignment by a reload whose new keys all parsed, never in part.
  let keys = opts.mode === 'keys' ? opts.keys : []
  app.decorate('prepareKeys', () => {
    if (opts.mode === 'open' || opts.read === undefined) return () => ({ status: 'static' as const, clients: keys.length })
    const next = opts.read()
    if (next.length === 0) throw new KeysError('the key sources hold no key: every client would be refused')
    return () => {
      keys = next
      return { status: 'reloaded' as const, clients: next.length }
    }
  })
  // A callback hook (an async one costs a promise per request); it answers 401/403 (or 429) itself,
  // and then does not call done.
  app.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    const scope = request.routeOptions.config.scope
    if (scope === undefined) return done()
    if (opts.mode === 'open') {
      request.client = ANONYMOUS
      return done()
    }
    const header = request.headers.authorization
    const token = header === undefined ? undefined : /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1]
    const key = token === undefined ? undefined : findKey(keys, token)
    if (key === undefined) {
      // Refused requests spend a budget per address, so that guessing keys or flooding 401s is bounded too.
      app.limitUnauthenticated(request, reply).then((answered) => {
        if (answered) return
        void reply.header('www-authenticate', 'Bearer realm="discipline-rules"')
        void sendProblem(reply, {
          type: 'unauthorized',
          title: 'Authentication required',
          status: 401,
          detail: header === undefined ? 'Send an API key as Authorization: Bearer <key>.' : 'The API key is not valid.',
          instance: request.url
        })
      }, done)
      return
    }
    request.client = { name: key.client, scopes: key.scopes }
    const anyOf: readonly Scope[] = typeof scope === 'string' ? [scope] : scope
    if (!anyOf.some((s) => key.scopes.includes(s))) {
      void sendProblem(reply, { type: 'forbidden', title: 'Not allowed', status: 403, detail: `This key lacks the scope '${anyOf.join("' or '")}'.`, instance: request.url })
      return
    }
    done()
  })
}, { name: 'auth', dependencies: ['problems', 'limits'] })
