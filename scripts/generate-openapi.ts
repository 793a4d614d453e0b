/**
 * Writes openapi.yaml from the route schemas: `npm run openapi`. The committed file must equal what
 * this generates; test/openapi.test.ts fails when they drift.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { PACKAGE_ROOT } from '../src/paths.js'

const app = buildApp()
await app.ready()
const out = join(PACKAGE_ROOT, 'openapi.yaml')
writeFileSync(out, app.swagger({ yaml: true }))
await app.close()
process.stdout.write(`wrote ${out}\n`)
