/**
 * Three-valued reading of a json-rules-engine result tree. The engine answers true or false; a leaf
 * whose fact is absent is neither, so it is "unknown", and unknown propagates by Kleene's rules:
 * all → false if any child is false, unknown if any is unknown; any → true if any child is true,
 * unknown if any is unknown; not → swaps true and false. A rule whose conditions come out unknown
 * is undetermined: it could still apply once the missing facts are established.
 *
 * One fold (foldCondition) gives both the value of a node and the leaves that decide it: for a true
 * node the leaves that made it true, for a false node those that made it false, for an unknown node
 * those whose facts are missing. A reference to a shared condition has been realised by the engine
 * into ordinary nodes by the time a result tree is read.
 */
import type { Bilingual } from '../../schemas/common.js'
import { foldCondition, type ConditionFold } from '../rules/walk.js'

export type Tri = 'true' | 'false' | 'unknown'

export interface EvaluatedCondition {
  all?: EvaluatedCondition[]
  any?: EvaluatedCondition[]
  not?: EvaluatedCondition
  fact?: string
  operator?: string
  value?: unknown
  /** The rule author's wording of a leaf condition (render finds it by describedBy). */
  description?: Bilingual
  /** The key of the leaf's description in its rule set's descriptions (src/domain/decide/engine.ts). */
  describedBy?: string
  factResult?: unknown
  result?: boolean
}

/** A node's value and, when asked for, the leaves that give it that value (its deciding leaves). */
interface Reading {
  value: Tri
  leaves: EvaluatedCondition[]
}

const NO_LEAVES: EvaluatedCondition[] = []

const swap = (v: Tri): Tri => v === 'unknown' ? v : v === 'true' ? 'false' : 'true'

/** all / any: the deciding value wins (false for all, true for any), else unknown, else the other. */
function combine (children: Reading[], wins: Tri, loses: Tri, withLeaves: boolean): Reading {
  let value = loses
  for (const c of children) {
    if (c.value === wins) { value = wins; break }
    if (c.value === 'unknown') value = 'unknown'
  }
  if (!withLeaves) return { value, leaves: NO_LEAVES }
  const leaves: EvaluatedCondition[] = []
  for (const c of children) if (c.value === value) leaves.push(...c.leaves)
  return { value, leaves }
}

function reader (withLeaves: boolean): ConditionFold<EvaluatedCondition, Reading> {
  return {
    leaf: (leaf) => ({ value: leaf.factResult === undefined ? 'unknown' : leaf.result === true ? 'true' : 'false', leaves: withLeaves ? [leaf] : NO_LEAVES }),
    all: (children) => combine(children, 'false', 'true', withLeaves),
    any: (children) => combine(children, 'true', 'false', withLeaves),
    not: (child) => ({ value: swap(child.value), leaves: child.leaves }),
    pointers: false
  }
}
const VALUE = reader(false)
const WITH_LEAVES = reader(true)

/**
 * The one three-valued reading of a result tree: its value and, with `withLeaves`, its deciding
 * leaves (those that give the node its value), in document order.
 */
export function read (c: EvaluatedCondition, withLeaves = false): Reading {
  return foldCondition(c, withLeaves ? WITH_LEAVES : VALUE)
}

export function tri (c: EvaluatedCondition): Tri {
  return read(c).value
}

/** The leaf conditions that give a node the value `want` (none if it has another value), each test once. */
export function decidingLeaves (c: EvaluatedCondition, want: Tri): EvaluatedCondition[] {
  const r = read(c, true)
  if (r.value !== want) return []
  // The lists are short (a rule's own leaves), so a pairwise comparison is cheaper than a key per leaf.
  const out: EvaluatedCondition[] = []
  for (const leaf of r.leaves) if (!out.some((o) => sameTest(o, leaf))) out.push(leaf)
  return out
}

/** The fact names behind decidingLeaves, each once. */
export function deciding (c: EvaluatedCondition, want: Tri): string[] {
  return [...new Set(decidingLeaves(c, want).map((leaf) => leaf.fact as string))]
}

function sameTest (a: EvaluatedCondition, b: EvaluatedCondition): boolean {
  return a.fact === b.fact && a.operator === b.operator && JSON.stringify(a.value) === JSON.stringify(b.value)
}
