/**
 * The only file that reads the environment and listens. It builds the app, installs graceful
 * shutdown (close-with-grace: stop accepting, finish requests in flight, exit 0 on SIGTERM/SIGINT,
 * bounded by SHUTDOWN_TIMEOUT_MS), reloads the API keys and the rules on SIGHUP, and starts listening. A start-up
 * failure an operator can fix (configuration, keys, rules, the address) is one line naming the
 * variable or file and what is wrong, without a stack trace.
 */
import { readFileSync, statSync } from 'node:fs'
import type { Server } from 'node:net'
import closeWithGrace from 'close-with-grace'
import { parseConfig, type Config } from './config.js'
import { loggerOptions } from './logging.js'
import { parseKeys, type ApiKey } from './domain/keys.js'
import { ConfigError, KeysError, RulesLoadError } from './errors.js'
import type { AuthOptions } from './plugins/auth.js'
import { openRecords } from './records/open.js'

/** A file or directory an operator named, or a ConfigError that says what is wrong with it. */
function existing (variable: string, path: string, kind: 'file' | 'directory'): string {
  let stat
  try {
    stat = statSync(path)
  } catch (err) {
    throw new ConfigError(`${variable}: cannot read '${path}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  if (kind === 'file' ? !stat.isFile() : !stat.isDirectory()) throw new ConfigError(`${variable}: '${path}' is not a ${kind}`)
  return path
}

/** The keys of API_KEYS and API_KEYS_FILE, read now (at start-up, and again at each reload). */
function readKeys (config: Config): ApiKey[] {
  const file = config.API_KEYS_FILE === '' ? '' : existing('API_KEYS_FILE', config.API_KEYS_FILE, 'file')
  return parseKeys([
    ...(config.API_KEYS === '' ? [] : [{ spec: config.API_KEYS, source: 'API_KEYS' }]),
    ...(file === '' ? [] : [{ spec: readFileSync(file, 'utf8'), source: `API_KEYS_FILE ${file}` }])
  ])
}

function authFrom (config: Config): AuthOptions {
  const keys = readKeys(config)
  if (keys.length > 0) {
    // At a reload an unreadable file is a rejected reload (KeysError), not a crash.
    const read = () => {
      try {
        return readKeys(config)
      } catch (err) {
        throw err instanceof KeysError ? err : new KeysError(err instanceof ConfigError ? err.message : `API_KEYS_FILE: ${(err as Error).message}`)
      }
    }
    return { mode: 'keys', keys, read }
  }
  if (config.ALLOW_UNAUTHENTICATED) return { mode: 'open' }
  throw new ConfigError('no API keys configured (API_KEYS or API_KEYS_FILE); set ALLOW_UNAUTHENTICATED=true to run open for local use')
}

/** What listen's errors mean to an operator, by the variable to change. */
function listenError (err: NodeJS.ErrnoException, config: Config): Error {
  const where = `${config.HOST}:${config.PORT}`
  switch (err.code) {
    case 'EADDRINUSE': return new ConfigError(`PORT: ${where} is already in use`)
    case 'EACCES': return new ConfigError(`PORT: not allowed to listen on ${where} (ports below 1024 need privileges)`)
    case 'EADDRNOTAVAIL': return new ConfigError(`HOST: '${config.HOST}' is not an address of this machine`)
    case 'ENOTFOUND': case 'EAI_AGAIN': case 'EAI_FAIL': case 'EAI_NONAME':
      return new ConfigError(`HOST: '${config.HOST}' is not a valid address or known host name`)
    default: return err
  }
}

/** Resolves when the server has no open connection left, or after `ms`. */
async function allClosed (server: Server, ms: number): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    const open = await new Promise<number>((resolve) => server.getConnections((_err, n) => resolve(n)))
    if (open === 0) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

async function main (): Promise<void> {
  const config = parseConfig(process.env)
  existing('RULES_DIR', config.RULES_DIR, 'directory')
  const auth = authFrom(config)
  // The store opens on its own thread (the embedded one: PGlite, seconds on a busy machine) while this
  // one loads the app's modules: start to ready is the longer of the two, not their sum. The service
  // listens only once the store is open, migrated and its journal ingested; if it cannot open, the
  // start fails as before (the rejection is handled here, and thrown where it is awaited).
  const opening = openRecords(config)
  opening.catch(() => {})
  const { buildApp } = await import('./app.js')
  const repository = await opening
  const app = buildApp({ config, auth, logger: loggerOptions(config), records: { repository, closeStore: true } })
  app.log.info({ store: repository.db.kind, retentionDays: config.DECISION_RETENTION_DAYS }, 'decision records open')
  if (auth.mode === 'open') app.log.warn('running WITHOUT authentication (ALLOW_UNAUTHENTICATED=true): for local use only')
  else app.log.info({ clients: auth.keys.map((k) => ({ client: k.client, scopes: k.scopes })) }, 'API keys loaded (hashes only)')
  // SIGHUP means "reload the keys and the rules" here, not "stop": close-with-grace must leave it alone.
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, skip: ['SIGHUP'] }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down: finishing requests in flight')
    // Closing the server closes idle keep-alive connections at once, and a request a client is sending
    // on one at that moment meets a reset. Draining first answers such requests with 503 and
    // Connection: close, until every connection has closed or SHUTDOWN_DRAIN_MS has passed.
    app.drain()
    await allClosed(app.server, config.SHUTDOWN_DRAIN_MS)
    await app.close()
  })
  process.on('SIGHUP', () => {
    app.log.info('SIGHUP: reloading the API keys and the rules')
    app.reload().catch(() => { /* logged by the reload and rules plugins; the previous keys and rules keep serving */ })
  })
  try {
    await app.listen({ port: config.PORT, host: config.HOST })
  } catch (err) {
    await app.close()
    throw listenError(err as NodeJS.ErrnoException, config)
  }
}

main().catch((err: unknown) => {
  if (err instanceof RulesLoadError) {
    // One line per problem, each naming its file: a log collector keeps lines, not paragraphs.
    for (const p of err.problems) process.stderr.write(`discipline-rules: RULES_DIR: ${p.file}${p.pointer === '' ? '' : ' ' + p.pointer}: ${p.message}\n`)
  } else if (err instanceof ConfigError || err instanceof KeysError) {
    process.stderr.write(`discipline-rules: ${err.message}\n`)
  } else {
    process.stderr.write(`discipline-rules: failed to start: ${(err as Error).stack ?? String(err)}\n`)
  }
  process.exit(1)
})
