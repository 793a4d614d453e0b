#!/usr/bin/env node
/**
 * The service without decision records, for bench/records.mjs to compare with: the same buildApp
 * (dist/src/app.js) with every option as server.ts gives it (the logger's too), minus the records plugin.
 */
import { buildApp } from '../dist/src/app.js'

import { parseConfig } from '../dist/src/config.js'
import { loggerOptions } from '../dist/src/logging.js'

const config = parseConfig(process.env)
const app = buildApp({ config, auth: { mode: 'open' }, logger: loggerOptions(config) })
await app.listen({ port: config.PORT, host: config.HOST })
for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => { void app.close().then(() => process.exit(0)) })
