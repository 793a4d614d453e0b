/**
 * json-rules-engine, the one evaluator. Each rule set gets one engine for its rules' elements and,
 * per rule, an engine for the rule's auxiliary engine rules (each version's extra elements, the
 * tier tests read from facts and their indicators, the conditional notes, adjustments and supporting clauses). The auxiliary engines run only
 * for rules whose elements are not false: a rule ruled out needs none of them. A reference to a
 * shared condition (`{ "condition": name }`) is written out in place when the engine is built (see
 * engineConditions), and the custom operator is registered with addOperator.
 *
 * All runs for one conduct item share one Almanac that reads the item's flat facts (./almanac.ts).
 */
import { Engine, type Almanac, type RuleResult } from 'json-rules-engine'
import type { RuleSetFile, Rule, Condition } from '../../schemas/rules-data.js'
import type { Bilingual } from '../../schemas/common.js'
import { foldCondition } from '../rules/walk.js'
import { read, type Tri, type EvaluatedCondition } from './conditions.js'
import { almanacFor } from './almanac.js'

export { almanacFor }

type EngineCondition = Record<string, unknown>

/** The rule authors' wordings of leaf conditions, by the key a leaf carries through the engine as `describedBy`. */
export type Descriptions = ReadonlyMap<string, Bilingual>

/** How a tree is made into json-rules-engine conditions: the shared conditions to inline, and the key of a description. */
interface Build {
  shared: ReadonlyMap<string, Condition>
  describe: (d: Bilingual) => string
}

/**
 * The authored conditions as json-rules-engine conditions, with every reference to a shared condition
 * replaced by the condition it names (the loader has checked that each resolves). json-rules-engine
 * deep-copies every rule's conditions into its result on every run, and realises a `{ condition }`
 * reference by deleting the name from the copied node and deep-copying the registered condition onto
 * it: a second copy of the same leaf, and a node turned into a slow dictionary. A shared condition
 * written in place (its leaf, without the `all` that setCondition would need on top) reads the same.
 * A leaf's description is not an engine key: the leaf carries a short key to it instead (the
 * description objects were a third of what the engine copied).
 */
function engineConditions (c: Condition, b: Build): EngineCondition {
  return foldCondition<Condition, EngineCondition>(c, {
    leaf: (l) => {
      const { fact, operator, value, description } = l as Extract<Condition, { fact: string }>
      return description === undefined ? { fact, operator, value } : { fact, operator, value, describedBy: b.describe(description) }
    },
    all: (all) => ({ all }),
    any: (any) => ({ any }),
    not: (not) => ({ not }),
    ref: (name) => engineConditions(b.shared.get(name)!, b),
    pointers: false
  })
}

/** json-rules-engine wants a boolean operator on top. */
function topLevel (c: Condition, b: Build): EngineCondition {
  const e = engineConditions(c, b)
  return 'fact' in e ? { all: [e] } : e
}

/**
 * The name of an auxiliary engine rule, made once per rule and part: outcomes are looked up by name on
 * every request, and a name built afresh would have to be hashed afresh each time.
 */
function names (kind: string): (ruleId: string, id: string) => string {
  const byRule = new Map<string, Map<string, string>>()
  return (ruleId, id) => {
    let ids = byRule.get(ruleId)
    if (ids === undefined) byRule.set(ruleId, ids = new Map())
    let name = ids.get(id)
    if (name === undefined) ids.set(id, name = `${ruleId}#${kind}:${id}`)
    return name
  }
}

export const key = {
  rule: (ruleId: string) => ruleId,
  indicator: names('indicator'),
  test: names('test'),
  note: names('note'),
  version: names('version'),
  adjustment: names('adjustment'),
  supporting: names('supporting')
}

/**
 * The engine rules one authored rule contributes: its elements first, then each version's extra
 * elements, each tier test read from facts (or each of its indicators), and each note, adjustment and supporting clause that has a condition; every one
 * with its engine rule name and the JSON pointer of its conditions in the rule set file (`at` is the
 * rule's own pointer).
 */
export function engineRules (rule: Rule, at: string): Array<{ name: string, conditions: Condition, pointer: string }> {
  return [
    { name: key.rule(rule.id), conditions: rule.conditions, pointer: `${at}/conditions` },
    ...Object.entries(rule.elementsByVersion ?? {}).map(([v, c]) => ({ name: key.version(rule.id, v), conditions: c, pointer: `${at}/elementsByVersion/${v}` })),
    ...Object.entries(rule.tests ?? {}).flatMap(([test, t]) => 'conditions' in t
      ? [{ name: key.test(rule.id, test), conditions: t.conditions, pointer: `${at}/tests/${test}/conditions` }]
      : t.indicators.map((ind, j) => ({ name: key.indicator(rule.id, ind.id), conditions: ind.conditions, pointer: `${at}/tests/${test}/indicators/${j}/conditions` }))),
    ...(rule.notes ?? []).flatMap((n, j) => n.when === undefined ? [] : [{ name: key.note(rule.id, n.id), conditions: n.when, pointer: `${at}/notes/${j}/when` }]),
    ...(rule.adjustments ?? []).flatMap((a, j) => a.when === undefined ? [] : [{ name: key.adjustment(rule.id, a.id), conditions: a.when, pointer: `${at}/adjustments/${j}/when` }]),
    ...(rule.supporting ?? []).flatMap((s, j) => s.when === undefined ? [] : [{ name: key.supporting(rule.id, String(j)), conditions: s.when, pointer: `${at}/supporting/${j}/when` }])
  ]
}

