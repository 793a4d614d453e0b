/**
 * Compiles rule sets into json-rules-engine engines and runs them for one conduct item. Each rule
 * contributes its element conditions, its circumstance indicators and its conditional notes as
 * separate engine rules, so that every piece of the answer is decided by the engine of record.
 */
import { Engine, type RuleResult } from 'json-rules-engine'
import type { RuleSetFile, Rule, Condition } from '../../schemas/rules-data.js'
import { tri, type Tri, type EvaluatedCondition } from './conditions.js'
import { compileRules, type Outcomes } from './compiled.js'

/** The authored conditions as json-rules-engine conditions. */
function engineConditions (c: Condition): Record<string, unknown> {
  if ('all' in c) return { all: c.all.map(engineConditions) }
  if ('any' in c) return { any: c.any.map(engineConditions) }
  if ('not' in c) return { not: engineConditions(c.not) }
  if ('condition' in c) return { condition: c.condition }
  // The description is not an engine key; json-rules-engine keeps it on the condition, so that
  // explanations can quote the rule author's wording.
  return { fact: c.fact, operator: c.operator, value: c.value, ...(c.description !== undefined ? { description: c.description } : {}) }
}

/** json-rules-engine wants a top-level boolean operator. */
function topLevel (c: Condition): Record<string, unknown> {
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
 * The engine rules one authored rule contributes: its elements, each version's extra elements, each
 * circumstance indicator, and each note and adjustment that has a condition; every one with its engine
 * rule name and the JSON pointer of its conditions in the rule set file (`at` is the rule's own pointer).
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

export interface CompiledRuleSet {
  /** The engine of record. */
  engine: Engine
  /** The same engine rules, evaluated synchronously with the engine's operators (src/domain/compiled.ts). */
  compiled: (facts: Record<string, unknown>) => Outcomes
}

export function compileEngine (set: RuleSetFile, shared: ReadonlyMap<string, Condition> = new Map()): CompiledRuleSet {
  const engine = new Engine([], { allowUndefinedFacts: true })
  // Named shared conditions (rules/conditions.json); setCondition wants a boolean operator on top.
  for (const [name, c] of shared) engine.setCondition(name, topLevel(c) as never)
  engine.addOperator('containsAny', (factValue: unknown, values: unknown) =>
    Array.isArray(factValue) && Array.isArray(values) && values.some((v) => factValue.includes(v)))
  const added: Array<{ name: string, conditions: Record<string, unknown> }> = []
  const add = (name: string, conditions: Condition) => {
    const top = topLevel(conditions)
    added.push({ name, conditions: top })
    engine.addRule({ name, conditions: top as never, event: { type: name } })
  }
  set.rules.forEach((rule, i) => {
    for (const t of engineRules(rule, `/rules/${i}`)) add(t.name, t.conditions)
  })
  return { engine, compiled: compileRules(engine, added, new Map([...shared].map(([name, c]) => [name, engineConditions(c)]))) }
}

export interface Outcome {
  value: Tri
  conditions: EvaluatedCondition
}

/** Runs an engine on a flat fact map and returns each engine rule's three-valued outcome by name. */
export async function runEngine (engine: Engine, facts: Record<string, unknown>): Promise<Map<string, Outcome>> {
  const { results, failureResults } = await engine.run(facts)
  const out = new Map<string, Outcome>()
  for (const r of [...results, ...failureResults] as Array<RuleResult & { name: string }>) {
    const conditions = (r.conditions as unknown) as EvaluatedCondition
    out.set(r.name, { value: tri(conditions), conditions })
  }
  return out
}
