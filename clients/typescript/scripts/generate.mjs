#!/usr/bin/env node
/**
 * Generates src/schema.ts (the types of every path, operation and component) from the repository's
 * openapi.yaml with openapi-typescript: `npm run client` from the repository root. The committed file
 * must equal what this generates; test/generate.test.ts fails when they drift, as test/openapi.test.ts
 * does for openapi.yaml itself. Plain JavaScript so that it runs without a build step.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const CLIENT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SPEC = join(CLIENT_ROOT, '..', '..', 'openapi.yaml')
export const OUTPUT = join(CLIENT_ROOT, 'src', 'schema.ts')

const HEADER = `/**
 * Generated from openapi.yaml by openapi-typescript (clients/typescript/scripts/generate.mjs).
 * Do not edit: change the route schemas, run \`npm run openapi\`, then \`npm run client\`.
 */

`

/** The text of src/schema.ts for the OpenAPI document at `spec` (a path). */
export async function generateSchema (spec = SPEC) {
  // rootTypes: also export each component schema as a named type (SchemaEvaluationResponse, ...).
  const ast = await openapiTS(pathToFileURL(spec), { rootTypes: true, silent: true })
  return HEADER + astToString(ast)
}

/* c8 ignore start -- the command-line entry; the test calls generateSchema and compares instead of writing */
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OUTPUT, await generateSchema())
  process.stdout.write(`wrote ${OUTPUT}\n`)
}
/* c8 ignore stop */
