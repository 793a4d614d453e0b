/**
 * One rule against one conduct item: the elements (three-valued), the version in force when the
 * conduct ended and the one in force at decision (从旧兼从轻), the circumstance (stated, inferred or
 * default), and the article's tier in the version applied.
 */
import type { Rule, Clause, ClauseVersion, Instrument } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { Static } from '@sinclair/typebox'
import type { CircumstanceFinding } from '../../schemas/evaluation.js'
import type { Catalog } from '../rules/catalog.js'
import { versionInForce, firstInForce, clauseVersion, cite, citeAt, defined } from '../rules/catalog.js'
import { deciding, decidingLeaves, type Tri, type EvaluatedCondition } from './conditions.js'
import { conditionText } from '../render/wording.js'
import { key, type Outcome } from './engine.js'
import type { Outcomes } from './compiled.js'
import { pointerFor } from '../rules/vocabulary.js'
import { rangeOf, compareRanges, SANCTION_NAMES, type SanctionRange } from './ladder.js'
import { tierFor, CIRCUMSTANCE_NAMES } from './circumstance.js'
import type { Circumstance } from '../../schemas/codes.js'
import type { RuleEvaluation } from './findings.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'

export interface RuleContext {
  catalog: Catalog
  ruleSet: string
  conductIndex: number
  conduct: ConductItem
  facts: Record<string, unknown>
  outcomes: Outcomes
  /** The decision date: it selects the later version for 从旧兼从轻 and the general provisions cited. */
  decisionDate: string
  /** How much explanation the response carries: the facts behind a rule not triggered are only shown with 'full'. */
  explain: ExplainLevel
}

type Circ = Static<typeof CircumstanceFinding>
type Text = { zh: string, en: string }

/** The facts behind a node's value, each with the condition it met (or failed) in words. */
function factRefs (ctx: RuleContext, o: EvaluatedCondition, want: Tri) {
  return decidingLeaves(o, want).map((leaf) => ({
    pointer: pointerFor(leaf.fact as string, ctx.conductIndex),
    value: ctx.facts[leaf.fact as string],
    condition: conditionText(leaf)
  }))
}

function outcome (ctx: RuleContext, name: string): Outcome {
  return ctx.outcomes.get(name) as Outcome
}

/** The rule's elements in one version: its conditions AND that version's extra elements, if any. */
function elementsAt (rule: Rule, ctx: RuleContext, version: string): Outcome {
  const base = outcome(ctx, key.rule(rule.id))
  if (rule.elementsByVersion?.[version] === undefined) return base
  const extra = outcome(ctx, key.version(rule.id, version))
  const conditions: EvaluatedCondition = { all: [base.conditions, extra.conditions] }
  const value: Tri = base.value === 'false' || extra.value === 'false' ? 'false' : base.value === 'unknown' || extra.value === 'unknown' ? 'unknown' : 'true'
  return { value, conditions }
}

function circumstanceOf (rule: Rule, ctx: RuleContext, lowest: Circumstance): Circ | { missing: string[] } {
  const stated = ctx.conduct.statedCircumstances?.[rule.id]
  if (stated !== undefined) {
    const name = CIRCUMSTANCE_NAMES[stated]
    return { tier: stated, source: 'stated', explanation: { zh: `办案人员认定：${name.zh}。`, en: `Stated by the case officer: ${name.en}.` } }
  }
  const inf = rule.circumstance
  if (inf === undefined) {
    if (lowest === 'relatively-serious' || lowest === 'serious') {
      // The article punishes only from a qualified tier up and this rule infers none: the circumstance
      // is a fact for the case officer to establish, not something to assume either way.
      return { missing: [`conduct.statedCircumstances.${rule.id}`] }
    }
    return {
      tier: 'base',
      source: 'default',
      explanation: { zh: '未陈述情节，本规则也不推断情节：适用该条的起始档次；如认定情节较重或严重，请在 statedCircumstances 中陈述。', en: 'No circumstance is stated and this rule infers none: the article\'s entry tier applies. State a relatively serious or serious circumstance in statedCircumstances if established.' }
    }
  }
  const values = inf.indicators.map((ind) => {
    const o = outcome(ctx, key.indicator(rule.id, ind.id))
    return { id: ind.id, value: o.value, o, title: ind.title }
  })
  const met = values.filter((v) => v.value === 'true')
  const unknown = values.filter((v) => v.value === 'unknown')
  const target = CIRCUMSTANCE_NAMES[inf.circumstance]
  if (met.length < inf.minIndicators && met.length + unknown.length >= inf.minIndicators) {
    return { missing: [...new Set(unknown.flatMap((v) => deciding(v.o.conditions, 'unknown')))] }
  }
  const reached = met.length >= inf.minIndicators
  return {
    tier: reached ? inf.circumstance : 'base',
    source: 'inferred',
    indicators: met.map((v) => ({ id: v.id, title: v.title, facts: factRefs(ctx, v.o.conditions, 'true') })),
    minIndicators: inf.minIndicators,
    provenance: { ...inf.provenance }, // a copy: the response is localised in place
    explanation: reached
      ? { zh: `推断为${target.zh}：满足${met.length}项因素（至少需要${inf.minIndicators}项）。这是推断，不是官方标准。`, en: `Inferred as ${target.en}: ${met.length} indicators met (at least ${inf.minIndicators} needed). This is an inference, not an official test.` }
      : { zh: `推断未达到${target.zh}：仅满足${met.length}项因素（至少需要${inf.minIndicators}项）。这是推断，不是官方标准。`, en: `Inferred as not reaching ${target.en}: ${met.length} indicators met (at least ${inf.minIndicators} needed). This is an inference, not an official test.` }
  }
}

