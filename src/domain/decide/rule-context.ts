/**
 * What deciding one rule on one conduct item reads (the context), and the small verdicts every step of
 * it can give: not triggered, undetermined, a finding. ./rule.ts decides; ./sanctioned.ts gives the
 * sanction verdict once the elements hold in the versions compared.
 */
import type { Rule } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'
import type { Catalog } from '../rules/catalog.js'
import { pointerFor } from '../rules/vocabulary.js'
import { decidingLeaves, type Tri } from './conditions.js'
import { key, type Outcome } from './engine.js'
import type { RuleRef, RuleVerdict, UndeterminedReason, Finding, SeriesRef } from './verdicts.js'

export interface RuleContext {
  catalog: Catalog
  ruleSet: string
  conductIndex: number
  conduct: ConductItem
  outcomes: ReadonlyMap<string, Outcome>
  /** The decision date: it selects the later version for 从旧兼从轻 and the general provisions cited. */
  decisionDate: string
  /** The rules not triggered carry the facts that rule them out only with 'full'; 'none' drops `because`. */
  explain: ExplainLevel
  /** The series the item is one of for this rule (./series.ts): the version is chosen at the series' end, not the item's. */
  series?: SeriesRef
}

/** A pointer for a fact name; statedCircumstances keys are rule ids and keep their dots (a test follows a slash). */
export function pointer (name: string, conductIndex: number): string {
  const stated = 'conduct.statedCircumstances.'
  return name.startsWith(stated) ? `/facts/conduct/${conductIndex}/statedCircumstances/${name.slice(stated.length)}` : pointerFor(name, conductIndex)
}

/** The rule's elements in one version: its conditions AND that version's extra elements, if any. */
export function elementsAt (rule: Rule, ctx: RuleContext, version: string): Outcome {
  const base = ctx.outcomes.get(key.rule(rule.id)) as Outcome
  if (rule.elementsByVersion?.[version] === undefined) return base
  const extra = ctx.outcomes.get(key.version(rule.id, version)) as Outcome
  const value: Tri = base.value === 'false' || extra.value === 'false' ? 'false' : base.value === 'unknown' || extra.value === 'unknown' ? 'unknown' : 'true'
  return { value, conditions: { all: [base.conditions, extra.conditions] } }
}

// The verdicts are built without object spread: on Node 20 a spread into a literal costs microseconds,
// more than the rest of a rule's verdict.
export const refOf = (rule: Rule, ctx: RuleContext): RuleRef => {
  const ref: RuleRef = { ruleId: rule.id, ruleSet: ctx.ruleSet, conductIndex: ctx.conductIndex, conductId: ctx.conduct.id }
  if (ctx.series !== undefined) ref.series = ctx.series
  return ref
}

export const notTriggered = (rule: Rule, ctx: RuleContext, o: Outcome): RuleVerdict =>
  ({ ref: refOf(rule, ctx), status: 'not-triggered', failed: ctx.explain === 'full' ? decidingLeaves(o.conditions, 'false') : undefined })

export const undetermined = (rule: Rule, ctx: RuleContext, reason: UndeterminedReason, names: string[]): RuleVerdict =>
  ({ ref: refOf(rule, ctx), status: 'undetermined', reason, missing: names.map((n) => pointer(n, ctx.conductIndex)) })

export type FindingOf = Omit<Finding, 'ref'>

export const finding = (rule: Rule, ctx: RuleContext, f: FindingOf): RuleVerdict => {
  const v = f as Finding
  v.ref = refOf(rule, ctx)
  return v
}
