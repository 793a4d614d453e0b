#!/usr/bin/env node
/**
 * The service without decision records, for bench/records.mjs to compare with: the same buildApp
 * (dist/src/app.js) with every option as server.ts gives it, minus the records plugin.
 */
import { buildApp } from '../dist/src/app.js'

const app = buildApp({ auth: { mode: 'open' }, rateLimitMax: Number(process.env.RATE_LIMIT_MAX ?? 600) })
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' })
for (const sig of ['SIGTERM', 'SIGINT']) process.once(sig, () => { void app.close().then(() => process.exit(0)) })
