/**
 * The committed src/schema.ts is what `npm run client` generates from the committed openapi.yaml, as
 * test/openapi.test.ts holds openapi.yaml to what the code generates. After `npm run openapi`, run
 * `npm run client` and commit both.
 */
import t from 'tap'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { OUTPUT, SPEC, generateSchema } from '../scripts/generate.mjs'

t.test('src/schema.ts is what npm run client generates from openapi.yaml', async (t) => {
  const generated = await generateSchema()
  t.equal(readFileSync(OUTPUT, 'utf8'), generated, 'clients/typescript/src/schema.ts is up to date (run `npm run client` after `npm run openapi`)')
  t.equal(await generateSchema(), generated, 'the generator is deterministic')
  t.match(generated, /"\/v1\/evaluations": \{/, 'the paths are typed')
  t.match(generated, /export type SchemaEvaluationResponse = components\['schemas'\]\['EvaluationResponse'\];/, 'component schemas are exported by name')
})

t.test('a change to openapi.yaml changes the generated client', async (t) => {
  const doc = parse(readFileSync(SPEC, 'utf8'))
  doc.paths['/v1/evaluations'].post.operationId = 'evaluateRenamed'
  const dir = t.testdir()
  writeFileSync(join(dir, 'openapi.yaml'), stringify(doc))
  const changed = await generateSchema(join(dir, 'openapi.yaml'))
  t.not(changed, await generateSchema(), 'the drift check would catch it')
  t.match(changed, /operations\["evaluateRenamed"\]/)
})