export interface RuleSetEngines {
  /** Every rule's elements, one engine rule per rule. */
  elements: Engine
  /** Rule id → an engine with one rule, `all` of the rule's auxiliary conditions (absent: it has none). */
  auxiliary: ReadonlyMap<string, Engine>
  /** The name of a combined auxiliary engine rule → the engine rule names of its parts, in order. */
  parts: ReadonlyMap<string, string[]>
  descriptions: Descriptions
}

const containsAny = (factValue: unknown, values: unknown) =>
  Array.isArray(factValue) && Array.isArray(values) && values.some((v) => factValue.includes(v))

/** An engine with its rules and the custom operator. */
function newEngine (rules: Array<{ name: string, conditions: EngineCondition }>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addOperator('containsAny', containsAny)
  for (const r of rules) engine.addRule({ name: r.name, conditions: r.conditions as never, event: { type: r.name } })
  return engine
}

/**
 * A rule's auxiliary conditions are one engine rule, `all` of them in order: json-rules-engine
 * evaluates every child of an `all` (they share a priority) and its result tree keeps each child's
 * result, so each part is read on its own; one engine rule costs one result and one set of events
 * instead of one per part. A part is not wrapped in an `all` of its own as a top-level rule must be:
 * json-rules-engine deep-copies every node of a rule's conditions into its result on every run, and
 * the wrapper of a one-leaf part doubled what the copy and the evaluation cost for that part (an
 * `all` of one child reads as that child, so every outcome and its deciding leaves are the same).
 */
export function compileEngines (set: RuleSetFile, shared: ReadonlyMap<string, Condition>): RuleSetEngines {
  const auxiliary = new Map<string, Engine>()
  const parts = new Map<string, string[]>()
  const keys = new Map<Bilingual, string>()
  const descriptions = new Map<string, Bilingual>()
  const b: Build = {
    shared,
    describe: (d) => {
      let k = keys.get(d)
      if (k === undefined) {
        keys.set(d, k = `d${keys.size}`)
        descriptions.set(k, d)
      }
      return k
    }
  }
  set.rules.forEach((rule, i) => {
    const [, ...aux] = engineRules(rule, `/rules/${i}`)
    if (aux.length === 0) return
    const name = `${rule.id}#auxiliary`
    parts.set(name, aux.map((a) => a.name))
    auxiliary.set(rule.id, newEngine([{ name, conditions: { all: aux.map((a) => engineConditions(a.conditions, b)) } }]))
  })
  const elements = newEngine(set.rules.map((r) => ({ name: key.rule(r.id), conditions: topLevel(r.conditions, b) })))
  return { elements, auxiliary, parts, descriptions }
}

export interface Outcome {
  value: Tri
  conditions: EvaluatedCondition
}

/**
 * Runs engines on one almanac, all at once, and adds each engine rule's three-valued outcome by name
 * (each part's, for a combined auxiliary rule).
 * json-rules-engine keeps a run's status on the engine: two runs of one engine at the same time could
 * skip rules, so a run that answers for fewer rules than it holds is an error, not a quiet "false".
 */
export async function runOn (almanac: Almanac, engines: Engine[], parts: ReadonlyMap<string, string[]>, out: Map<string, Outcome>): Promise<void> {
  // getResults is in json-rules-engine's Almanac, not in its type declarations.
  const results = (almanac as unknown as { getResults: () => Array<RuleResult & { name: string }> }).getResults()
  const before = results.length
  await Promise.all(engines.map((e) => e.run({}, { almanac })))
  const expected = engines.reduce((n, e) => n + (e as unknown as { rules: unknown[] }).rules.length, 0)
  if (results.length - before !== expected) throw new Error(`json-rules-engine answered for ${results.length - before} of ${expected} rules`)
  for (let i = before; i < results.length; i++) {
    const conditions = results[i].conditions as unknown as EvaluatedCondition
    const names = parts.get(results[i].name)
    if (names === undefined) out.set(results[i].name, { value: read(conditions).value, conditions })
    else names.forEach((name, j) => out.set(name, { value: read(conditions.all![j]).value, conditions: conditions.all![j] }))
  }
}

/** Every engine rule of a rule set (elements and all auxiliary rules) on one fact map, by name. */
export async function runAll (engines: RuleSetEngines, facts: Record<string, unknown>): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>()
  await runOn(almanacFor(facts), [engines.elements, ...engines.auxiliary.values()], engines.parts, out)
  return out
}
