/**
 * rules/schema/*.schema.json are what the code generates (run `npm run rules:schemas` after changing
 * src/schemas/rules-data.ts, src/schemas/case-file.ts or the facts schema), and they are real JSON
 * Schemas that editors can use: every bundled file passes its schema, and a broken one does not.
 */
import t from 'tap'
import Fastify from 'fastify'
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { generateSchemas, writeSchemas, main } from '../../src/tools/generate-schemas.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'

const SCHEMA_DIR = join(BUNDLED_RULES_DIR, 'schema')
const generated = generateSchemas()

t.test('the committed schemas are what the code generates', async (t) => {
  t.same(readdirSync(SCHEMA_DIR).sort(), Object.keys(generated).sort(), 'the same files')
  for (const [name, text] of Object.entries(generated)) {
    t.equal(readFileSync(join(SCHEMA_DIR, name), 'utf8'), text, `rules/schema/${name} is up to date (run \`npm run rules:schemas\`)`)
  }
})

t.test('every bundled rules file passes its published schema', async (t) => {
  // Fastify's own JSON Schema validator (Ajv), set not to strip or coerce anything.
  const app = Fastify({ ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } } })
  t.teardown(() => app.close())
  for (const name of Object.keys(generated)) {
    app.post(`/${name}`, { schema: { body: JSON.parse(generated[name]) } }, async () => 'ok')
  }
  const check = async (schema: string, file: string, body: unknown = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, file), 'utf8'))) => {
    const res = await app.inject({ method: 'POST', url: `/${schema}`, payload: body as object })
    return res.statusCode === 200 ? 'ok' : res.json().message
  }
  const files = (dir: string) => readdirSync(join(BUNDLED_RULES_DIR, dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`)
  for (const file of files('catalog')) t.equal(await check('catalog.schema.json', file), 'ok', file)
  t.equal(await check('conditions.schema.json', 'conditions.json'), 'ok', 'conditions.json')
  for (const file of files('rulesets')) t.equal(await check('ruleset.schema.json', file), 'ok', file)
  for (const file of files('cases')) t.equal(await check('case.schema.json', file), 'ok', file)

  const set = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'rulesets/association.json'), 'utf8'))
  set.rules[0].conditions.all[1].all = []
  t.not(await check('ruleset.schema.json', '', set), 'ok', 'a condition that is no condition is refused')
  set.rules[0].conditions.all[1] = { condition: 'Party Member' }
  t.not(await check('ruleset.schema.json', '', set), 'ok', 'a reference to a shared condition by a name outside ^[a-z0-9-]+$ is refused')
  set.rules[0].conditions.all[1] = { condition: 'party-member', fact: 'subject.partyMember' }
  t.not(await check('ruleset.schema.json', '', set), 'ok', 'a reference carries nothing but the name')
  const catalog = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'catalog/ccp-discipline-regulations.json'), 'utf8'))
  catalog.clauses[0].tiers = { 2016: catalog.clauses[0].tiers['2016-01-01'] }
  t.not(await check('catalog.schema.json', '', catalog), 'ok', 'tiers dated by anything but a date are refused')
  const c = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'cases/reference-dong.json'), 'utf8'))
  c.request.facts.subject.shoeSize = 42
  t.not(await check('case.schema.json', '', c), 'ok', 'facts outside the vocabulary are refused')
})

t.test('writing the schemas', async (t) => {
  const dir = t.testdir()
  t.same(writeSchemas(dir), Object.keys(generated).map((n) => join(dir, n)))
  for (const [name, text] of Object.entries(generated)) t.equal(readFileSync(join(dir, name), 'utf8'), text)
  let written = ''
  t.equal(main([join(dir, 'again')], (s) => { written += s }), 0)
  t.equal(written, Object.keys(generated).map((n) => `wrote ${join(dir, 'again', n)}\n`).join(''))
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/generate-schemas.ts'), join(dir, 'spawned')], { encoding: 'utf8' })
  t.equal(run.status, 0)
  t.equal(readFileSync(join(dir, 'spawned', 'case.schema.json'), 'utf8'), generated['case.schema.json'], 'run as a program')
})
