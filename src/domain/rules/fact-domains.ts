/**
 * What values a fact can take, read from the facts schema, and whether leaves on one fact can hold
 * together: the per-fact part of the "can never fire" check (./check.ts).
 */
import type { TSchema } from '@sinclair/typebox'
import type { Condition } from '../../schemas/rules-data.js'
import { FACT_SCHEMAS } from './vocabulary.js'

type Value = Extract<Condition, { fact: string }>['value']

export interface Leaf {
  fact: string
  operator: string
  value: Value
  /** JSON pointer of the leaf in its file. */
  pointer: string
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'])

/** An equality-type operator on a defined fact value, as json-rules-engine computes it. */
function holds (operator: string, fact: unknown, value: Value): boolean {
  switch (operator) {
    case 'equal': return fact === value
    case 'notEqual': return fact !== value
    case 'in': return (value as unknown[]).includes(fact)
    default: return !(value as unknown[]).includes(fact) // notIn
  }
}

export type Domain =
  | { kind: 'finite', values: unknown[] } // booleans and enums
  | { kind: 'set', elements: unknown[] } // an array of enum values without repeats
  | { kind: 'number', integer: boolean, min: number, max: number }
  | { kind: 'other' }

/** What values a fact with this schema can take, as far as the checks below need to know. */
export function domainOf (s: (TSchema & { enum?: unknown[], items?: TSchema & { enum?: unknown[] } }) | undefined): Domain {
  if (s?.type === 'boolean') return { kind: 'finite', values: [true, false] }
  if (s?.type === 'string' && s.enum !== undefined) return { kind: 'finite', values: s.enum }
  if (s?.type === 'array' && s.items?.enum !== undefined) return { kind: 'set', elements: s.items.enum }
  if (s?.type === 'integer' || s?.type === 'number') {
    return { kind: 'number', integer: s.type === 'integer', min: s.minimum ?? -Infinity, max: s.maximum ?? Infinity }
  }
  return { kind: 'other' }
}

/** True when leaves on one fact certainly cannot all hold for any value the fact may take. */
export function contradictory (leaves: Leaf[]): boolean {
  const domain = domainOf(FACT_SCHEMAS.get(leaves[0].fact))
  if (domain.kind === 'set') {
    // The fact is a set X of the listed elements: contains v needs v ∈ X, doesNotContain v needs
    // v ∉ X, containsAny S needs some s ∈ S in X. Other operators on a set are not analysed.
    const excluded = new Set<unknown>(leaves.filter((l) => l.operator === 'doesNotContain').map((l) => l.value))
    const possible = (v: unknown) => domain.elements.includes(v) && !excluded.has(v)
    return leaves.some((l) =>
      (l.operator === 'contains' && !possible(l.value)) ||
      (l.operator === 'containsAny' && !(l.value as unknown[]).some(possible)))
  }
  // Scalars. Candidates: every value of a finite domain, or the values an equal/in leaf allows.
  const modelled = leaves.filter((l) => ['equal', 'notEqual', 'in', 'notIn'].includes(l.operator) ||
    (NUMERIC.has(l.operator) && domain.kind === 'number' && typeof l.value === 'number'))
  let candidates: unknown[] | undefined = domain.kind === 'finite' ? domain.values : undefined
  for (const l of modelled) {
    if (l.operator === 'equal') candidates = (candidates ?? [l.value]).filter((v) => v === l.value)
    if (l.operator === 'in') candidates = (candidates ?? (l.value as unknown[])).filter((v) => (l.value as unknown[]).includes(v))
  }
  if (domain.kind === 'number') {
    let lo = domain.min
    let hi = domain.max
    let loOpen = false
    let hiOpen = false
    for (const l of modelled.filter((x) => NUMERIC.has(x.operator))) {
      const v = l.value as number
      if (l.operator.startsWith('greater') && (v > lo || (v === lo && l.operator === 'greaterThan'))) [lo, loOpen] = [v, l.operator === 'greaterThan']
      if (l.operator.startsWith('less') && (v < hi || (v === hi && l.operator === 'lessThan'))) [hi, hiOpen] = [v, l.operator === 'lessThan']
    }
    const inRange = (v: unknown) => typeof v === 'number' && (domain.integer ? Number.isInteger(v) : true) &&
      (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi)
    const equality = modelled.filter((l) => !NUMERIC.has(l.operator))
    if (candidates !== undefined) return !candidates.some((v) => inRange(v) && equality.every((l) => holds(l.operator, v, l.value)))
    if (domain.integer) {
      const first = loOpen ? Math.floor(lo) + 1 : Math.ceil(lo)
      return hiOpen ? !(first < hi) : !(first <= hi)
    }
    return lo > hi || (lo === hi && (loOpen || hiOpen))
  }
  if (candidates === undefined) return false
  return !candidates.some((v) => modelled.every((l) => holds(l.operator, v, l.value)))
}
