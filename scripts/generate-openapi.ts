/**
 * Writes openapi.yaml from the route schemas and real answers: `npm run openapi`. First the examples
 * (scripts/openapi-examples.ts: chosen golden cases and mistakes sent through the app) go to
 * src/openapi-examples.json, where the served document reads them; then the document itself. The
 * committed files must equal what this generates; test/openapi.test.ts fails when they drift.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../src/app.js'
import { PACKAGE_ROOT } from '../src/paths.js'
import { EXAMPLES_FILE } from '../src/examples.js'
import { collectExamples } from './openapi-examples.js'

const examples = JSON.stringify(await collectExamples()) + '\n'
// The source (committed) and, when this runs compiled, the copy the compiled service reads.
for (const file of new Set([join(PACKAGE_ROOT, 'src', 'openapi-examples.json'), fileURLToPath(EXAMPLES_FILE)])) writeFileSync(file, examples)

const app = buildApp()
await app.ready()
const out = join(PACKAGE_ROOT, 'openapi.yaml')
writeFileSync(out, app.swagger({ yaml: true }))
await app.close()
process.stdout.write(`wrote ${join(PACKAGE_ROOT, 'src', 'openapi-examples.json')} and ${out}\n`)
