/**
 * json-rules-engine, the one evaluator. Each rule set gets one engine for its rules' elements and,
 * per rule, an engine for the rule's auxiliary engine rules (each version's extra elements, the
 * circumstance indicators, the conditional notes and adjustments). The auxiliary engines run only
 * for rules whose elements are not false: a rule ruled out needs none of them. Shared conditions
 * (`{ "condition": name }`) are registered on every engine with setCondition, and the custom
 * operator with addOperator; the engine realises references into its result trees.
 *
 * All runs for one conduct item share one Almanac holding the item's facts, added once as constant
 * Facts without a cache key (a constant fact never reads the cache, and hashing a key per fact per
 * run is most of what adding a fact costs).
 */
import { Engine, Almanac, Fact, type RuleResult } from 'json-rules-engine'
import type { RuleSetFile, Rule, Condition } from '../../schemas/rules-data.js'
import { foldCondition } from '../rules/walk.js'
import { read, type Tri, type EvaluatedCondition } from './conditions.js'

type EngineCondition = Record<string, unknown>

/** The authored conditions as json-rules-engine conditions (a reference stays a reference). */
function engineConditions (c: Condition): EngineCondition {
  return foldCondition<Condition, EngineCondition>(c, {
    // The description is not an engine key; json-rules-engine keeps it on the condition, so that
    // explanations can quote the rule author's wording.
    leaf: (l) => { const { fact, operator, value, description } = l as Extract<Condition, { fact: string }>; return description === undefined ? { fact, operator, value } : { fact, operator, value, description } },
    all: (all) => ({ all }),
    any: (any) => ({ any }),
    not: (not) => ({ not }),
    ref: (condition) => ({ condition })
  })
}

/** json-rules-engine wants a boolean operator (or a reference) on top. */
function topLevel (c: Condition): EngineCondition {
  const e = engineConditions(c)
  return 'fact' in e ? { all: [e] } : e
}

export const key = {
  rule: (ruleId: string) => ruleId,
  indicator: (ruleId: string, id: string) => `${ruleId}#indicator:${id}`,
  note: (ruleId: string, id: string) => `${ruleId}#note:${id}`,
  version: (ruleId: string, version: string) => `${ruleId}#version:${version}`,
  adjustment: (ruleId: string, id: string) => `${ruleId}#adjustment:${id}`
}

/**
 * The engine rules one authored rule contributes: its elements first, then each version's extra
 * elements, each circumstance indicator, and each note and adjustment that has a condition; every one
 * with its engine rule name and the JSON pointer of its conditions in the rule set file (`at` is the
 * rule's own pointer).
 */
export function engineRules (rule: Rule, at: string): Array<{ name: string, conditions: Condition, pointer: string }> {
  return [
    { name: key.rule(rule.id), conditions: rule.conditions, pointer: `${at}/conditions` },
    ...Object.entries(rule.elementsByVersion ?? {}).map(([v, c]) => ({ name: key.version(rule.id, v), conditions: c, pointer: `${at}/elementsByVersion/${v}` })),
    ...(rule.circumstance?.indicators ?? []).map((ind, j) => ({ name: key.indicator(rule.id, ind.id), conditions: ind.conditions, pointer: `${at}/circumstance/indicators/${j}/conditions` })),
    ...(rule.notes ?? []).flatMap((n, j) => n.when === undefined ? [] : [{ name: key.note(rule.id, n.id), conditions: n.when, pointer: `${at}/notes/${j}/when` }]),
    ...(rule.adjustments ?? []).flatMap((a, j) => a.when === undefined ? [] : [{ name: key.adjustment(rule.id, a.id), conditions: a.when, pointer: `${at}/adjustments/${j}/when` }])
  ]
}

export interface RuleSetEngines {
  /** Every rule's elements. */
  elements: Engine
  /** Rule id → the engine of the rule's auxiliary engine rules (absent: the rule has none). */
  auxiliary: ReadonlyMap<string, Engine>
}

const containsAny = (factValue: unknown, values: unknown) =>
  Array.isArray(factValue) && Array.isArray(values) && values.some((v) => factValue.includes(v))

function newEngine (rules: Array<{ name: string, conditions: Condition }>, shared: ReadonlyMap<string, Condition>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true })
  engine.addOperator('containsAny', containsAny)
  for (const [name, c] of shared) engine.setCondition(name, topLevel(c) as never)
  for (const r of rules) engine.addRule({ name: r.name, conditions: topLevel(r.conditions) as never, event: { type: r.name } })
  return engine
}

export function compileEngines (set: RuleSetFile, shared: ReadonlyMap<string, Condition>): RuleSetEngines {
  const auxiliary = new Map<string, Engine>()
  set.rules.forEach((rule, i) => {
    const [, ...aux] = engineRules(rule, `/rules/${i}`)
    if (aux.length > 0) auxiliary.set(rule.id, newEngine(aux, shared))
  })
  return { elements: newEngine(set.rules.map((r) => ({ name: key.rule(r.id), conditions: r.conditions })), shared), auxiliary }
}

export interface Outcome {
  value: Tri
  conditions: EvaluatedCondition
}

/** One conduct item's facts, for every engine run on that item. */
export function almanacFor (facts: Record<string, unknown>): Almanac {
  const almanac = new Almanac({ allowUndefinedFacts: true })
  for (const id in facts) almanac.addFact(new Fact(id, facts[id], { cache: false }))
  return almanac
}

/**
 * Runs engines on one almanac, all at once, and adds each engine rule's three-valued outcome by name.
 * json-rules-engine keeps a run's status on the engine: two runs of one engine at the same time could
 * skip rules, so a run that answers for fewer rules than it holds is an error, not a quiet "false".
 */
export async function runOn (almanac: Almanac, engines: Engine[], out: Map<string, Outcome>): Promise<void> {
  // getResults is in json-rules-engine's Almanac, not in its type declarations.
  const results = (almanac as unknown as { getResults: () => Array<RuleResult & { name: string }> }).getResults()
  const before = results.length
  await Promise.all(engines.map((e) => e.run({}, { almanac })))
  const expected = engines.reduce((n, e) => n + (e as unknown as { rules: unknown[] }).rules.length, 0)
  if (results.length - before !== expected) throw new Error(`json-rules-engine answered for ${results.length - before} of ${expected} rules`)
  for (let i = before; i < results.length; i++) {
    const conditions = results[i].conditions as unknown as EvaluatedCondition
    out.set(results[i].name, { value: read(conditions).value, conditions })
  }
}

/** Every engine rule of a rule set (elements and all auxiliary rules) on one fact map, by name. */
export async function runAll (engines: RuleSetEngines, facts: Record<string, unknown>): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>()
  await runOn(almanacFor(facts), [engines.elements, ...engines.auxiliary.values()], out)
  return out
}
