#!/usr/bin/env node
/**
 * What-if evidence for the optimisation notes in bench/README.md (not part of `npm run bench`, not
 * used by the service). After `npm run build`:  node bench/whatif.mjs
 *
 * It checks that the service's compiled evaluator (src/domain/decide/compiled.ts) gives the same outcome and
 * result tree as runEngine for every engine rule of every fixture, and times both, the compiled one
 * evaluating every engine rule (as json-rules-engine does, not lazily as the service does). It also
 * times runEngine with only the element rules first and the dependent rules (indicators, notes,
 * versions, adjustments) only when their rule's elements are not false, to size the "skip dependent
 * rules" opportunity inside the engine, and an engine with no rules, for the fixed cost of a run.
 */
import { isDeepStrictEqual } from 'node:util'
import { RULES_DIR, dist, loadCases, fmt, table, timeEach, summary } from './lib.mjs'

const { loadRules } = await dist('domain/rules/load.js')
const { runEngine } = await dist('domain/decide/engine.js')
const { flattenFacts } = await dist('domain/rules/vocabulary.js')

/** Every engine rule's outcome from the compiled evaluator (its lazy outcomes, all asked for). */
const compiledAll = (l, facts) => new Map(l.compiled(facts).entries())

/** The part of an evaluated tree the service reads (conditions.ts, wording.ts). */
function project (c) {
  if (c.all !== undefined) return { all: c.all.map(project) }
  if (c.any !== undefined) return { any: c.any.map(project) }
  if (c.not !== undefined) return { not: project(c.not) }
  return { fact: c.fact, operator: c.operator, value: c.value, description: c.description, factResult: c.factResult, result: c.result }
}

const rules = await loadRules(RULES_DIR)
const cases = loadCases()
const prep = (c) => c.request.facts.conduct.flatMap((conduct) => {
  const facts = flattenFacts(c.request.facts.subject, conduct)
  return (rules.byConductType.get(conduct.type) ?? []).map((l) => ({ l, facts }))
})
const all = cases.map(prep)
const ref = [prep(cases.find((c) => c.file === 'reference-dong.json'))]

// 1. Same outcomes as the engine, for every fixture.
let compared = 0
for (const runs of all) {
  for (const r of runs) {
    const a = await runEngine(r.l.engine, r.facts)
    const b = compiledAll(r.l, r.facts)
    for (const [name, o] of a) {
      compared++
      const d = b.get(name)
      if (d === undefined || d.value !== o.value || !isDeepStrictEqual(project(d.conditions), project(o.conditions))) {
        console.error(`the compiled evaluator differs from runEngine: ${r.l.set.id} ${name}`)
        process.exit(1)
      }
    }
  }
}

// 2. Costs, µs per case.
const lazy = async (r) => {
  // Element rules first (a separate engine per set would hold only them); dependent rules only
  // when their rule's elements are not false. Emulated with two engines built from the same set.
  const base = await runEngine(r.elements, r.facts)
  if ([...base.values()].some((o) => o.value !== 'false')) await runEngine(r.dependents, r.facts)
}
const { Engine } = await import('json-rules-engine')
const split = new Map([...rules.ruleSets].map(([id, l]) => {
  const elements = new Engine([], { allowUndefinedFacts: true })
  const dependents = new Engine([], { allowUndefinedFacts: true })
  for (const e of [elements, dependents]) e.addOperator('containsAny', (a, b) => Array.isArray(a) && Array.isArray(b) && b.some((v) => a.includes(v)))
  for (const r of l.engine.rules) (r.name.includes('#') ? dependents : elements).addRule({ name: r.name, conditions: r.conditions.toJSON(false), event: r.ruleEvent })
  return [id, { elements, dependents }]
}))
const withSplit = (runs) => runs.map((rs) => rs.map((r) => ({ ...r, ...split.get(r.l.set.id) })))
const budget = { warmupPasses: 2000, warmupMs: 500, maxPasses: 50000, maxMs: 1500 }
const rows = []
for (const [name, set] of [['reference', ref], [`mix (${cases.length})`, all]]) {
  const engine = summary(await timeEach(set, async (runs) => { for (const r of runs) await runEngine(r.l.engine, r.facts) }, budget))
  const skip = summary(await timeEach(withSplit(set), async (runs) => { for (const r of runs) await lazy(r) }, budget))
  const sync = summary(await timeEach(set, (runs) => { for (const r of runs) compiledAll(r.l, r.facts) }, budget))
  rows.push([name, fmt(engine.median), fmt(engine.mean), fmt(skip.median), fmt(skip.mean), fmt(sync.median, 2), fmt(sync.mean, 2)])
}
const empty = new Engine([], { allowUndefinedFacts: true })
const refFacts = ref[0][0].facts
const fixed = summary(await timeEach([refFacts], (f) => empty.run(f), budget))
console.log(`what-if: ${compared} engine-rule outcomes compared over ${cases.length} fixtures: identical`)
console.log(table(['µs per case', 'runEngine med', 'runEngine mean', 'dependents only if elements not false med', 'mean', 'compiled evaluator (every rule) med', 'mean'], rows))
console.log(`engine.run of an engine with no rules on the reference facts (${Object.keys(refFacts).length} facts): ${fmt(fixed.median)} µs median — the per-run fixed cost (Almanac, a Fact with a hash-it cache key and a Promise per fact)`)
