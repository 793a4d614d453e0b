/**
 * The logger's options (server.ts builds the logger with them; tests use them too): the level, the
 * service name and version on every line (pino `base`), and redaction as a guard. No code logs a
 * request body or its headers, but a future debug line might: the Authorization header and any
 * `facts` field (facts are personal data) are censored wherever pino meets them, at every level.
 */
import type { PinoLoggerOptions } from 'fastify/types/logger.js'
import { SERVICE_VERSION } from './version.js'
import type { Config } from './config.js'

export const SERVICE_NAME = 'discipline-rules'
export const REDACTED = '[redacted]'

/** The paths pino censors: a header, and `facts` at the top or under a body, a case, a batch's cases. */
export const REDACT_PATHS = [
  'req.headers.authorization', 'request.headers.authorization', 'headers.authorization', '*.headers.authorization', 'authorization',
  'facts', '*.facts', 'body.facts', 'req.body.facts', 'request.body.facts', '*.body.facts',
  'cases[*].facts', 'body.cases[*].facts', '*.body.cases[*].facts', '*.cases[*].facts'
]

export function loggerOptions (config: Pick<Config, 'LOG_LEVEL'>): PinoLoggerOptions {
  return {
    level: config.LOG_LEVEL,
    base: { service: SERVICE_NAME, version: SERVICE_VERSION, pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: REDACTED }
  }
}
