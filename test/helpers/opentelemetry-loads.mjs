// Builds an app with the endpoint given (argv[2], may be empty), answers one request, and prints
// every @opentelemetry module that was imported meanwhile, one per line (test/ops/tracing.test.ts).
// With --only-api it imports @opentelemetry/api alone: the proof that the check sees such an import.
import { register } from 'node:module'

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve (specifier, context, next) {
  const r = await next(specifier, context)
  if (r.url.includes('/@opentelemetry/')) process.stdout.write('loaded ' + r.url + '\\n')
  return r
}`))
if (process.argv[2] === '--only-api') {
  await import('@opentelemetry/api')
  process.exit(0)
}
const { buildApp } = await import('../../src/app.js')
const app = buildApp({ config: { OTEL_EXPORTER_OTLP_ENDPOINT: process.argv[2] ?? '' } })
await app.ready()
await app.inject('/healthz')
await app.close()
