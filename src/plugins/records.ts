/**
 * Decision records: every evaluation (each case of a batch) is written to the store before its
 * answer is sent, in an onSend hook on the evaluation routes (so the routes need not know): there the
 * answer's JSON is at hand as Fastify serialised it, and its digest is taken from that text; the
 * answer object is kept from preSerialization for the record's summary.
 * An answer is never sent without its record: when the store fails, the evaluation answers 503 with
 * Retry-After and the log says why (never the facts). Idempotency-Key on POST /v1/evaluations
 * returns the recorded answer for the same body within a day. Records older than the retention are
 * purged periodically.
 */
import { createHash } from 'node:crypto'
import fp from 'fastify-plugin'
import stringify from 'safe-stable-stringify'
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preSerializationAsyncHookHandler } from 'fastify'
import type { LoadedRules } from '../domain/rules/load.js'
import { IdempotencyConflict, type RecordsRepository, type RulesFile } from '../records/repository.js'
import { RulesArchive } from '../records/replay.js'
import { decisionsOf } from '../records/capture.js'
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, sendProblem } from './problems.js'

declare module 'fastify' {
  interface FastifyInstance {
    records?: { repository: RecordsRepository, archive: RulesArchive }
  }
  interface FastifyRequest {
    idempotency?: { key: string, digest: string, replayed: boolean }
    /** The evaluation route's answer before serialisation, for its record. */
    answered?: unknown
  }
}

export interface RecordsPluginOptions {
  repository: RecordsRepository
  /** How often the purge runs; default hourly. */
  purgeIntervalMs?: number
  /** Close the store when the app closes (the server's own store; tests share theirs). */
  closeStore?: boolean
}

const EVALUATION_URLS = new Set(['/v1/evaluations', '/v1/evaluations/batch'])
const RETRY_AFTER_S = '5'

/** A problem as the text onSend replaces the answer with (Fastify does not serialise what onSend returns). */
function problemText (reply: FastifyReply, status: number, problem: object): string {
  void reply.code(status).type(PROBLEM_CONTENT_TYPE)
  return JSON.stringify(problem)
}

function unavailable (request: FastifyRequest, reply: FastifyReply, err: unknown) {
  // The message and code only: a driver's error may carry parameters, and the facts are among them.
  request.log.error({ storeError: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'decision store failed; answering 503 without an answer')
  void reply.code(503).type(PROBLEM_CONTENT_TYPE).header('retry-after', RETRY_AFTER_S)
  return { type: PROBLEM_BASE + 'store-unavailable', title: 'Decision records unavailable', status: 503, detail: 'The decision could not be recorded, so it is not answered; retry later.', instance: request.url }
}

const keyReused = (request: FastifyRequest) => ({
  type: PROBLEM_BASE + 'idempotency-key-reused',
  title: 'Idempotency-Key already used with another body',
  status: 422,
  detail: 'This Idempotency-Key was used in the last day with a different request body; use a new key.',
  instance: request.url
})

/** Idempotency-Key on POST /v1/evaluations: the recorded answer for the same body within a day, 422 for another body. */
const idempotentLookUp = (repository: RecordsRepository) => async (request: FastifyRequest, reply: FastifyReply) => {
  const key = request.headers['idempotency-key']
  if (request.routeOptions.url !== '/v1/evaluations' || key === undefined) return
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(key)) {
    return await sendProblem(reply, { type: 'validation-failed', title: 'Bad Idempotency-Key', status: 400, detail: 'Idempotency-Key must be 1 to 128 visible ASCII characters.', instance: request.url, errors: [{ pointer: '/headers/idempotency-key', detail: 'invalid' }] })
  }
  const digest = createHash('sha256').update(stringify(request.body) as string).digest('hex')
  request.idempotency = { key, digest, replayed: false }
  const found = await repository.findIdempotent(request.client?.name as string, key).catch((err: unknown) => err as Error)
  if (found instanceof Error) return await reply.send(unavailable(request, reply, found))
  if (found === undefined) return
  if (found.digest !== digest) return await reply.type(PROBLEM_CONTENT_TYPE).code(422).send(keyReused(request))
  request.idempotency.replayed = true
  // The recorded JSON text, sent as it is (a string with a JSON content type is not serialised again).
  return await reply.header('idempotent-replayed', 'true').header('content-language', found.lang).type('application/json; charset=utf-8').send(found.answer)
}

