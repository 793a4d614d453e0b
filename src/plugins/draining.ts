/**
 * Draining on shutdown. From the moment app.close() begins (SIGTERM, SIGINT), every response carries
 * `Connection: close`, so that a keep-alive client opens its next connection elsewhere instead of
 * sending on one that is about to go; a request that still arrives on an open connection gets a 503
 * problem (with Retry-After) rather than a reset. Requests already in flight finish normally.
 * Fastify's own closing answer (return503OnClosing) is plain JSON, so it is turned off in app.ts.
 */
import fp from 'fastify-plugin'
import { sendProblem } from './problems.js'

export default fp(async (app) => {
  let draining = false
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
