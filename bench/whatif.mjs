#!/usr/bin/env node
/**
 * What-if evidence for the optimisation notes in bench/README.md (not part of `npm run bench`, not
 * used by the service). After `npm run build`:  node bench/whatif.mjs
 *
 * It compiles the same authored conditions into a plain synchronous evaluator (same operators and
 * semantics as json-rules-engine 7: equal, notEqual, in, notIn, contains, greaterThanInclusive…,
 * plus our containsAny) that produces the same result tree (fact, operator, value, description,
 * factResult, result) and the same three-valued outcome per engine rule, checks that the outcomes
 * are identical to runEngine's for every fixture, and times both. It also times runEngine with only
 * the element rules first and the dependent rules (indicators, notes, versions, adjustments) only
 * when their rule's elements are not false, to size the "skip dependent rules" opportunity, and an
 * engine with no rules, for the fixed cost of a run.
 */
import { isDeepStrictEqual } from 'node:util'
import { RULES_DIR, dist, loadCases, fmt, table, timeEach, summary } from './lib.mjs'

const { loadRules } = await dist('domain/load.js')
const { runEngine, key } = await dist('domain/engine.js')
const { tri } = await dist('domain/conditions.js')
const { flattenFacts } = await dist('domain/vocabulary.js')

const numeric = (v) => Number.parseFloat(v).toString() !== 'NaN'
const OPS = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => b.indexOf(a) > -1,
  notIn: (a, b) => b.indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && a < b,
  lessThanInclusive: (a, b) => numeric(a) && a <= b,
  greaterThan: (a, b) => numeric(a) && a > b,
  greaterThanInclusive: (a, b) => numeric(a) && a >= b,
  containsAny: (a, b) => Array.isArray(a) && Array.isArray(b) && b.some((v) => a.includes(v))
}

/** A condition tree → a function from the flat facts to the evaluated tree (every leaf evaluated). */
function compile (c) {
  if ('all' in c) { const kids = c.all.map(compile); return (f) => { const all = kids.map((k) => k(f)); return { all, result: all.every((x) => x.result) } } }
  if ('any' in c) { const kids = c.any.map(compile); return (f) => { const any = kids.map((k) => k(f)); return { any, result: any.some((x) => x.result) } } }
  if ('not' in c) { const kid = compile(c.not); return (f) => { const not = kid(f); return { not, result: !not.result } } }
  const op = OPS[c.operator]
  if (op === undefined) throw new Error(`operator ${c.operator} not in the what-if evaluator`)
  const { fact, operator, value, description } = c
  return (f) => { const factResult = f[fact]; return { fact, operator, value, ...(description !== undefined ? { description } : {}), factResult, result: op(factResult, value) } }
}
const topLevel = (c) => ('fact' in c ? { all: [c] } : c)

function compileSet (set) {
  const rules = []
  const add = (name, conditions) => rules.push({ name, run: compile(topLevel(conditions)) })
  for (const rule of set.rules) {
    add(key.rule(rule.id), rule.conditions)
    for (const ind of rule.circumstance?.indicators ?? []) add(key.indicator(rule.id, ind.id), ind.conditions)
    for (const note of rule.notes ?? []) if (note.when !== undefined) add(key.note(rule.id, note.id), note.when)
    for (const [version, extra] of Object.entries(rule.elementsByVersion ?? {})) add(key.version(rule.id, version), extra)
    for (const adj of rule.adjustments ?? []) if (adj.when !== undefined) add(key.adjustment(rule.id, adj.id), adj.when)
  }
  return (facts) => {
    const out = new Map()
    for (const r of rules) { const conditions = r.run(facts); out.set(r.name, { value: tri(conditions), conditions }) }
    return out
  }
}

/** The part of an evaluated tree the service reads (conditions.ts, wording.ts). */
function project (c) {
  if (c.all !== undefined) return { all: c.all.map(project) }
  if (c.any !== undefined) return { any: c.any.map(project) }
  if (c.not !== undefined) return { not: project(c.not) }
  return { fact: c.fact, operator: c.operator, value: c.value, description: c.description, factResult: c.factResult, result: c.result }
}

const rules = await loadRules(RULES_DIR)
const direct = new Map([...rules.ruleSets].map(([id, l]) => [id, compileSet(l.set)]))
const cases = loadCases()
const prep = (c) => c.request.facts.conduct.flatMap((conduct) => {
  const facts = flattenFacts(c.request.facts.subject, conduct)
  return (rules.byConductType.get(conduct.type) ?? []).map((l) => ({ l, facts, direct: direct.get(l.set.id) }))
})
const all = cases.map(prep)
const ref = [prep(cases.find((c) => c.file === 'reference-dong.json'))]

// 1. Same outcomes as the engine, for every fixture.
let compared = 0
for (const runs of all) {
  for (const r of runs) {
    const a = await runEngine(r.l.engine, r.facts)
    const b = r.direct(r.facts)
    for (const [name, o] of a) {
      compared++
      const d = b.get(name)
      if (d === undefined || d.value !== o.value || !isDeepStrictEqual(project(d.conditions), project(o.conditions))) {
        console.error(`what-if evaluator differs from runEngine: ${r.l.set.id} ${name}`)
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
  const sync = summary(await timeEach(set, (runs) => { for (const r of runs) r.direct(r.facts) }, budget))
  rows.push([name, fmt(engine.median), fmt(engine.mean), fmt(skip.median), fmt(skip.mean), fmt(sync.median, 2), fmt(sync.mean, 2)])
}
const empty = new Engine([], { allowUndefinedFacts: true })
const refFacts = ref[0][0].facts
const fixed = summary(await timeEach([refFacts], (f) => empty.run(f), budget))
console.log(`what-if: ${compared} engine-rule outcomes compared over ${cases.length} fixtures: identical`)
console.log(table(['µs per case', 'runEngine med', 'runEngine mean', 'dependents only if elements not false med', 'mean', 'sync evaluator med', 'mean'], rows))
console.log(`engine.run of an engine with no rules on the reference facts (${Object.keys(refFacts).length} facts): ${fmt(fixed.median)} µs median — the per-run fixed cost (Almanac, a Fact with a hash-it cache key and a Promise per fact)`)
