import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'
import { bundledFiles, type RulesFiles } from './rules-dir.js'

/** The bundled informal-association rules (bundledFiles) with the bundled cases about informal associations only. */
export function associationRules (): RulesFiles {
  const files = bundledFiles()
  for (const name of readdirSync(join(BUNDLED_RULES_DIR, 'cases'))) {
    const c = JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'cases', name), 'utf8'))
    if (c.request.facts.conduct.every((x: any) => x.type === 'informal-association')) files[`cases/${name}`] = c
  }
  return files
}

export const ASSOCIATION_SET = 'rulesets/association.json'

/**
 * Adds `rulesets/extra.json`: a rule set for another conduct type (secrets) that no golden case looks
 * at, holding one rule `extra.untested` copied from the third association rule, with `changes` applied.
 */
export function addUntestedRuleSet (files: RulesFiles, changes: Record<string, unknown> = {}): void {
  files['rulesets/extra.json'] = {
    id: 'extra',
    title: { zh: '额外', en: 'Extra' },
    description: { zh: '额外', en: 'Extra' },
    conductType: 'secrets',
    rules: [{ ...structuredClone(files[ASSOCIATION_SET].rules[2]), id: 'extra.untested', ...changes }]
  }
}
