import t from 'tap'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadRules } from '../../../src/domain/rules/load.js'
import { RulesLoadError } from '../../../src/errors.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { CONDUCT_TYPES } from '../../../src/schemas/facts.js'
import { bundledFiles, writeRules } from '../../helpers/rules-dir.js'

const SET = 'rulesets/association.json'

async function problemsOf (dir: string): Promise<string[]> {
  const err = await loadRules(dir).then(() => undefined, (e: unknown) => e)
  if (!(err instanceof RulesLoadError)) return ['loaded']
  return err.problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`)
}

t.test('the bundled index lists every rule set, and every conduct type the API accepts has one', async (t) => {
  const index = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'index.json'), 'utf8'))
  const rules = await loadRules(BUNDLED_RULES_DIR)
  t.same(Object.keys(index.rulesets).sort(), [...rules.ruleSets.values()].map((s) => s.file).sort())
  t.same([...new Set(Object.values(index.rulesets))].sort(), [...CONDUCT_TYPES].sort())
  for (const type of CONDUCT_TYPES) t.ok(rules.byConductType.get(type)!.length > 0, `${type} has a rule set`)
})

t.test('a listed file missing is refused, naming it', async (t) => {
  const dir = writeRules(t.testdir(), bundledFiles())
  rmSync(join(dir, SET))
  t.same(await problemsOf(dir), ['rulesets/association.json : listed in index.json but missing'])
})

t.test('an unlisted .json file in the directory, catalog/ or rulesets/ is refused, naming it', async (t) => {
  const dir = writeRules(t.testdir(), bundledFiles())
  for (const f of ['extra.json', 'catalog/extra.json', 'rulesets/extra.json']) writeFileSync(join(dir, f), '{}')
  writeFileSync(join(dir, 'notes.txt'), 'not JSON, not loaded')
  t.same(await problemsOf(dir), [
    'catalog/extra.json : not listed in index.json: add it there, or remove it',
    'extra.json : not listed in index.json: add it there, or remove it',
    'rulesets/extra.json : not listed in index.json: add it there, or remove it'
  ])
})

t.test('a rule set whose conduct type is not the one the index gives is refused', async (t) => {
  const files = bundledFiles()
  const dir = writeRules(t.testdir(), { ...files, 'index.json': { catalog: ['catalog/ccp-discipline-regulations.json', 'catalog/notice-2002-associations.json'], rulesets: { [SET]: 'faction' }, data: ['conditions.json', 'sources.json'] } })
  t.same(await problemsOf(dir), ["rulesets/association.json /conductType: is 'informal-association', but index.json says this file covers 'faction'"])
})

t.test('an index that is not JSON or not an index is refused', async (t) => {
  t.match(await problemsOf(writeRules(t.testdir(), { ...bundledFiles(), 'index.json': '{ "catalog": ' })), [/^index.json : not valid JSON/])
  t.same(await problemsOf(writeRules(t.testdir(), { ...bundledFiles(), 'index.json': { catalog: ['../etc/passwd'], rulesets: { [SET]: 'No Type' }, data: [] } })), [
    'index.json /catalog/0: Expected string to match \'^catalog/[a-z0-9-]+\\.json$\'',
    'index.json /rulesets/rulesets~1association.json: Expected string to match \'^[a-z][a-z-]*$\''
  ])
})
