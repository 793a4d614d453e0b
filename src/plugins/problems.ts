/**
 * One error handler, one shape: application/problem+json (RFC 9457) with a stable `type`. Client
 * errors say what is wrong and where (JSON pointers), never echoing fact values; server errors say
 * nothing about internals. Facts are personal data, so request bodies are never logged here.
 */
import fp from 'fastify-plugin'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { FactsError, LimitError } from '../errors.js'
import type { Problem } from '../schemas/problem.js'

export const PROBLEM_BASE = 'urn:discipline-rules:problem:'
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export function sendProblem (reply: FastifyReply, problem: Omit<Problem, 'type'> & { type: string }): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send({ ...problem, type: PROBLEM_BASE + problem.type })
}

/** Fastify's own client-error codes, mapped to our problem types. */
const FASTIFY_CODES: Record<string, { type: string; title: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { type: 'unsupported-media-type', title: 'Unsupported content type: send application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { type: 'invalid-content-length', title: 'Content-Length does not match the body' },
  FST_ERR_CTP_BODY_TOO_LARGE: { type: 'payload-too-large', title: 'Request body too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { type: 'malformed-json', title: 'The request body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { type: 'malformed-json', title: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_TYPE: { type: 'unsupported-media-type', title: 'Content type missing or empty' },
  FST_ERR_CTP_INVALID_TYPE: { type: 'unsupported-media-type', title: 'Unsupported content type' }
}

/** JSON.parse messages quote the body; facts are personal data, so only the position is kept. */
function safeDetail (err: FastifyError): string {
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return 'The body could not be parsed as JSON.'
  }
  return err.message
}

function escapeToken (token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}

type Errors = Array<{ instancePath: string, message?: string }>

/** A schema-validation problem; `prefix` places the pointers (e.g. '/cases/3' in a batch). */
export function validationProblem (part: string, validation: Errors, instance: string, prefix = ''): Problem {
  const errors = validation.map((v) => ({ pointer: prefix + v.instancePath, detail: v.message as string }))
  return {
    type: PROBLEM_BASE + 'validation-failed',
    title: `The request ${part} does not match the schema`,
    status: 400,
    detail: errors.map((e) => `${e.pointer === '' ? '(root)' : e.pointer}: ${e.detail}`).join('; '),
    instance,
    errors: part === 'body' ? errors : errors.map((e) => ({ ...e, pointer: `/${part}${e.pointer}` }))
  }
}

export function factsProblem (err: FactsError, instance: string, prefix = ''): Problem {
  return {
    type: PROBLEM_BASE + 'invalid-facts',
    title: 'The facts are well formed but inconsistent',
    status: 422,
    detail: err.message,
    instance,
    errors: err.problems.map((p) => ({ pointer: prefix + p.pointer.split('/').map((t, i) => i === 0 ? t : escapeToken(t)).join('/'), detail: p.message }))
  }
}

export function limitProblem (err: LimitError, instance: string, prefix = ''): Problem {
  return {
    type: PROBLEM_BASE + 'limit-exceeded',
    title: 'A request limit is exceeded',
    status: 400,
    detail: err.message,
    instance,
    errors: [{ pointer: prefix + err.pointer, detail: err.message }]
  }
}

/**
 * A client still sending a body that is refused meets a reset, and never reads the 413, when the
 * connection closes under it (RFC 9112 §9.6 asks a server to read on). Node reads and discards an
 * unread body once the answer is sent if the connection stays open, so a body of a declared length up
 * to MAX_DISCARD is left to that; any other (chunked, larger) keeps Fastify's Connection: close.
 */
const MAX_DISCARD = 64 * 1024 * 1024
function keepOpenToDiscard (request: FastifyRequest, reply: FastifyReply): void {
  const length = Number(request.headers['content-length'])
  if (Number.isSafeInteger(length) && length <= MAX_DISCARD) reply.removeHeader('connection')
}

const send = (reply: FastifyReply, problem: Problem) => reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)

function handler (app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err.validation !== undefined) return send(reply, validationProblem(err.validationContext as string, err.validation, request.url))
    if (err instanceof FactsError) return send(reply, factsProblem(err, request.url))
    if (err instanceof LimitError) return send(reply, limitProblem(err, request.url))
    if (err.code === 'DR_RATE_LIMITED') {
      return sendProblem(reply, { type: 'rate-limited', title: 'Too many requests', status: 429, detail: err.message, instance: request.url })
    }
    const known = FASTIFY_CODES[err.code]
    if (known !== undefined) {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') keepOpenToDiscard(request, reply)
      return sendProblem(reply, { type: known.type, title: known.title, status: err.statusCode as number, detail: safeDetail(err), instance: request.url })
    }
    const status = err.statusCode ?? 500
    if (status < 500) {
      return sendProblem(reply, { type: 'bad-request', title: 'Bad request', status, detail: err.message, instance: request.url })
    }
    request.log.error({ err }, 'unhandled error')
    return sendProblem(reply, { type: 'internal-error', title: 'Internal error', status: 500, detail: 'The service could not complete the request. The request id identifies it in the logs.', instance: request.url })
  })

  app.setNotFoundHandler((request, reply) => sendProblem(reply, {
    type: 'not-found',
    title: 'Not found',
    status: 404,
    detail: `No route ${request.method} ${request.url.split('?')[0]}`,
    instance: request.url
  }))
}

/**
 * Errors Fastify meets before a route runs (Fastify's `frameworkErrors` option). Neither the URL nor
 * the parameter is echoed: it may carry a name or an id number.
 */
export function frameworkErrors (err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH'
  void sendProblem(reply, tooLong
    ? { type: 'uri-too-long', title: 'A path parameter is too long', status: 414, detail: 'A path parameter is longer than the service accepts.' }
    : { type: 'bad-url', title: 'The URL is not valid', status: 400, detail: 'The URL has a malformed percent-encoding or is not a valid URL.' })
  request.log.debug({ code: err.code }, 'refused before routing')
}

/** What a client's malformed HTTP gets (Node's clientError): one problem+json answer, then the connection closes. */
const CLIENT_ERRORS: Record<string, { status: number, type: string, title: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, type: 'headers-too-large', title: 'The request headers are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, type: 'request-timeout', title: 'The request took too long to arrive' }
}

export function clientErrorHandler (this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer (Node's own rule, kept by Fastify's default handler).
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const known = CLIENT_ERRORS[err.code as string] ?? { status: 400, type: 'malformed-request', title: 'The request is not valid HTTP' }
  this.log.debug({ code: err.code }, 'client error')
  if (!socket.writable) return void socket.destroy(err)
  const body = JSON.stringify({ type: PROBLEM_BASE + known.type, title: known.title, status: known.status })
  socket.end(`HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] as string}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
}

export default fp(async (app) => { handler(app) }, { name: 'problems' })
