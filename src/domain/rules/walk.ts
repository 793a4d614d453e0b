/**
 * The one walker of condition trees. Authored conditions (rules/rulesets/*.json), the conditions given
 * to json-rules-engine and the result trees it returns all share one shape: `all` / `any` (arrays),
 * `not` (one child), a reference to a named shared condition (`{ "condition": name }`), or a leaf
 * (`fact`, `operator`, `value`). Every consumer (load, check, coverage, engine set-up, the three-valued
 * reading, explanations) folds a tree with this function instead of writing its own recursion.
 */

/** What a fold does at each kind of node; `pointer` is the node's JSON pointer below the start. */
export interface ConditionFold<N, T> {
  leaf: (node: N, pointer: string) => T
  all: (children: T[], node: N, pointer: string) => T
  any: (children: T[], node: N, pointer: string) => T
  not: (child: T, node: N, pointer: string) => T
  /** A reference to a named shared condition; without this member a reference is an error. */
  ref?: (name: string, node: N, pointer: string) => T
  /**
   * false: the fold never reads its pointers, so none are built (every pointer is ''). Building them
   * is most of what a walk costs, and the three-valued reading of a result tree runs on every request.
   */
  pointers?: boolean
}

type Shape<N> = { all?: N[], any?: N[], not?: N, condition?: string }

/** Folds a condition tree bottom-up, children first, in document order. */
export function foldCondition<N extends object, T> (node: N, fold: ConditionFold<N, T>, pointer = ''): T {
  const n = node as Shape<N>
  if (Array.isArray(n.all)) return fold.all(children(n.all, fold, pointer, '/all/'), node, pointer)
  if (Array.isArray(n.any)) return fold.any(children(n.any, fold, pointer, '/any/'), node, pointer)
  if (n.not !== undefined) return fold.not(foldCondition(n.not, fold, fold.pointers === false ? pointer : `${pointer}/not`), node, pointer)
  if (typeof n.condition === 'string') {
    if (fold.ref === undefined) throw new Error(`foldCondition: a reference to condition '${n.condition}' at ${pointer} where none is expected`)
    return fold.ref(n.condition, node, pointer)
  }
  return fold.leaf(node, pointer)
}

function children<N extends object, T> (nodes: N[], fold: ConditionFold<N, T>, pointer: string, step: string): T[] {
  const out = new Array<T>(nodes.length)
  for (let i = 0; i < nodes.length; i++) out[i] = foldCondition(nodes[i], fold, fold.pointers === false ? pointer : `${pointer}${step}${i}`)
  return out
}

/** Every leaf of a tree with its pointer, in document order (references are not followed). */
export function leavesOf<N extends object> (node: N, pointer = ''): Array<{ leaf: N, pointer: string }> {
  const concat = (xs: Array<Array<{ leaf: N, pointer: string }>>) => xs.flat()
  return foldCondition<N, Array<{ leaf: N, pointer: string }>>(node, {
    leaf: (leaf, p) => [{ leaf, pointer: p }],
    all: concat,
    any: concat,
    not: (child) => child,
    ref: () => []
  }, pointer)
}
