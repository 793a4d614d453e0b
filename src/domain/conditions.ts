/**
 * Three-valued reading of a json-rules-engine result tree. The engine answers true or false; a leaf
 * whose fact is absent is neither, so it is "unknown", and unknown propagates by Kleene's rules:
 * all → false if any child is false, unknown if any is unknown; any → true if any child is true,
 * unknown if any is unknown; not → swaps true and false. A rule whose conditions come out unknown
 * is undetermined: it could still apply once the missing facts are established.
 */
export type Tri = 'true' | 'false' | 'unknown'

export interface EvaluatedCondition {
  all?: EvaluatedCondition[]
  any?: EvaluatedCondition[]
  not?: EvaluatedCondition
  fact?: string
  operator?: string
  value?: unknown
  /** The rule author's wording of a leaf condition, carried through the engine run. */
  description?: { zh: string, en: string }
  factResult?: unknown
  result?: boolean
}

export function tri (c: EvaluatedCondition): Tri {
  if (c.all !== undefined) {
    const vals = c.all.map(tri)
    if (vals.includes('false')) return 'false'
    return vals.includes('unknown') ? 'unknown' : 'true'
  }
  if (c.any !== undefined) {
    const vals = c.any.map(tri)
    if (vals.includes('true')) return 'true'
    return vals.includes('unknown') ? 'unknown' : 'false'
  }
  if (c.not !== undefined) {
    const v = tri(c.not)
    return v === 'unknown' ? v : v === 'true' ? 'false' : 'true'
  }
  if (c.factResult === undefined) return 'unknown'
  return c.result === true ? 'true' : 'false'
}

/**
 * The fact names that decide a node's value `want`: for a true node the facts that made it true,
 * for a false node those that made it false, for an unknown node the facts that are missing.
 */
export function deciding (c: EvaluatedCondition, want: Tri): string[] {
  return [...new Set(decidingLeaves(c, want).map((leaf) => leaf.fact as string))]
}

/** The leaf conditions behind deciding(): each once, with the operator and value they test. */
export function decidingLeaves (c: EvaluatedCondition, want: Tri): EvaluatedCondition[] {
  if (tri(c) !== want) return []
  if (c.all !== undefined || c.any !== undefined) {
    const children = (c.all ?? c.any) as EvaluatedCondition[]
    const seen = new Set<string>()
    return children.flatMap((child) => decidingLeaves(child, want)).filter((leaf) => {
      const id = `${leaf.fact as string}\0${leaf.operator as string}\0${JSON.stringify(leaf.value)}`
      if (seen.has(id)) return false
      seen.add(id)
      return true
    })
  }
  if (c.not !== undefined) {
    const inner: Tri = want === 'unknown' ? 'unknown' : want === 'true' ? 'false' : 'true'
    return decidingLeaves(c.not, inner)
  }
  return [c]
}

