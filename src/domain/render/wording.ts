/**
 * A leaf condition in words, for explanations: the rule author's description where there is one,
 * otherwise a sentence built from the labels of the facts vocabulary (the fact's name, the operator,
 * the values' labels), so that a reader never sees a dotted fact name or a code.
 */
import { factKind, factLabel, valueLabel, type FactKind, type Label } from '../rules/labels.js'

export interface ConditionLeaf {
  fact?: string
  operator?: string
  value?: unknown
  /** The rule author's wording, which wins over the generated one. */
  description?: Label
}

/** Operator words for the cases without a more natural phrasing (kept readable, never a code). */
const OPERATORS: Record<string, Label> = {
  equal: { zh: '为', en: 'is' },
  notEqual: { zh: '不为', en: 'is not' },
  lessThan: { zh: '少于', en: 'is less than' },
  lessThanInclusive: { zh: '不超过', en: 'is at most' },
  greaterThan: { zh: '超过', en: 'is more than' },
  greaterThanInclusive: { zh: '不少于', en: 'is at least' },
  in: { zh: '为以下之一：', en: 'is one of' },
  notIn: { zh: '不为以下任一项：', en: 'is none of' },
  contains: { zh: '包含', en: 'includes' },
  doesNotContain: { zh: '不包含', en: 'does not include' },
  containsAny: { zh: '包含以下任一项：', en: 'includes any of' }
}

const COMPARISONS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'])

/** Comparisons of dates read as time. */
const DATE_OPERATORS: Record<string, Label> = {
  lessThan: { zh: '早于', en: 'is before' },
  lessThanInclusive: { zh: '不晚于', en: 'is on or before' },
  greaterThan: { zh: '晚于', en: 'is after' },
  greaterThanInclusive: { zh: '不早于', en: 'is on or after' }
}

/** 、 between items, or ； when an item already contains 、 (e.g. 编造、发表；转发、传播). */
function zhList (items: string[]): string {
  return items.join(items.some((s) => s.includes('、')) ? '；' : '、')
}

/** "a", "a or b", "a, b or c"; semicolons when an item has its own commas or "or" ("a and b; or c or d"). */
function enList (items: string[], word: 'or' | 'and'): string {
  if (items.length === 1) return items[0]
  const nested = items.some((s) => /, | or /.test(s))
  const last = nested ? `; ${word} ` : ` ${word} `
  return `${items.slice(0, -1).join(nested ? '; ' : ', ')}${last}${items[items.length - 1]}`
}

interface Parts { name: Label, labels: Label[] }

const zhOf = (labels: Label[]) => zhList(labels.map((l) => l.zh))
const enOr = (labels: Label[]) => enList(labels.map((l) => l.en), 'or')

/** A yes/no fact: the statement the value makes ("是党员领导干部", "未经民政部门登记注册"). */
function booleanText (fact: string, operator: string, values: unknown[]): Label | undefined {
  const says = (v: unknown) => valueLabel(fact, v)
  const negated = (v: unknown) => valueLabel(fact, v !== true)
  if ((operator === 'equal' || operator === 'in') && values.length === 1) return says(values[0])
  if ((operator === 'notEqual' || operator === 'notIn') && values.length === 1) return negated(values[0])
  const labels = values.map(operator === 'in' ? says : negated)
  if (operator === 'in') return { zh: labels.map((l) => l.zh).join('或'), en: enOr(labels) }
  if (operator === 'notIn') return { zh: labels.map((l) => l.zh).join('，且'), en: enList(labels.map((l) => l.en), 'and') }
  return undefined
}

/** One value out of a list, a number, a date or a word: "对方是管理和服务对象", "its form: an online group". */
function scalarText (kind: FactKind, operator: string, { name, labels }: Parts): Label | undefined {
  const is = kind === 'number' ? { zh: '为', en: 'is' } : { zh: '是', en: kind === 'enum' ? ':' : 'is' }
  const isNot = kind === 'number' ? { zh: '不为', en: 'is not' } : { zh: '不是', en: kind === 'enum' ? ': not' : 'is not' }
  const en = (verb: string, rest: string) => `${name.en}${verb.startsWith(':') ? '' : ' '}${verb} ${rest}`
  const single = labels.length === 1
  // `equal` to a list never holds for a single value: worded plainly below, not as "one of".
  if (!single && (operator === 'equal' || operator === 'notEqual')) return undefined
  switch (operator) {
    case 'equal':
    case 'in':
      return single
        ? { zh: `${name.zh}${is.zh}${labels[0].zh}`, en: en(is.en, labels[0].en) }
        : { zh: `${name.zh}${is.zh}以下之一：${zhOf(labels)}`, en: en(is.en, enOr(labels)) }
    case 'notEqual':
    case 'notIn':
      if (single) return { zh: `${name.zh}${isNot.zh}${labels[0].zh}`, en: en(isNot.en, labels[0].en) }
      return {
        zh: `${name.zh}不是以下任一项：${zhOf(labels)}`,
        en: labels.length === 2
          ? en(kind === 'enum' ? ': neither' : 'is neither', `${labels[0].en} nor ${labels[1].en}`)
          : en(kind === 'enum' ? ': none of' : 'is none of', enList(labels.map((l) => l.en), 'and'))
      }
  }
  if (!single || !COMPARISONS.has(operator)) return undefined
  const words = (kind === 'date' ? DATE_OPERATORS : OPERATORS)[operator]
  return { zh: `${name.zh}${words.zh}${labels[0].zh}`, en: `${name.en} ${words.en} ${labels[0].en}` }
}

