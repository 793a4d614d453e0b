/**
 * Draining on shutdown. From `app.drain()` (server.ts calls it on SIGTERM/SIGINT, before app.close())
 * or the start of app.close(), every response carries `Connection: close`, so that a keep-alive
 * client opens its next connection elsewhere instead of sending on one that is about to go, and a
 * request that still arrives gets a 503 problem (with Retry-After) rather than a reset. Requests
 * already in flight finish normally. Fastify's own closing answer (return503OnClosing) is plain JSON,
 * so it is turned off in app.ts.
 */
import fp from 'fastify-plugin'
import { sendProblem } from './problems.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Starts draining: from now on every answer closes its connection, and new requests get 503. */
    drain: () => void
  }
}

export default fp(async (app) => {
  let draining = false
  app.decorate('drain', () => { draining = true })
  app.addHook('preClose', (done) => {
    draining = true
    done()
  })
  app.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done()
    void reply.header('connection', 'close').header('retry-after', '1')
    void sendProblem(reply, { type: 'shutting-down', title: 'The service is shutting down', status: 503, detail: 'This replica is draining; retry the request (on another replica).', instance: request.url })
  })
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close')
    done(null, payload)
  })
}, { name: 'draining', dependencies: ['problems'] })
