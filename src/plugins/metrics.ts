/**
 * Prometheus metrics at GET /metrics (prom-client, one registry per app): request counts and latency
 * by route and status, rule outcomes by rule set, evaluations by classification, rules reloads and
 * failures, and the rules revision in use. Labels never carry fact values.
 */
import fp from 'fastify-plugin'
import { Registry, Counter, Histogram, Gauge, collectDefaultMetrics } from 'prom-client'

export interface Metrics {
  registry: Registry
  ruleOutcomes: Counter<'rule_set' | 'outcome'>
  evaluations: Counter<'status'>
  reloads: Counter<'result'>
  revision: Gauge<'revision'>
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

export default fp(async (app) => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests by method, route and status.', labelNames: ['method', 'route', 'status'] as const, registers: [registry] })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry]
  })
  const metrics: Metrics = {
    registry,
    ruleOutcomes: new Counter({ name: 'rule_outcomes_total', help: 'Rule results by rule set and outcome (triggered, undetermined, not-triggered, or a finding status).', labelNames: ['rule_set', 'outcome'] as const, registers: [registry] }),
    evaluations: new Counter({ name: 'evaluations_total', help: 'Evaluations by classification status.', labelNames: ['status'] as const, registers: [registry] }),
    reloads: new Counter({ name: 'rules_reloads_total', help: 'Rules reloads by result (success, failure).', labelNames: ['result'] as const, registers: [registry] }),
    revision: new Gauge({ name: 'rules_revision_info', help: 'The rules revision in use (value 1).', labelNames: ['revision'] as const, registers: [registry] })
  }
  app.decorate('metrics', metrics)
  // A callback hook (an async one costs a promise per request). The latency is Fastify's own clock
  // (reply.elapsedTime, from the moment the request arrived), so responses that a hook answers before
  // any other hook runs (401, 403, 429, a shed 503, a bad URL) are measured too.
  app.addHook('onResponse', (request, reply, done) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }
    requests.inc(labels)
    duration.observe(labels, reply.elapsedTime / 1000)
    done()
  })
  app.get('/metrics', {
    schema: { operationId: 'metrics', tags: ['operations'], summary: 'Prometheus metrics (keep it inside the cluster)', produces: ['text/plain'] }
  }, async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()))
}, { name: 'metrics' })