/** A set of values: "本人在该组织中的角色包含以下任一项：发起人、组织者", "the subject’s roles in it include initiator or organiser". */
function setText (operator: string, { name, labels }: Parts): Label | undefined {
  const single = labels.length === 1
  switch (operator) {
    case 'contains':
      return { zh: `${name.zh}包含${labels[0].zh}`, en: `${name.en} include ${labels[0].en}` }
    case 'doesNotContain':
      return { zh: `${name.zh}不包含${labels[0].zh}`, en: `${name.en} do not include ${labels[0].en}` }
    case 'containsAny':
      return single
        ? { zh: `${name.zh}包含${labels[0].zh}`, en: `${name.en} include ${labels[0].en}` }
        : { zh: `${name.zh}包含以下任一项：${zhOf(labels)}`, en: `${name.en} include ${enOr(labels)}` }
  }
  return undefined
}

const YES_NO: Record<string, Label> = { true: { zh: '是', en: 'yes' }, false: { zh: '否', en: 'no' } }
/** A list's name is plural in English ("the subject’s roles … are"). */
const plural = (en: string) => en.replace(/^is\b/, 'are').replace(/^includes/, 'include').replace(/^does not/, 'do not')

/**
 * Any other pairing (none in the bundled rules, and none that json-rules-engine can make true, e.g.
 * `contains` on a single value): the operator's own words between the labels, so it still reads.
 */
function plainText (kind: FactKind, operator: string, { name, labels }: Parts, values: unknown[]): Label {
  // The Condition schema admits only these operators, so every operator has its words.
  const op = OPERATORS[operator]
  const shown = kind === 'boolean' ? values.map((v, i) => YES_NO[String(v)] ?? labels[i]) : labels
  const verb = kind === 'enum-array' ? plural(op.en) : op.en
  return { zh: `${name.zh}${op.zh}${zhOf(shown)}`, en: `${name.en} ${verb} ${enList(shown.map((l) => l.en), 'and')}` }
}

/**
 * Sentences already built, by fact, operator and value: leaves come from the rule data, a finite set,
 * so each is worded once rather than on every answer (the cap only guards against misuse).
 */
const SENTENCES = new Map<string, Label>()
const MAX_SENTENCES = 10_000

function build (fact: string, operator: string, value: unknown): Label {
  const values = Array.isArray(value) ? value as unknown[] : [value]
  const kind = factKind(fact)
  const parts: Parts = { name: factLabel(fact), labels: values.map((v) => valueLabel(fact, v)) }
  const text = kind === 'boolean'
    ? booleanText(fact, operator, values)
    : kind === 'enum-array' ? setText(operator, parts) : scalarText(kind, operator, parts)
  return text ?? plainText(kind, operator, parts, values)
}

/** A leaf's wording, shared: the caller must not change it (render copies it into the answer). */
export function conditionLabel (leaf: ConditionLeaf): Label {
  if (leaf.description !== undefined) return leaf.description
  const key = `${leaf.fact as string}\u0000${leaf.operator as string}\u0000${JSON.stringify(leaf.value)}`
  let text = SENTENCES.get(key)
  if (text === undefined) {
    if (SENTENCES.size >= MAX_SENTENCES) SENTENCES.clear()
    text = build(leaf.fact as string, leaf.operator as string, leaf.value)
    SENTENCES.set(key, text)
  }
  return text
}

export function conditionText (leaf: ConditionLeaf): Label {
  const text = conditionLabel(leaf)
  // A copy: the answer is the caller's to annotate (e.g. with its `text` in the requested language).
  return { zh: text.zh, en: text.en }
}
