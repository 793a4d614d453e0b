/**
 * One rule against one conduct item: elements (three-valued), then the version in force when the
 * conduct ended, then the circumstance (stated, inferred or default), then the article's tier.
 */
import type { Rule } from '../schemas/rules-data.js'
import type { ConductItem } from '../schemas/facts.js'
import type { Static } from '@sinclair/typebox'
import type { CircumstanceFinding } from '../schemas/evaluation.js'
import type { Catalog } from './catalog.js'
import { versionInForce, firstInForce, clauseVersion, cite, citeAt, defined } from './catalog.js'
import { deciding, type Tri } from './conditions.js'
import { key, type Outcome } from './engine.js'
import { pointerFor } from './vocabulary.js'
import { rangeOf, SANCTION_NAMES } from './ladder.js'
import { tierFor, CIRCUMSTANCE_NAMES } from './circumstance.js'
import type { RuleEvaluation } from './findings.js'

export interface RuleContext {
  catalog: Catalog
  ruleSet: string
  conductIndex: number
  conduct: ConductItem
  facts: Record<string, unknown>
  outcomes: Map<string, Outcome>
  /** General provisions (exemption, referral) are cited from the version in force on this date. */
  decisionDate: string
}

type Circ = Static<typeof CircumstanceFinding>

function factRefs (ctx: RuleContext, names: string[]) {
  return names.map((n) => ({ pointer: pointerFor(n, ctx.conductIndex), value: ctx.facts[n] }))
}

function outcome (ctx: RuleContext, name: string): Outcome {
  return ctx.outcomes.get(name) as Outcome
}

function circumstanceOf (rule: Rule, ctx: RuleContext): Circ | { missing: string[] } {
  const stated = ctx.conduct.statedCircumstances?.[rule.id]
  if (stated !== undefined) {
    const name = CIRCUMSTANCE_NAMES[stated]
    return {
      tier: stated,
      source: 'stated',
      explanation: { zh: `办案人员认定：${name.zh}。`, en: `Stated by the case officer: ${name.en}.` }
    }
  }
  const inf = rule.circumstance
  if (inf === undefined) {
    return {
      tier: 'base',
      source: 'default',
      explanation: { zh: '事实中未陈述情节，本规则也不推断情节：按无情节限定处理。', en: 'No circumstance is stated and this rule infers none: treated as unqualified.' }
    }
  }
  const values: Array<{ id: string, value: Tri, o: Outcome, title: { zh: string, en: string } }> = inf.indicators.map((ind) => {
    const o = outcome(ctx, key.indicator(rule.id, ind.id))
    return { id: ind.id, value: o.value, o, title: ind.title }
  })
  const met = values.filter((v) => v.value === 'true')
  const unknown = values.filter((v) => v.value === 'unknown')
  const indicators = met.map((v) => ({ id: v.id, title: v.title, facts: factRefs(ctx, deciding(v.o.conditions, 'true')) }))
  const target = CIRCUMSTANCE_NAMES[inf.circumstance]
  if (met.length < inf.minIndicators && met.length + unknown.length >= inf.minIndicators) {
    return { missing: [...new Set(unknown.flatMap((v) => deciding(v.o.conditions, 'unknown')))] }
  }
  const reached = met.length >= inf.minIndicators
  return {
    tier: reached ? inf.circumstance : 'base',
    source: 'inferred',
    indicators,
    minIndicators: inf.minIndicators,
    provenance: inf.provenance,
    explanation: reached
      ? { zh: `推断为${target.zh}：满足${met.length}项因素（至少需要${inf.minIndicators}项）。这是推断，不是官方标准。`, en: `Inferred as ${target.en}: ${met.length} indicators met (at least ${inf.minIndicators} needed). This is an inference, not an official test.` }
      : { zh: `推断未达到${target.zh}：仅满足${met.length}项因素（至少需要${inf.minIndicators}项）。这是推断，不是官方标准。`, en: `Inferred as not reaching ${target.en}: ${met.length} indicators met (at least ${inf.minIndicators} needed). This is an inference, not an official test.` }
  }
}

