/**
 * The compiled evaluator against json-rules-engine, the engine of record: the same three-valued
 * outcome and the same deciding facts for every engine rule, on every golden case and on variations
 * of them with facts taken away (fast-check), and the same whole evaluation.
 */
import t from 'tap'
import fc from 'fast-check'
import { loadRules } from '../../../src/domain/rules/load.js'
import { runEngine } from '../../../src/domain/decide/engine.js'
import type { Outcomes } from '../../../src/domain/decide/compiled.js'
import { decidingLeaves } from '../../../src/domain/decide/conditions.js'
import { flattenFacts } from '../../../src/domain/rules/vocabulary.js'
import { evaluate } from '../../../src/domain/decide/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { loadCases } from '../../helpers/cases.js'

const rules = await loadRules(BUNDLED_RULES_DIR)
const engineRules = await loadRules(BUNDLED_RULES_DIR, 'json-rules-engine')
const cases = loadCases()

const summary = (outcomes: Outcomes) => [...outcomes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, o]) => ({
  name,
  value: o.value,
  ...Object.fromEntries((['true', 'false', 'unknown'] as const).map((w) => [w, decidingLeaves(o.conditions, w).map((l) => [l.fact, l.operator, JSON.stringify(l.value), l.factResult, l.description?.en])]))
}))

const runs = cases.flatMap((c) => (c.request.facts as any).conduct.flatMap((item: any) =>
  rules.byConductType.get(item.type)!.map((loaded) => ({ loaded, facts: flattenFacts((c.request.facts as any).subject, item) }))))

t.test('the same outcomes on every golden case', async (t) => {
  for (const { loaded, facts } of runs) {
    t.same(summary(loaded.compiled(facts)), summary(await runEngine(loaded.engine, facts)), loaded.set.id)
  }
})

t.test('the same outcomes with facts taken away', async (t) => {
  await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: runs.length - 1 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), async (i, keep) => {
    const { loaded, facts } = runs[i]
    const partial = Object.fromEntries(Object.entries(facts).filter((_, j) => keep[j % keep.length]))
    t.same(summary(loaded.compiled(partial)), summary(await runEngine(loaded.engine, partial)))
  }), { numRuns: 300, seed: 20261128 })
})

t.test('the same whole evaluations', async (t) => {
  for (const c of cases) {
    const ctx = { now: new Date('2026-11-28T00:00:00Z'), decisionId: 'd' }
    const request = { ...(c.request as any), options: { ...(c.request as any).options, explain: 'full' } }
    t.same(await evaluate(rules, request, ctx), await evaluate(engineRules, request, ctx), c.file)
  }
})
