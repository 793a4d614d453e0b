import t from 'tap'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../../src/paths.js'
import { buildApp } from '../helpers/app.js'
import { outcomeAttributes } from '../../src/plugins/tracing.js'
import { referenceCase } from '../helpers/cases.js'

/** A span as OTLP/JSON writes it (ids in hex, attributes as key/value pairs). */
interface OtlpSpan { traceId: string, spanId: string, parentSpanId?: string, traceState?: string, name: string, kind: number, status?: { code?: number }, attributes: Array<{ key: string, value: Record<string, unknown> }> }

/** A real OTLP/HTTP receiver on a free loopback port: it decodes every export it is sent (http/json). */
async function receiver (t: { teardown: (fn: () => Promise<void>) => void }) {
  const spans: OtlpSpan[] = []
  const posts: Array<{ url?: string, type?: string }> = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (d: string) => { body += d }).on('end', () => {
      posts.push({ url: req.url, type: req.headers['content-type'] })
      const doc = JSON.parse(body) as { resourceSpans: Array<{ resource: unknown, scopeSpans: Array<{ spans: OtlpSpan[] }> }> }
      for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, posts }
}

const attrs = (span: OtlpSpan) => Object.fromEntries(span.attributes.map((a) => [a.key, Object.values(a.value)[0]]))

/** Every string and number a request's facts hold, at any depth. */
function leaves (value: unknown, out: Array<string | number> = []): Array<string | number> {
  if (typeof value === 'string' || typeof value === 'number') out.push(value)
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out)
  return out
}

// Every app here has load shedding off: a busy shared machine must not turn these answers into 503s.
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736'
const PARENT_ID = '00f067aa0ba902b7'
const ALLOWED = ['http.request.method', 'http.route', 'http.response.status_code', 'discipline.request_id', 'discipline.rules_revision',
  'discipline.classification.status', 'discipline.triggered.count', 'discipline.undetermined.count', 'discipline.findings.count',
  'discipline.batch.cases', 'discipline.problem.type']

t.test('with OTEL_EXPORTER_OTLP_ENDPOINT: a span per request, child of the caller\'s traceparent, exported over OTLP on close', async (t) => {
  const otlp = await receiver(t)
  const lines: Array<Record<string, unknown>> = []
  const app = buildApp({ config: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url + '/', MAX_EVENT_LOOP_DELAY_MS: 0 }, logger: { level: 'info', stream: { write: (l: string) => { lines.push(JSON.parse(l)) } } } })
  await app.ready()
  const request = referenceCase().request
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: request, headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01`, tracestate: 'caller=abc' } })
  t.equal(res.statusCode, 200)
  const traceresponse = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(res.headers.traceresponse))
  t.equal(traceresponse?.[1], TRACE_ID, 'the answer names the caller\'s trace in traceresponse')
  const bad = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { facts: { conduct: 'secret-value-xyz' } } })
  t.equal(bad.statusCode, 400)
  const batch = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [request, request] } })
  t.equal(batch.statusCode, 200)
  t.equal(otlp.spans.length, 0, 'spans are sent in batches, not one request each')
  await app.close()

  t.same(otlp.posts.map((p) => p.url), ['/v1/traces'], 'closing the app flushed one batch to <endpoint>/v1/traces')
  t.match(otlp.posts[0].type, /^application\/json/, 'OTLP http/json')
  const span = otlp.spans.find((s) => s.traceId === TRACE_ID)
  if (span === undefined) return t.fail('no span of the caller\'s trace')
  t.equal(span.parentSpanId, PARENT_ID, 'the caller\'s span is the parent')
  t.equal(span.spanId, traceresponse?.[2], 'traceresponse names the service\'s span')
  t.equal(span.traceState, 'caller=abc', 'tracestate is carried along')
  t.equal(span.name, 'POST /v1/evaluations')
  t.equal(span.kind, 2, 'a SERVER span')
  t.same(attrs(span), {
    'http.request.method': 'POST',
    'http.route': '/v1/evaluations',
    'http.response.status_code': 200,
    'discipline.request_id': res.headers['x-request-id'],
    'discipline.rules_revision': res.headers['x-rules-revision'],
    'discipline.classification.status': 'sanction-proposed',
    'discipline.triggered.count': 1,
    'discipline.undetermined.count': 0,
    'discipline.findings.count': 0
  })

  const others = otlp.spans.filter((s) => s !== span)
  t.equal(others.length, 2)
  t.ok(others.every((s) => s.traceId !== TRACE_ID && s.parentSpanId === undefined), 'without traceparent a request starts its own trace')
  t.match(attrs(others.find((s) => s.name === 'POST /v1/evaluations')!), { 'http.response.status_code': 400, 'discipline.problem.type': 'validation-failed' })
  t.match(attrs(others.find((s) => s.name === 'POST /v1/evaluations/batch')!), { 'http.response.status_code': 200, 'discipline.batch.cases': 2 })

  const facts = new Set(leaves(request.facts).filter((v) => typeof v === 'string').concat('secret-value-xyz'))
  for (const s of otlp.spans) {
    t.same(Object.keys(attrs(s)).filter((k) => !ALLOWED.includes(k)), [], `${s.name}: only route, status, revision and outcome codes`)
    const values = Object.values(attrs(s)).map(String)
    t.same(values.filter((v) => [...facts].some((f) => v.includes(String(f)))), [], `${s.name}: no fact value in any attribute`)
  }

  const mine = lines.filter((l) => l.reqId === res.headers['x-request-id'])
  t.ok(mine.length >= 3, 'incoming request, the decision line, request completed')
  t.ok(mine.every((l) => l.trace_id === TRACE_ID && l.span_id === span.spanId), 'every log line of the request carries trace_id and span_id')
})

t.test('a 404 and a refused body are traced too; a 5xx span has the error status; a malformed traceparent is ignored', async (t) => {
  const otlp = await receiver(t)
  const app = buildApp({ config: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, MAX_EVENT_LOOP_DELAY_MS: 0 } })
  // In a plugin, as every route of the app is: registered after the tracing plugin has started.
  app.register(async (scope) => { scope.get('/boom', async () => { throw new Error('boom') }) })
  await app.ready()
  t.equal((await app.inject({ method: 'GET', url: '/nowhere' })).statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: 'x', headers: { 'content-type': 'text/plain' } })).statusCode, 415)
  t.equal((await app.inject({ method: 'GET', url: '/boom' })).statusCode, 500)
  const malformed = await app.inject({ method: 'GET', url: '/healthz', headers: { traceparent: `00-${TRACE_ID}-not-a-span-01` } })
  await app.close()
  const health = otlp.spans.find((s) => s.name === 'GET /healthz')
  t.ok(health !== undefined && health.traceId !== TRACE_ID && health.parentSpanId === undefined, 'a malformed traceparent starts a new trace')
  t.equal(String(malformed.headers.traceresponse).split('-')[1], health?.traceId)
  const byStatus = Object.fromEntries(otlp.spans.map((s) => [attrs(s)['http.response.status_code'], s]))
  t.equal(byStatus[404].name, 'GET', 'no route: the span is named by the method only')
  t.equal(attrs(byStatus[404])['discipline.problem.type'], 'not-found')
  t.match(byStatus[415], { name: 'POST /v1/evaluations' })
  t.equal(attrs(byStatus[415])['discipline.problem.type'], 'unsupported-media-type')
  t.equal(byStatus[500].status?.code, 2, 'a 5xx is an error span')
})

t.test('without OTEL_EXPORTER_OTLP_ENDPOINT nothing is traced or sent', async (t) => {
  const otlp = await receiver(t)
  // The exporter would read this variable by itself: it must not matter, since no SDK is started.
  const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = otlp.url
  t.teardown(() => { if (saved === undefined) delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT; else process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved })
  const lines: Array<Record<string, unknown>> = []
  const app = buildApp({ config: { MAX_EVENT_LOOP_DELAY_MS: 0 }, logger: { level: 'info', stream: { write: (l: string) => { lines.push(JSON.parse(l)) } } } })
  await app.ready()
  t.notOk(app.hasPlugin('tracing'), 'the tracing plugin is not registered')
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request, headers: { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` } })
  t.equal(res.statusCode, 200)
  t.notOk(res.headers.traceresponse)
  await app.close()
  t.ok(lines.length > 0 && lines.every((l) => l.trace_id === undefined), 'no trace ids in the log')
  t.same(otlp.posts, [], 'the receiver got nothing')
})

