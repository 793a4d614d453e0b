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
  const leaves: EvaluatedCondition[] = []
  collect(c, want, leaves)
  // Each leaf once, in order of first appearance. The lists are short (a rule's own leaves), so a
  // pairwise comparison is cheaper than building a key per leaf.
  const out: EvaluatedCondition[] = []
  for (const leaf of leaves) if (!out.some((o) => sameTest(o, leaf))) out.push(leaf)
  return out
}

/** Pushes the leaves that give the node the value `want`, and returns the node's value. */
function collect (c: EvaluatedCondition, want: Tri, out: EvaluatedCondition[]): Tri {
  if (c.all !== undefined || c.any !== undefined) {
    // A node's value decides whether its children's leaves count; the children are walked once,
    // into a scratch list that is kept only if the node has the wanted value.
    const isAll = c.all !== undefined
    const children = (c.all ?? c.any) as EvaluatedCondition[]
    const mark = out.length
    let sawFalse = false
    let sawTrue = false
    let sawUnknown = false
    for (const child of children) {
      const v = collect(child, want, out)
      if (v === 'false') sawFalse = true
      else if (v === 'true') sawTrue = true
      else sawUnknown = true
    }
    const value: Tri = isAll
      ? (sawFalse ? 'false' : sawUnknown ? 'unknown' : 'true')
      : (sawTrue ? 'true' : sawUnknown ? 'unknown' : 'false')
    if (value !== want) out.length = mark
    return value
  }
  if (c.not !== undefined) {
    const inner: Tri = want === 'unknown' ? 'unknown' : want === 'true' ? 'false' : 'true'
    const mark = out.length
    const v = collect(c.not, inner, out)
    const value: Tri = v === 'unknown' ? v : v === 'true' ? 'false' : 'true'
    if (value !== want) out.length = mark
    return value
  }
  const value: Tri = c.factResult === undefined ? 'unknown' : c.result === true ? 'true' : 'false'
  if (value === want) out.push(c)
  return value
}

function sameTest (a: EvaluatedCondition, b: EvaluatedCondition): boolean {
  return a.fact === b.fact && a.operator === b.operator && JSON.stringify(a.value) === JSON.stringify(b.value)
}
