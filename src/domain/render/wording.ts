/**
 * A leaf condition in words, for explanations: the rule author's description where there is one,
 * otherwise a plain rendering of fact, operator and value.
 */
import type { EvaluatedCondition } from '../decide/conditions.js'

const OPERATORS: Record<string, { zh: string, en: string }> = {
  equal: { zh: '等于', en: 'equals' },
  notEqual: { zh: '不等于', en: 'does not equal' },
  lessThan: { zh: '小于', en: 'is less than' },
  lessThanInclusive: { zh: '不大于', en: 'is at most' },
  greaterThan: { zh: '大于', en: 'is greater than' },
  greaterThanInclusive: { zh: '不小于', en: 'is at least' },
  in: { zh: '属于', en: 'is one of' },
  notIn: { zh: '不属于', en: 'is none of' },
  contains: { zh: '包含', en: 'includes' },
  doesNotContain: { zh: '不包含', en: 'does not include' },
  containsAny: { zh: '包含以下任一项', en: 'includes any of' }
}

export function conditionText (leaf: EvaluatedCondition): { zh: string, en: string } {
  if (leaf.description !== undefined) return leaf.description
  const op = OPERATORS[leaf.operator as string]
  const value = Array.isArray(leaf.value) ? leaf.value.join(', ') : String(leaf.value)
  return { zh: `${leaf.fact} ${op.zh} ${value}`, en: `${leaf.fact} ${op.en} ${value}` }
}