export function evaluateRule (rule: Rule, ctx: RuleContext): RuleEvaluation {
  const ref = {
    ruleId: rule.id,
    ruleSet: ctx.ruleSet,
    conductIndex: ctx.conductIndex,
    ...(ctx.conduct.id !== undefined ? { conductId: ctx.conduct.id } : {}),
    title: rule.title
  }
  const elements = outcome(ctx, key.rule(rule.id))
  if (elements.value === 'false') {
    return { kind: 'not-triggered', value: { ...ref, failed: factRefs(ctx, deciding(elements.conditions, 'false')) } }
  }
  if (elements.value === 'unknown') {
    const missing = deciding(elements.conditions, 'unknown').map((n) => pointerFor(n, ctx.conductIndex))
    return {
      kind: 'undetermined',
      value: { ...ref, missing, explanation: { zh: '构成要件所需的事实尚未查明，本规则可能适用。', en: 'Facts this rule\'s elements need are not established; the rule may still apply.' } }
    }
  }

  const clause = ctx.catalog.clauses.get(rule.clause)!
  const instrument = ctx.catalog.instruments.get(clause.instrument)!
  const end = ctx.conduct.period.end
  if (end === undefined) {
    return {
      kind: 'undetermined',
      value: { ...ref, missing: [`/facts/conduct/${ctx.conductIndex}/period/end`], explanation: { zh: '构成要件已满足，但行为终了日期不明，无法确定适用的版本。', en: 'The elements are met, but without the date the conduct ended the applicable version cannot be chosen.' } }
    }
  }
  const iv = versionInForce(instrument, end)
  if (iv === undefined) {
    const from = firstInForce(instrument)
    const before = clause.before?.summary
    return {
      kind: 'finding',
      value: {
        ...ref,
        status: 'outside-encoded-period',
        explanation: {
          zh: `行为终了于${end}，早于已编码版本的施行日期（${from}）。这不是\"不违纪\"的结论。${before?.zh ?? ''}`,
          en: `The conduct ended on ${end}, before the encoded versions came into force (${from}). This is not a finding of no violation. ${before?.en ?? ''}`.trim()
        },
        citations: []
      }
    }
  }
  const cv = clauseVersion(clause, iv.version)
  if (cv === undefined) {
    return {
      kind: 'finding',
      value: {
        ...ref,
        status: 'no-provision-in-version',
        explanation: { zh: `行为终了时施行的${iv.label}版本没有这一条款。`, en: `The version in force when the conduct ended (${iv.version}) has no such provision.` },
        citations: []
      }
    }
  }
  const primary = cite(ctx.catalog, clause.id, iv.version)!
  const circ = circumstanceOf(rule, ctx)
  if ('missing' in circ) {
    return {
      kind: 'undetermined',
      value: {
        ...ref,
        missing: circ.missing.map((n) => pointerFor(n, ctx.conductIndex)),
        explanation: { zh: `构成要件已满足，但能否达到${primary.label}规定的情节尚无法判断：缺少下列事实。`, en: `The elements are met, but whether the circumstances reach the tier of ${primary.label} cannot be told: the facts below are missing.` }
      }
    }
  }
  const tier = tierFor(cv.tiers!, circ.tier)
  if (tier === undefined) {
    return {
      kind: 'finding',
      value: {
        ...ref,
        status: 'below-threshold',
        circumstance: circ,
        explanation: {
          zh: `构成要件已满足，但情节未达到${primary.label}的最低处分档次，依该条不给予党纪处分；仍可进行批评教育、责令检查、诫勉或组织处理。这不是\"行为无问题\"的结论。`,
          en: `The elements are met, but the circumstances do not reach the lowest tier of ${primary.label}: no party sanction under it. Criticism and education, ordered self-examination, admonition (诫勉) or organisational handling remain open. This is not a finding that the conduct is clean.`
        },
        citations: [primary, citeAt(ctx.catalog, 'ccp.exemption', ctx.decisionDate)].filter(defined)
      }
    }
  }
  const range = rangeOf(tier.sanctions)
  const supporting = (rule.supporting ?? []).map((s) => cite(ctx.catalog, s.clause, iv.version, s.role)!)
  const referral = rule.referral === undefined
    ? undefined
    : { text: rule.referral.text, citations: [citeAt(ctx.catalog, rule.referral.clause, ctx.decisionDate)].filter(defined) }
  const notes = (rule.notes ?? [])
    .filter((n) => n.when === undefined || outcome(ctx, key.note(rule.id, n.id)).value === 'true')
    .map((n) => ({ id: n.id, text: n.text }))
  return {
    kind: 'triggered',
    yieldsTo: rule.yieldsTo ?? [],
    value: {
      ...ref,
      appliedVersion: {
        instrument: instrument.id,
        version: iv.version,
        conductEnded: end,
        reason: { zh: `行为终了时（${end}）施行的版本（${iv.label}）。`, en: `The version in force when the conduct ended (${end}): ${iv.version}.` }
      },
      circumstance: circ,
      sanctionRange: range,
      citations: [primary, ...supporting],
      ...(referral !== undefined ? { referral } : {}),
      because: factRefs(ctx, deciding(elements.conditions, 'true')),
      notes: [
        ...notes,
        {
          id: 'range',
          text: {
            zh: `处分幅度：${SANCTION_NAMES[range.min].zh}至${SANCTION_NAMES[range.max].zh}（${primary.label}）。`,
            en: `Sanction range: ${SANCTION_NAMES[range.min].en} to ${SANCTION_NAMES[range.max].en} (${primary.label}).`
          }
        }
      ]
    }
  }
}