/** A pointer for a fact name; statedCircumstances keys are rule ids and keep their dots. */
function pointer (name: string, conductIndex: number): string {
  const stated = 'conduct.statedCircumstances.'
  return name.startsWith(stated) ? `/facts/conduct/${conductIndex}/statedCircumstances/${name.slice(stated.length)}` : pointerFor(name, conductIndex)
}

type Ref = { ruleId: string, ruleSet: string, conductIndex: number, conductId?: string, title: Text }
type Status = 'below-threshold' | 'outside-encoded-period' | 'no-provision-in-version' | 'version-not-encoded' | 'not-a-violation-under-later-version' | 'not-a-violation-under-conduct-version'

const refOf = (rule: Rule, ctx: RuleContext): Ref => ctx.conduct.id !== undefined
  ? { ruleId: rule.id, ruleSet: ctx.ruleSet, conductIndex: ctx.conductIndex, conductId: ctx.conduct.id, title: rule.title }
  : { ruleId: rule.id, ruleSet: ctx.ruleSet, conductIndex: ctx.conductIndex, title: rule.title }

/** Most rules are not triggered, and only explain: full shows them: the others share this answer. */
const NOT_SHOWN: RuleEvaluation = Object.freeze({ kind: 'not-triggered' })

/** A rule not triggered, with the facts that rule it out, when the response shows it. */
const notTriggeredOf = (rule: Rule, ctx: RuleContext, o: Outcome): RuleEvaluation => ctx.explain === 'full'
  ? { kind: 'not-triggered', value: { ...refOf(rule, ctx), failed: factRefs(ctx, o.conditions, 'false') } }
  : NOT_SHOWN