/** The address of a collector that is down: a loopback port nothing listens on any more. */
async function downCollector (): Promise<string> {
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}

t.test('a collector that is down costs spans, never a request nor the shutdown', async (t) => {
  const lines: Array<Record<string, unknown>> = []
  const app = buildApp({ config: { OTEL_EXPORTER_OTLP_ENDPOINT: await downCollector(), MAX_EVENT_LOOP_DELAY_MS: 0 }, logger: { level: 'info', stream: { write: (l: string) => { lines.push(JSON.parse(l)) } } } })
  await app.ready()
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request })).statusCode, 200)
  await t.resolves(app.close(), 'closing succeeds')
  // The exporter would retry for about 8 s; the shutdown stops waiting after 2 s (and says so).
  t.match(lines.filter((l) => l.level === 40).map((l) => l.msg), [/^tracing: the last spans were not sent \(no answer within 2000 ms\)$/], 'one warning says so')
})

t.test('without the variable no OpenTelemetry module is even imported', async (t) => {
  // A child process, so that modules other tests imported do not count; it prints each one imported.
  // (Tap's TypeScript loader, not its coverage hook: the child's coverage is not this test's.)
  const loaders = process.execArgv.filter((a) => !a.includes('processinfo'))
  const child = spawnSync(process.execPath, [...loaders, join(PACKAGE_ROOT, 'test', 'helpers', 'opentelemetry-loads.mjs'), ''], { encoding: 'utf8' })
  t.equal(child.status, 0, child.stderr)
  t.equal(child.stdout, '', 'none without the endpoint')
  const sees = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'test', 'helpers', 'opentelemetry-loads.mjs'), '--only-api'], { encoding: 'utf8' })
  t.match(sees.stdout, /loaded .*@opentelemetry\/api\//, 'the check does see an import of OpenTelemetry')
})

t.test('outcomeAttributes reads codes and counts only', async (t) => {
  t.same(outcomeAttributes({}), {})
  t.same(outcomeAttributes({ type: 'about:blank' }), {}, 'a type that is not one of ours is not a problem code')
  t.same(outcomeAttributes({ classification: {} }), {})
})
