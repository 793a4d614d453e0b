/**
 * The only file that reads the environment and listens. It builds the app, installs graceful
 * shutdown (close-with-grace: stop accepting, finish requests in flight, exit 0 on SIGTERM/SIGINT,
 * bounded by SHUTDOWN_TIMEOUT_MS) and starts listening.
 */
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { parseConfig, ConfigError } from './config.js'
import { RulesLoadError } from './domain/load.js'

async function main (): Promise<void> {
  const config = parseConfig(process.env)
  const app = buildApp({
    rulesDir: config.RULES_DIR,
    bodyLimit: config.BODY_LIMIT,
    batchLimit: config.BATCH_LIMIT,
    batchBodyLimit: config.BATCH_BODY_LIMIT,
    logger: { level: config.LOG_LEVEL }
  })
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  await app.listen({ port: config.PORT, host: config.HOST })
}

main().catch((err: unknown) => {
  if (err instanceof RulesLoadError || err instanceof ConfigError) {
    process.stderr.write(`discipline-rules: ${err.message}\n`)
  } else {
    process.stderr.write(`discipline-rules: failed to start: ${(err as Error).stack ?? String(err)}\n`)
  }
  process.exit(1)
})