export function evaluateRule (rule: Rule, ctx: RuleContext): RuleEvaluation {
  const base = outcome(ctx, key.rule(rule.id))
  if (base.value === 'false') return notTriggeredOf(rule, ctx, base)

  const ref = refOf(rule, ctx)
  const undetermined = (names: string[], explanation: Text): RuleEvaluation =>
    ({ kind: 'undetermined', value: { ...ref, missing: names.map((n) => pointer(n, ctx.conductIndex)), explanation } })
  const finding = (status: Status, explanation: Text, citations: ReturnType<typeof cite>[], extra: { circumstance?: Circ, failed?: ReturnType<typeof factRefs> } = {}): RuleEvaluation =>
    ({ kind: 'finding', value: { ...ref, status, ...extra, explanation, citations: citations.filter(defined) } })

  const clause = ctx.catalog.clauses.get(rule.clause) as Clause
  const instrument = ctx.catalog.instruments.get(clause.instrument) as Instrument
  const end = ctx.conduct.period.end
  if (end === undefined) {
    return undetermined([...deciding(base.conditions, 'unknown'), 'conduct.period.end'],
      { zh: '行为终了日期不明，无法确定适用的版本。', en: 'Without the date the conduct ended, the applicable version cannot be chosen.' })
  }
  const oldIv = versionInForce(instrument, end)
  if (oldIv === undefined) {
    const before = clause.before?.summary
    return finding('outside-encoded-period', {
      zh: `行为终了于${end}，早于已编码版本的施行日期（${firstInForce(instrument)}）。这不是"不违纪"的结论。${before?.zh ?? ''}`,
      en: `The conduct ended on ${end}, before the encoded versions came into force (${firstInForce(instrument)}). This is not a finding of no violation. ${before?.en ?? ''}`.trim()
    }, [])
  }
  const oldCv = clauseVersion(clause, oldIv.version)
  const temporal = citeAt(ctx.catalog, 'ccp.temporal', ctx.decisionDate)
  if (oldCv === undefined) {
    const absent = clause.absent?.find((a) => a.version === oldIv.version)
    if (absent?.confirmed === true) {
      return finding('no-provision-in-version', {
        zh: `行为终了时施行的${oldIv.label}版本没有这一条款：旧规定不认为是违纪的，不予追究。${absent.note.zh}`,
        en: `The version in force when the conduct ended (${oldIv.version}) has no such provision: what the old rules did not treat as a violation is not pursued. ${absent.note.en}`
      }, [temporal])
    }
    return finding('version-not-encoded', {
      zh: `行为终了时施行的${oldIv.label}版本中的相应条款未编码（参考资料未载明）。这不是"不违纪"的结论。${absent?.note.zh ?? ''}`,
      en: `The corresponding provision of the version in force when the conduct ended (${oldIv.version}) is not encoded (the reference does not give it). This is not a finding of no violation. ${absent?.note.en ?? ''}`.trim()
    }, [])
  }
  const old = elementsAt(rule, ctx, oldIv.version)
  const newIv = versionInForce(instrument, ctx.decisionDate)!
  const reachedLater = () => newIv.version !== oldIv.version && clauseVersion(clause, newIv.version) !== undefined &&
    elementsAt(rule, ctx, newIv.version).value === 'true'
  if (old.value === 'false' && reachedLater()) {
    // Only the old version's own elements fail, and the version in force at decision reaches the act.
    return finding('not-a-violation-under-conduct-version', {
      zh: `行为终了时施行的${oldIv.label}版本的构成要件不满足，作出决定时施行的${newIv.label}版本范围更宽、可以涵盖该行为：旧规定不认为是违纪的，不予追究。`,
      en: `The elements of the version in force when the conduct ended (${oldIv.version}) are not met, though the broader version in force at decision (${newIv.version}) would reach the act: what the old rules did not treat as a violation is not pursued.`
    }, [cite(ctx.catalog, clause.id, oldIv.version), temporal], { failed: factRefs(ctx, old.conditions, 'false') })
  }
  if (old.value === 'false') return notTriggeredOf(rule, ctx, old)
  if (old.value === 'unknown') {
    return undetermined(deciding(old.conditions, 'unknown'), { zh: '构成要件所需的事实尚未查明，本规则可能适用。', en: 'Facts this rule\'s elements need are not established; the rule may still apply.' })
  }

  // 从旧兼从轻: the later version in force at decision, if different, wins when it does not treat the act
  // as a violation or treats it more lightly.
  const later = newIv.version === oldIv.version ? undefined : { iv: newIv, cv: clauseVersion(clause, newIv.version) }
  const laterElements = later?.cv === undefined ? undefined : elementsAt(rule, ctx, newIv.version)
  if (later !== undefined && (later.cv === undefined || laterElements?.value === 'false')) {
    return finding('not-a-violation-under-later-version', {
      zh: `行为终了时适用${oldIv.label}版本，但作出决定时施行的${newIv.label}版本不认为该行为违纪，依从旧兼从轻原则适用新版本，不予处分。`,
      en: `The conduct falls under the ${oldIv.version} version, but the version in force at decision (${newIv.version}) does not treat it as a violation: under the old-unless-lighter rule the later version applies and no sanction follows.`
    }, [cite(ctx.catalog, clause.id, oldIv.version), temporal])
  }
  if (laterElements?.value === 'unknown') {
    return undetermined(deciding(laterElements.conditions, 'unknown'), { zh: '判断新版本是否从轻所需的事实尚未查明。', en: 'Facts needed to tell whether the later version treats the act more lightly are not established.' })
  }

  const lowest = (cv: ClauseVersion) => (cv.tiers as NonNullable<ClauseVersion['tiers']>)[0].circumstance
  const circ = circumstanceOf(rule, ctx, lowest(oldCv))
  if ('missing' in circ) {
    return undetermined(circ.missing, {
      zh: `构成要件已满足，但情节能否达到《${instrument.title.zh}》该条的处分档次尚无法判断：缺少下列事实。`,
      en: 'The elements are met, but whether the circumstances reach the article\'s tiers cannot be told: the facts below are missing.'
    })
  }
  const oldTier = tierFor(oldCv.tiers!, circ.tier)
  const newTier = later === undefined ? undefined : tierFor(later.cv!.tiers!, circ.tier)
  let applied = { iv: oldIv, cv: oldCv, tier: oldTier }
  let reason: Text = later === undefined
    ? { zh: `行为终了时（${end}）和作出决定时施行的都是${oldIv.label}版本。`, en: `The version in force both when the conduct ended (${end}) and at decision: ${oldIv.version}.` }
    : { zh: `行为终了时（${end}）施行${oldIv.label}版本；作出决定时施行的${newIv.label}版本不更轻，依从旧原则适用旧版本。`, en: `The conduct ended on ${end} under the ${oldIv.version} version; the version in force at decision (${newIv.version}) is not lighter, so the old version applies.` }
  if (later !== undefined) {
    const lighter = newTier === undefined
      ? oldTier !== undefined
      : oldTier !== undefined && compareRanges(rangeOf(newTier.sanctions), rangeOf(oldTier.sanctions)) < 0
    if (lighter) {
      applied = { iv: newIv, cv: later.cv!, tier: newTier }
      reason = { zh: `行为终了时（${end}）施行${oldIv.label}版本；作出决定时施行的${newIv.label}版本处理较轻，依从旧兼从轻原则适用新版本。`, en: `The conduct ended on ${end} under the ${oldIv.version} version; the version in force at decision (${newIv.version}) treats it more lightly, so under the old-unless-lighter rule the later version applies.` }
    }
  }
  const primary = cite(ctx.catalog, clause.id, applied.iv.version)!
  if (applied.tier === undefined) {
    return finding('below-threshold', {
      zh: `构成要件已满足，但情节未达到${primary.label}的最低处分档次，依该条不给予党纪处分；仍可进行批评教育、责令检查、诫勉或组织处理。这不是"行为无问题"的结论。`,
      en: `The elements are met, but the circumstances do not reach the lowest tier of ${primary.label}: no party sanction under it. Criticism and education, ordered self-examination, admonition (诫勉) or organisational handling remain open. This is not a finding that the conduct is clean.`
    }, [primary, citeAt(ctx.catalog, 'ccp.exemption', ctx.decisionDate), ...(later === undefined ? [] : [temporal])], { circumstance: circ })
  }
  const range: SanctionRange = rangeOf(applied.tier.sanctions)
  const supporting = (rule.supporting ?? []).map((s) => cite(ctx.catalog, s.clause, applied.iv.version, s.role)).filter(defined)
  const referral = rule.referral === undefined
    ? undefined
    : { text: rule.referral.text, citations: [citeAt(ctx.catalog, rule.referral.clause, ctx.decisionDate)].filter(defined) }
  const notes = (rule.notes ?? [])
    .filter((n) => n.when === undefined || outcome(ctx, key.note(rule.id, n.id)).value === 'true')
    .map((n) => ({ id: n.id, text: n.text }))
  const statutory = (rule.adjustments ?? [])
    .filter((a) => a.versions.includes(applied.iv.version) && (a.when === undefined || outcome(ctx, key.adjustment(rule.id, a.id)).value === 'true'))
    .map((a) => ({ id: a.id, effect: a.effect, text: a.text, citations: [cite(ctx.catalog, a.clause, applied.iv.version)].filter(defined) }))
  return {
    kind: 'triggered',
    yieldsTo: rule.yieldsTo ?? [],
    value: {
      ...ref,
      appliedVersion: {
        instrument: instrument.id,
        version: applied.iv.version,
        conductVersion: oldIv.version,
        decisionVersion: newIv.version,
        conductEnded: end,
        reason,
        citations: later === undefined ? [] : [temporal].filter(defined)
      },
      circumstance: circ,
      appliedTier: applied.tier.circumstance,
      sanctionRange: range,
      citations: [primary, ...supporting],
      ...(referral !== undefined ? { referral } : {}),
      statutoryAdjustments: statutory,
      ...(ctx.explain === 'none' ? {} : { because: factRefs(ctx, elementsAt(rule, ctx, applied.iv.version).conditions, 'true') }),
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
