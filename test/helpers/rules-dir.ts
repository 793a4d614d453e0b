import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import type { Test } from 'tap'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'
import { loadRules } from '../../src/domain/rules/load.js'
import { RulesLoadError } from '../../src/errors.js'

export type RulesFiles = Record<string, any>

export const CCP_CATALOG = 'catalog/ccp-discipline-regulations.json'
const BUNDLED = ['sources.json', CCP_CATALOG, 'catalog/notice-2002-associations.json', 'rulesets/association.json']

/**
 * The bundled catalog and the informal-association rule set, parsed, for a test to change; with the
 * shared conditions that rule set refers to (conditions.json holds no unused condition).
 */
export function bundledFiles (): RulesFiles {
  const files: RulesFiles = Object.fromEntries(BUNDLED.map((f) => [f, JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, f), 'utf8'))]))
  const shared = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'conditions.json'), 'utf8'))
  const used = new Set(JSON.stringify(files['rulesets/association.json']).match(/"condition":"[a-z0-9-]+"/g)?.map((m) => m.slice(13, -1)))
  shared.conditions = Object.fromEntries(Object.entries(shared.conditions).filter(([name]) => used.has(name)))
  files['conditions.json'] = shared
  return files
}

/**
 * Adds clauses written as the rest of the code reads them (tiers in every version) to the bundled
 * catalog of their instrument, in the file form: tiers written once, under the in-force date of the
 * version in which they changed.
 */
export function addClauses (files: RulesFiles, clauses: Array<Record<string, any>>): void {
  const file = files[CCP_CATALOG]
  const from = new Map(file.instrument.versions.map((v: any) => [v.version, v.inForce.from]))
  for (const { instrument, versions, ...rest } of clauses) {
    const tiers: Record<string, unknown> = {}
    let last = ''
    for (const v of versions) {
      if (v.tiers !== undefined && JSON.stringify(v.tiers) !== last) tiers[from.get(v.version) as string] = v.tiers
      last = JSON.stringify(v.tiers)
    }
    file.clauses.push({ ...rest, ...(Object.keys(tiers).length > 0 ? { tiers } : {}), versions: versions.map(({ tiers, ...v }: any) => v) })
  }
}

/**
 * The index.json that lists exactly these files (a rule set's conduct type read from it; a file that is
 * not valid JSON listed as informal-association, so that the test sees its own problem and no other).
 */
export function indexFor (files: RulesFiles): Record<string, unknown> {
  const typeOf = (content: unknown): string => {
    try {
      return (typeof content === 'string' ? JSON.parse(content) : content).conductType ?? 'informal-association'
    } catch {
      return 'informal-association'
    }
  }
  const names = Object.keys(files).filter((f) => f !== 'index.json' && f.endsWith('.json'))
  return {
    catalog: names.filter((f) => f.startsWith('catalog/')),
    rulesets: Object.fromEntries(names.filter((f) => f.startsWith('rulesets/')).map((f) => [f, typeOf(files[f])])),
    data: names.filter((f) => !f.includes('/'))
  }
}

/**
 * Writes rules files (objects are JSON-encoded, strings written as they are) under dir, with an
 * index.json listing them unless files holds one.
 */
export function writeRules (dir: string, files: RulesFiles): string {
  for (const [name, content] of Object.entries({ 'index.json': indexFor(files), ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return dir
}

/** The problems a load of the bundled files, changed by `change`, stops with ("file pointer: message"); asserts that it fails. */
export async function loadProblems (t: Test, change: (f: RulesFiles) => void): Promise<string[]> {
  const files = bundledFiles()
  change(files)
  const err = await loadRules(writeRules(t.testdir(), files)).then(() => undefined, (e: unknown) => e)
  t.ok(err instanceof RulesLoadError, 'the load fails')
  return (err as RulesLoadError).problems.map((p) => `${p.file} ${p.pointer}: ${p.message}`)
}

/**
 * The bundled files with a made-up faction rule set `x` in place of the association set (and without the
 * shared conditions), its clauses added to the CCP catalog: the version and tier tests build their own
 * provisions on it. Returns the directory, for loadRules.
 */
export function syntheticFactionRules (dir: string, clauses: Array<Record<string, any>>, rules: unknown[]): string {
  const files = bundledFiles()
  delete files['rulesets/association.json']
  delete files['conditions.json']
  addClauses(files, clauses)
  files['rulesets/x.json'] = { id: 'x', title: { zh: '测试', en: 'test' }, description: { zh: '测试', en: 'test' }, conductType: 'faction', rules }
  return writeRules(dir, files)
}
