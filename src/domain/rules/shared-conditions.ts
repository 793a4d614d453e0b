/**
 * Named shared conditions (rules/conditions.json): leaves that many rules test in the same words,
 * written once and referred to as `{ "condition": "<name>" }`. The engines are handed each reference
 * written out in place (src/domain/decide/engine.ts); the checks here make sure a reference always
 * resolves, a shared condition reads only facts of the vocabulary, and none lies unused.
 */
import type { Condition } from '../../schemas/rules-data.js'
import type { RulesProblem } from '../../errors.js'
import { foldCondition, leavesOf } from './walk.js'
import { FACT_NAMES } from './vocabulary.js'

export const CONDITIONS_FILE = 'conditions.json'

export type SharedConditions = ReadonlyMap<string, Condition>

/** The shared conditions a tree refers to, each with the pointer of its reference. */
export function referencesOf (tree: Condition, pointer = ''): Array<{ name: string, pointer: string }> {
  const concat = (xs: Array<Array<{ name: string, pointer: string }>>) => xs.flat()
  return foldCondition<Condition, Array<{ name: string, pointer: string }>>(tree, {
    leaf: () => [],
    all: concat,
    any: concat,
    not: (child) => child,
    ref: (name, _node, p) => [{ name, pointer: p }]
  }, pointer)
}

/**
 * The tree with every reference replaced by the condition it names, for the analyses that read a
 * tree whole (can never fire, coverage). A leaf put in place of a reference keeps the reference's
 * pointer. References are not nested (see sharedConditionProblems), and a name that does not resolve
 * is left as it is (the loader reports it).
 */
export function expandReferences (tree: Condition, shared: SharedConditions): Condition {
  return foldCondition<Condition, Condition>(tree, {
    leaf: (node) => node,
    all: (all) => ({ all }),
    any: (any) => ({ any }),
    not: (not) => ({ not }),
    ref: (name, node) => shared.get(name) ?? node
  })
}

/** Problems of conditions.json itself: facts outside the vocabulary, references inside a shared condition. */
export function sharedConditionProblems (shared: SharedConditions): RulesProblem[] {
  const problems: RulesProblem[] = []
  for (const [name, c] of shared) {
    const at = `/conditions/${name}`
    for (const { leaf, pointer } of leavesOf(c, at)) {
      const fact = (leaf as { fact: string }).fact
      if (!FACT_NAMES.has(fact)) problems.push({ file: CONDITIONS_FILE, pointer: `${pointer}/fact`, message: `unknown fact '${fact}' (see rules/README.md for the vocabulary)` })
    }
    for (const ref of referencesOf(c, at)) {
      problems.push({ file: CONDITIONS_FILE, pointer: ref.pointer, message: `a shared condition may not refer to another ('${ref.name}'): write the leaves out` })
    }
  }
  return problems
}

/** A shared condition that no rule refers to is dead data: it is refused like a dead dated entry. */
export function unusedProblems (shared: SharedConditions, used: ReadonlySet<string>): RulesProblem[] {
  return [...shared.keys()].filter((name) => !used.has(name)).map((name) => ({
    file: CONDITIONS_FILE,
    pointer: `/conditions/${name}`,
    message: `shared condition '${name}' is not used by any rule (remove it, or refer to it as { "condition": "${name}" })`
  }))
}
