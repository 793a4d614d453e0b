#!/usr/bin/env node
/**
 * The baseline for `npm run bench`: a bare Fastify server with one route, POST /v1/evaluations, that
 * costs what the HTTP stack of the service costs and nothing else. It
 *
 * - validates the body under the same schema, with the same validator compiler
 *   (dist/src/plugins/validation.js) and the same shared schemas added with addSchema
 *   (dist/src/schemas/registry.js);
 * - serialises the answer as the service does (its serializer factory, `sharedSerializers`);
 * - has the same per-request settings as buildApp (src/app.ts): pino at LOG_LEVEL (the bench uses
 *   warn, like the service), the request id generator, the x-request-id onSend hook, the body limit;
 * - instead of evaluating, answers a canned response: the service's own answer to the same fixture
 *   (the bench fetched it from the service beforehand and wrote it to BENCH_CANNED), picked by the
 *   x-bench-case request header, with a fresh decisionId and evaluatedAt (wherever the response
 *   carries them: top level or one object down). The bytes on the wire are
 *   therefore the service's bytes, and the only difference between the two servers is the evaluation.
 *
 * Environment: PORT (required), HOST (default 127.0.0.1), LOG_LEVEL (default warn),
 * BENCH_CANNED (required: a JSON array of evaluation responses, index = x-bench-case).
 * Started and stopped by bench/run.mjs; prints nothing unless something goes wrong.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import Fastify from 'fastify'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = (path) => import(pathToFileURL(join(root, 'dist', 'src', path)).href)

const { default: validation, sharedSerializers } = await dist('plugins/validation.js')
const { SHARED_SCHEMAS } = await dist('schemas/registry.js')
const { EvaluationRequest, EvaluationResponse } = await dist('schemas/evaluation.js')
const { ref } = await dist('schemas/common.js')

const canned = JSON.parse(readFileSync(process.env.BENCH_CANNED, 'utf8'))
if (!Array.isArray(canned) || canned.length === 0) throw new Error('BENCH_CANNED: expected a non-empty JSON array')

/** Where the per-request fields sit (top level, or one level down, e.g. provenance.decisionId). */
const VOLATILE = ['decisionId', 'evaluatedAt']
const fresh = (obj) => {
  const out = { ...obj }
  if ('decisionId' in out) out.decisionId = randomUUID()
  if ('evaluatedAt' in out) out.evaluatedAt = new Date().toISOString()
  return out
}
const holders = canned.map((answer) => Object.keys(answer).filter((k) => {
  const v = answer[k]
  return v !== null && typeof v === 'object' && !Array.isArray(v) && VOLATILE.some((f) => f in v)
}))
const answerFor = (i) => {
  const out = fresh(canned[i])
  for (const k of holders[i]) out[k] = fresh(out[k])
  return out
}

const app = Fastify({
  logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  bodyLimit: 256 * 1024, // the service's default BODY_LIMIT
  genReqId: (req) => {
    const given = req.headers['x-request-id']
    return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID()
  },
  requestIdHeader: false,
  // The service's serializers (src/app.ts): an answer is written as the service writes it.
  schemaController: { compilersFactory: { buildSerializer: sharedSerializers } }
})
// The service's own validation plugin, with the same schemas (the validator the service compiles per app).
await app.register(validation, { schemas: SHARED_SCHEMAS })
for (const schema of SHARED_SCHEMAS) app.addSchema(schema)
app.addHook('onSend', (request, reply, payload, done) => {
  reply.header('x-request-id', request.id)
  done(null, payload)
})

app.post('/v1/evaluations', {
  schema: { body: ref(EvaluationRequest), response: { 200: ref(EvaluationResponse) } }
}, async (request) => {
  const i = Number(request.headers['x-bench-case'])
  return answerFor(Number.isInteger(i) && i >= 0 && i < canned.length ? i : 0)
})
app.get('/readyz', async () => ({ status: 'ready' }))

const stop = () => { app.close().then(() => process.exit(0), () => process.exit(1)) }
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
