/**
 * A synchronous evaluator for the same engine rules, built from the conditions given to
 * json-rules-engine and using the engine's own operator objects. It gives the same result tree as
 * an engine run (every child evaluated, absent facts undefined, the same operator semantics) without
 * the per-run costs json-rules-engine pays for features these rules do not use: an almanac and Fact
 * objects per run, a deep copy of every rule's conditions, promise chains and events. json-rules-engine
 * stays the engine of record: RULES_EVALUATOR=json-rules-engine runs it instead, and a test proves
 * the two equal on every golden case and on variations of them.
 */
import type { Engine } from 'json-rules-engine'
import { tri, type EvaluatedCondition } from './conditions.js'
import type { Outcome } from './engine.js'
import { foldCondition } from '../rules/walk.js'

interface OperatorLike { evaluate: (factValue: unknown, jsonValue: unknown) => boolean }
type Facts = Record<string, unknown>
type Node = (facts: Facts) => EvaluatedCondition

function compileNode (c: Record<string, unknown>, operators: { get: (name: string) => OperatorLike | null }): Node {
  if (Array.isArray(c.all) || Array.isArray(c.any)) {
    const isAll = Array.isArray(c.all)
    const children = ((isAll ? c.all : c.any) as Array<Record<string, unknown>>).map((x) => compileNode(x, operators))
    // Every child is evaluated, as json-rules-engine does (the result tree shows each leaf).
    return isAll
      ? (facts) => {
          const all = new Array<EvaluatedCondition>(children.length)
          let result = true
          for (let i = 0; i < children.length; i++) if ((all[i] = children[i](facts)).result !== true) result = false
          return { all, result }
        }
      : (facts) => {
          const any = new Array<EvaluatedCondition>(children.length)
          let result = false
          for (let i = 0; i < children.length; i++) if ((any[i] = children[i](facts)).result === true) result = true
          return { any, result }
        }
  }
  if (c.not !== undefined) {
    const child = compileNode(c.not as Record<string, unknown>, operators)
    return (facts) => {
      const evaluated = child(facts)
      return { not: evaluated, result: evaluated.result !== true }
    }
  }
  const op = operators.get(c.operator as string) as OperatorLike
  const { fact, operator, value, description } = c as { fact: string, operator: string, value: unknown, description?: { zh: string, en: string } }
  return description !== undefined
    ? (facts) => {
        const factResult = facts[fact]
        return { fact, operator, value, description, factResult, result: op.evaluate(factResult, value) }
      }
    : (facts) => {
        const factResult = facts[fact]
        return { fact, operator, value, factResult, result: op.evaluate(factResult, value) }
      }
}

/** Outcomes by engine-rule name (names of the rule set's engine rules only): a Map from an engine run, or the lazy outcomes of the compiled evaluator. */
export interface Outcomes {
  get: (name: string) => Outcome | undefined
  entries: () => IterableIterator<[string, Outcome]>
}

/**
 * The compiled evaluator's outcomes for one fact map. Each engine rule is evaluated when its outcome
 * is first asked for: a rule whose elements fail never needs its indicators, notes, version elements
 * or adjustments, so they are not evaluated. The conditions are pure functions of the facts, so an
 * outcome computed late is the one an eager run gives (entries() evaluates every rule).
 */
class LazyOutcomes implements Outcomes {
  private readonly done = new Map<string, Outcome>()
  constructor (private readonly nodes: ReadonlyMap<string, Node>, private readonly facts: Facts) {}

  get (name: string): Outcome | undefined {
    let o = this.done.get(name)
    if (o === undefined) {
      const conditions = (this.nodes.get(name) as Node)(this.facts)
      o = { value: tri(conditions), conditions }
      this.done.set(name, o)
    }
    return o
  }

  entries (): IterableIterator<[string, Outcome]> {
    return [...this.nodes.keys()].map((name): [string, Outcome] => [name, this.get(name) as Outcome])[Symbol.iterator]()
  }
}

/** A tree with each reference to a shared condition replaced by the condition (as authored: a leaf stays a leaf). */
function inline (c: Record<string, unknown>, shared: ReadonlyMap<string, Record<string, unknown>>): Record<string, unknown> {
  return foldCondition<Record<string, unknown>, Record<string, unknown>>(c, {
    leaf: (node) => node,
    all: (all) => ({ all }),
    any: (any) => ({ any }),
    not: (not) => ({ not }),
    ref: (name) => inline(shared.get(name) as Record<string, unknown>, shared)
  })
}

/** Compiles every rule of an engine (as added, by name) into synchronous functions of the facts. */
export function compileRules (engine: Engine, added: Array<{ name: string, conditions: Record<string, unknown> }>, shared: ReadonlyMap<string, Record<string, unknown>> = new Map()): (facts: Facts) => Outcomes {
  const operators = (engine as unknown as { operators: { get: (name: string) => OperatorLike | null } }).operators
  const nodes = new Map(added.map((r) => [r.name, compileNode(inline(r.conditions, shared), operators)]))
  return (facts) => new LazyOutcomes(nodes, facts)
}