/** The record of an evaluation's answer, written before the answer (the text Fastify serialised) is sent. */
const recordBeforeSending = (repository: RecordsRepository, seen: Map<string, RulesFile[]>) => async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
  if (reply.statusCode !== 200 || request.idempotency?.replayed === true) return payload
  // An answer that came past preSerialization unseen (a handler that sent text) has no record: never sent.
  if (request.answered === undefined) return problemText(reply, 503, unavailable(request, reply, new Error('an evaluation answered without passing the records hook')))
  const { key, digest } = request.idempotency ?? {}
  const decisions = decisionsOf({ url: request.routeOptions.url as string, body: request.body, payload: request.answered, sent: payload as string, client: request.client?.name as string, requestId: request.id, ...(key !== undefined ? { idempotency: { key, digest: digest as string } } : {}) })
  try {
    await repository.saveDecisions(decisions, (revision) => seen.get(revision))
    for (const d of decisions) seen.delete(d.rulesRevision)
    return payload
  } catch (err) {
    if (!(err instanceof IdempotencyConflict)) return problemText(reply, 503, unavailable(request, reply, err))
    // The same key was recorded meanwhile by a concurrent request: answer as if this one came second.
    // (A conflict means the key is taken within the day, so it is found.)
    const found = await repository.findIdempotent(request.client?.name as string, key as string) as { digest: string, answer: string }
    if (found.digest === digest) return found.answer
    return problemText(reply, 422, keyReused(request))
  }
}

export default fp<RecordsPluginOptions>(async (app, opts) => {
  const { repository } = opts
  const archive = new RulesArchive(repository)
  app.decorate('records', { repository, archive })
  app.decorateRequest('idempotency', undefined)
  app.decorateRequest('answered', undefined)

  // The files of the revisions seen by evaluations in this process, until they are stored.
  const seen = new Map<string, RulesFile[]>()
  const remember = (rules: LoadedRules) => { if (!seen.has(rules.revision)) seen.set(rules.revision, rules.files) }
  remember(app.rules)
  const onRequest: onRequestAsyncHookHandler = async () => { remember(app.rules) }
  const preSerialization: preSerializationAsyncHookHandler = async (request, reply, payload) => {
    if (reply.statusCode === 200) request.answered = payload
    return payload
  }
  // Route hooks on the two evaluation routes only: no other request runs them. Each goes first among
  // the route's own hooks (the rate limit's preHandler among them), as the app-wide hooks they were did.
  const hooks = { onRequest, preHandler: idempotentLookUp(repository), preSerialization, onSend: recordBeforeSending(repository, seen) }
  app.addHook('onRoute', (route) => {
    if (route.method !== 'POST' || !EVALUATION_URLS.has(route.url)) return
    const own = route as unknown as Record<string, unknown>
    for (const [name, hook] of Object.entries(hooks)) own[name] = [hook, own[name]].flat().filter((h) => h !== undefined)
  })

  const purge = async () => {
    const before = new Date(Date.now() - app.config.DECISION_RETENTION_DAYS * 86_400_000)
    const purged = await repository.purge(before).catch((err: unknown) => { app.log.error({ storeError: (err as Error).message }, 'decision purge failed'); return 0 })
    if (purged > 0) app.log.info({ purged, before: before.toISOString() }, 'decision records purged (retention)')
  }
  const timer = setInterval(() => { void purge() }, opts.purgeIntervalMs ?? 3_600_000).unref()
  app.addHook('onReady', purge)
  app.addHook('onClose', async () => {
    clearInterval(timer)
    if (opts.closeStore === true) await repository.db.close()
  })
}, { name: 'records', dependencies: ['rules', 'problems'] })
