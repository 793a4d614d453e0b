/**
 * Checks on rule data that a schema cannot express, as plain functions: the loader runs the static
 * ones (a rule that can never fire, a citation with no text in a version the rule applies) so that a
 * rule set failing them never serves, and `npm run rules:check` adds the golden-case checks.
 *
 * "Can never fire" is decided conservatively over the condition tree: a conjunction is reported only
 * when its leaves on one fact certainly cannot hold together for any value the facts schema allows
 * (`equal true` and `equal false`; `equal 'a'` and `in ['b']`; `greaterThanInclusive 50` and
 * `lessThan 10`; `contains x` and `doesNotContain x`; a value the fact never takes). An `any` is
 * dead only when every branch is; a `not` over anything but a single leaf is not analysed. A reference
 * to a shared condition is analysed as the condition it names, written in its place.
 */
import type { Condition, RuleSetFile, Rule } from '../../schemas/rules-data.js'
import type { RulesProblem } from '../../errors.js'
import { contradictory, type Leaf } from './fact-domains.js'
import { foldCondition } from './walk.js'
import { expandReferences, type SharedConditions } from './shared-conditions.js'

export { domainOf, type Domain, type Leaf } from './fact-domains.js'

/** Why a condition tree can never hold: the leaves that contradict each other (or the `any` none of whose branches can hold). */
export interface Contradiction {
  pointers: string[]
  message: string
}

const NEGATION: Record<string, string> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  contains: 'doesNotContain',
  doesNotContain: 'contains',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  greaterThan: 'lessThanInclusive',
  lessThanInclusive: 'greaterThan'
}

const show = (l: Leaf): string => `${l.fact} ${l.operator} ${JSON.stringify(l.value)}`

/** The smallest set of leaves (one, then two, then all on the fact) that contradict, if any. */
function contradictionAmong (leaves: Leaf[]): Contradiction | undefined {
  const byFact = new Map<string, Leaf[]>()
  for (const l of leaves) byFact.set(l.fact, [...(byFact.get(l.fact) ?? []), l])
  for (const group of byFact.values()) {
    const single = group.find((l) => contradictory([l]))
    if (single !== undefined) {
      return { pointers: [single.pointer], message: `'${show(single)}' can never hold: the fact never takes such a value (see the facts vocabulary)` }
    }
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (contradictory([group[i], group[j]])) {
          return { pointers: [group[i].pointer, group[j].pointer], message: `'${show(group[i])}' and '${show(group[j])}' cannot both hold` }
        }
      }
    }
    if (contradictory(group)) {
      return { pointers: group.map((l) => l.pointer), message: `${group.map((l) => `'${show(l)}'`).join(', ')} cannot all hold` }
    }
  }
  return undefined
}

interface Node { c: Condition, pointer: string }
type LeafCondition = Extract<Condition, { fact: string }>
interface Parts { leaves: Leaf[], anys: Node[] }

/** Branch combinations tried before giving up (and calling the tree satisfiable, the safe answer). */
const BUDGET = 512

/**
 * Why a conjunction of condition trees can never hold, or undefined when it may (or it is too
 * costly to tell). Each `any` is expanded branch by branch against the rest of the conjunction.
 */
function unsatisfiable (conj: Node[], budget: { left: number }): Contradiction | undefined {
  const leaves: Leaf[] = []
  const anys: Node[] = []
  for (const node of conj) {
    const parts = foldCondition<Condition, Parts>(node.c, {
      leaf: (l, pointer) => {
        const { fact, operator, value } = l as LeafCondition
        return { leaves: [{ fact, operator, value, pointer }], anys: [] }
      },
      all: (children) => ({ leaves: children.flatMap((x) => x.leaves), anys: children.flatMap((x) => x.anys) }),
      // An `any` is expanded branch by branch below, against the rest of the conjunction.
      any: (_children, any, pointer) => ({ leaves: [], anys: [{ c: any, pointer }] }),
      // A `not` is analysed only over a single leaf, as the leaf with the negated operator.
      not: (_child, not, pointer) => {
        const inner = (not as { not: Condition }).not
        return 'fact' in inner && NEGATION[inner.operator] !== undefined
          ? { leaves: [{ fact: inner.fact, operator: NEGATION[inner.operator], value: inner.value, pointer }], anys: [] }
          : { leaves: [], anys: [] }
      },
      // Left only where the name does not resolve, which the loader reports.
      ref: () => ({ leaves: [], anys: [] })
    }, node.pointer)
    leaves.push(...parts.leaves)
    anys.push(...parts.anys)
  }
  const direct = contradictionAmong(leaves)
  if (direct !== undefined) return direct
  if (anys.length === 0) return undefined
  const [first, ...rest] = anys
  const branches = (first.c as { any: Condition[] }).any
  const leafNodes = leaves.map((l) => ({ c: { fact: l.fact, operator: l.operator, value: l.value } as Condition, pointer: l.pointer }))
  for (const [i, branch] of branches.entries()) {
    if (--budget.left < 0) return undefined
    if (unsatisfiable([...leafNodes, ...rest, { c: branch, pointer: `${first.pointer}/any/${i}` }], budget) === undefined) return undefined
  }
  return { pointers: [first.pointer], message: 'no branch of this `any` can hold together with the other conditions' }
}

/** Why a condition tree can never hold, or undefined when it may. */
export function neverHolds (conditions: Condition, pointer = ''): Contradiction | undefined {
  return unsatisfiable([{ c: conditions, pointer }], { left: BUDGET })
}

export function ruleProblem (file: string, rule: Rule, pointer: string, message: string): RulesProblem {
  return { file, pointer, message: `rule '${rule.id}': ${message}` }
}

/** Rules (or the version-specific elements of a rule) that can never fire. */
export function contradictionProblems (file: string, set: RuleSetFile, shared: SharedConditions = new Map()): RulesProblem[] {
  const problems: RulesProblem[] = []
  set.rules.forEach((rule, i) => {
    const at = `/rules/${i}/conditions`
    // A shared condition is analysed where it is referred to, as if written there.
    const conditions = expandReferences(rule.conditions, shared)
    const base = neverHolds(conditions, at)
    if (base !== undefined) {
      problems.push(ruleProblem(file, rule, base.pointers[0], `can never fire: ${base.message}${base.pointers.length > 1 ? ` (${base.pointers.join(', ')})` : ''}`))
      return
    }
    for (const [version, extra] of Object.entries(rule.elementsByVersion ?? {})) {
      const both = unsatisfiable([{ c: conditions, pointer: at }, { c: expandReferences(extra, shared), pointer: `/rules/${i}/elementsByVersion/${version}` }], { left: BUDGET })
      if (both !== undefined) {
        problems.push(ruleProblem(file, rule, `/rules/${i}/elementsByVersion/${version}`,
          `can never fire under version ${version} (its conditions and elementsByVersion.${version} together): ${both.message} (${both.pointers.join(', ')})`))
      }
    }
  })
  return problems
}
