/**
 * W3C trace context and OpenTelemetry traces, registered by buildApp only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set: without it no SDK is loaded and no hook runs.
 *
 * One SERVER span per request, child of the caller's `traceparent` (and `tracestate`), exported in
 * batches over OTLP http/json. The span carries the route, method, status, the rules revision and
 * outcome codes (classification status, counts of triggered / undetermined / findings, a batch's
 * size, a problem's type), never a fact value nor anything else from the request body: facts are
 * personal data. The request's log lines carry `trace_id` and `span_id`, and the answer carries
 * them in `traceresponse` (W3C Trace Context level 2), so a caller can find the trace.
 */
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'
import type { Span } from '@opentelemetry/api'
import { SERVICE_NAME } from '../logging.js'
import { SERVICE_VERSION } from '../version.js'
import { PROBLEM_BASE } from './problems.js'

/** How long a shutdown waits for the collector to take the last spans. */
const FLUSH_AT_SHUTDOWN_MS = 2000

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans go to <endpoint>/v1/traces. */
  endpoint: string
}

/** What the tracer needs from an answer: codes and counts, read before serialisation. */
type Answer = { type?: unknown, classification?: { status?: unknown }, triggered?: unknown[], undetermined?: unknown[], findings?: unknown[], results?: unknown[] }

/** The span attributes of an answer's outcome: codes and counts only, never what the answer echoes of the facts. */
export function outcomeAttributes (answer: Answer): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  if (typeof answer.type === 'string' && answer.type.startsWith(PROBLEM_BASE)) out['discipline.problem.type'] = answer.type.slice(PROBLEM_BASE.length)
  if (typeof answer.classification?.status === 'string') out['discipline.classification.status'] = answer.classification.status
  if (Array.isArray(answer.triggered)) out['discipline.triggered.count'] = answer.triggered.length
  if (Array.isArray(answer.undetermined)) out['discipline.undetermined.count'] = answer.undetermined.length
  if (Array.isArray(answer.findings)) out['discipline.findings.count'] = answer.findings.length
  if (Array.isArray(answer.results)) out['discipline.batch.cases'] = answer.results.length
  return out
}

async function startProvider (opts: TracingOptions) {
  // Loaded here, not at the top: a service without an endpoint never loads OpenTelemetry (the API alone
  // takes about 0.1 s to import).
  const [api, { TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }] = await Promise.all([
    import('@opentelemetry/api'), import('@opentelemetry/sdk-trace'), import('@opentelemetry/exporter-trace-otlp-http'), import('@opentelemetry/resources'), import('@opentelemetry/core')
  ])
  const exporter = new OTLPTraceExporter({ url: opts.endpoint.replace(/\/+$/, '') + '/v1/traces' })
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': SERVICE_NAME, 'service.version': SERVICE_VERSION }),
    spanProcessors: [new BatchSpanProcessor({ exporter })]
  })
  return { api, provider, tracer: provider.getTracer(SERVICE_NAME, SERVICE_VERSION), propagator: new W3CTraceContextPropagator() }
}

export default fp<TracingOptions>(async (app, opts) => {
  const { api, provider, tracer, propagator } = await startProvider(opts)
  const spans = new WeakMap<IncomingMessage, Span>()

  /** The request's span, begun as the child of the caller's trace context (none: a new trace). */
  function begin (raw: IncomingMessage): Span {
    const parent = propagator.extract(api.ROOT_CONTEXT, raw.headers, api.defaultTextMapGetter)
    const method = raw.method as string // optional only on a client's IncomingMessage
    const span = tracer.startSpan(method, { kind: api.SpanKind.SERVER, attributes: { 'http.request.method': method } }, parent)
    spans.set(raw, span)
    return span
  }

  // Fastify makes each request's logger here, before any hook: the span begins with it, so that every
  // line of the request (from "incoming request" on) carries its ids.
  app.setChildLoggerFactory(function (logger, bindings, childOptions, raw) {
    const { traceId, spanId } = begin(raw as IncomingMessage).spanContext()
    return logger.child({ ...bindings, trace_id: traceId, span_id: spanId }, childOptions)
  })

  app.addHook('onRequest', (request, reply, done) => {
    const span = spans.get(request.raw)
    if (span !== undefined) {
      const route = request.routeOptions.url
      if (route !== undefined) span.updateName(`${request.method} ${route}`).setAttribute('http.route', route)
      const { traceId, spanId, traceFlags } = span.spanContext()
      void reply.header('traceresponse', `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`)
    }
    done()
  })

  app.addHook('preSerialization', (request, _reply, payload, done) => {
    if (typeof payload === 'object' && payload !== null) spans.get(request.raw)?.setAttributes(outcomeAttributes(payload as Answer))
    done(null, payload)
  })

  app.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request.raw)
    if (span !== undefined) {
      spans.delete(request.raw)
      const revision = reply.getHeader('x-rules-revision')
      span.setAttributes({ 'http.response.status_code': reply.statusCode, 'discipline.request_id': request.id })
      if (typeof revision === 'string') span.setAttribute('discipline.rules_revision', revision)
      if (reply.statusCode >= 500) span.setStatus({ code: api.SpanStatusCode.ERROR })
      span.end()
    }
    done()
  })

  // Shutting down (close-with-grace → app.close) sends the spans still in the batch. A collector that
  // cannot take them costs those spans, never the shutdown: the exporter retries for up to 10 s, which
  // would use up SHUTDOWN_TIMEOUT_MS, so the wait is bounded.
  app.addHook('onClose', async () => {
    let timer: NodeJS.Timeout | undefined
    const bound = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${FLUSH_AT_SHUTDOWN_MS} ms`)), FLUSH_AT_SHUTDOWN_MS) })
    await Promise.race([provider.shutdown(), bound])
      .catch((err: Error) => app.log.warn(`tracing: the last spans were not sent (${err.message})`))
      .finally(() => clearTimeout(timer))
  })
}, { name: 'tracing' })
