/**
 * The only file that reads the environment and listens. It builds the app, installs graceful
 * shutdown (close-with-grace: stop accepting, finish requests in flight, exit 0 on SIGTERM/SIGINT,
 * bounded by SHUTDOWN_TIMEOUT_MS), reloads the rules on SIGHUP, and starts listening.
 */
import { readFileSync } from 'node:fs'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { parseConfig, type Config } from './config.js'
import { parseKeys } from './domain/keys.js'
import { ConfigError, KeysError, RulesLoadError } from './errors.js'
import type { AuthOptions } from './plugins/auth.js'
import { parseRecordsConfig } from './records/config.js'
import { openRecords } from './records/open.js'

function authFrom (config: Config): AuthOptions {
  const keys = [
    ...(config.API_KEYS === '' ? [] : parseKeys(config.API_KEYS, 'API_KEYS')),
    ...(config.API_KEYS_FILE === '' ? [] : parseKeys(readFileSync(config.API_KEYS_FILE, 'utf8'), config.API_KEYS_FILE))
  ]
  if (keys.length > 0) return { mode: 'keys', keys }
  if (config.ALLOW_UNAUTHENTICATED) return { mode: 'open' }
  throw new ConfigError('no API keys configured (API_KEYS or API_KEYS_FILE); set ALLOW_UNAUTHENTICATED=true to run open for local use')
}

async function main (): Promise<void> {
  const config = parseConfig(process.env)
  const auth = authFrom(config)
  const recordsConfig = parseRecordsConfig(process.env)
  const repository = await openRecords(recordsConfig)
  const app = buildApp({
    rulesDir: config.RULES_DIR,
    evaluator: config.RULES_EVALUATOR,
    auth,
    bodyLimit: config.BODY_LIMIT,
    batchLimit: config.BATCH_LIMIT,
    batchBodyLimit: config.BATCH_BODY_LIMIT,
    maxConductItems: config.MAX_CONDUCT_ITEMS,
    maxJsonDepth: config.MAX_JSON_DEPTH,
    maxStringLength: config.MAX_STRING_LENGTH,
    rateLimitMax: config.RATE_LIMIT_MAX,
    rateLimitWindowMs: config.RATE_LIMIT_WINDOW_MS,
    maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
    logger: { level: config.LOG_LEVEL },
    records: { repository, retentionDays: recordsConfig.DECISION_RETENTION_DAYS, closeStore: true }
  })
  app.log.info({ store: repository.db.kind, retentionDays: recordsConfig.DECISION_RETENTION_DAYS }, 'decision records open')
  if (auth.mode === 'open') app.log.warn('running WITHOUT authentication (ALLOW_UNAUTHENTICATED=true): for local use only')
  else app.log.info({ clients: auth.keys.map((k) => ({ client: k.client, scopes: k.scopes })) }, 'API keys loaded (hashes only)')
  // SIGHUP means "reload the rules" here, not "stop": close-with-grace must leave it alone.
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, skip: ['SIGHUP'] }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down: finishing requests in flight')
    await app.close()
  })
  process.on('SIGHUP', () => {
    app.log.info('SIGHUP: reloading the rules')
    app.reloadRules().catch(() => { /* logged by the rules plugin; the previous rules keep serving */ })
  })
  await app.listen({ port: config.PORT, host: config.HOST })
}

main().catch((err: unknown) => {
  if (err instanceof RulesLoadError || err instanceof ConfigError || err instanceof KeysError) {
    process.stderr.write(`discipline-rules: ${err.message}\n`)
  } else {
    process.stderr.write(`discipline-rules: failed to start: ${(err as Error).stack ?? String(err)}\n`)
  }
  process.exit(1)
})
