import { readFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'

export type RulesFiles = Record<string, any>

const BUNDLED = ['catalog/instruments.json', 'catalog/clauses.json', 'rulesets/informal-associations.json']

/** The bundled rules files, parsed, for a test to change. */
export function bundledFiles (): RulesFiles {
  return Object.fromEntries(BUNDLED.map((f) => [f, JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, f), 'utf8'))]))
}

/** Writes rules files (objects are JSON-encoded, strings written as they are) under dir. */
export function writeRules (dir: string, files: RulesFiles): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return dir
}
