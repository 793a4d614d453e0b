/**
 * One rule's verdict in words: a triggered rule, an undetermined one, a finding (superseded among
 * them) or a rule not triggered, each as the response schema has it, in one pass.
 */
import type { Lang } from '../../schemas/common.js'
import type { Rule, Clause, Instrument } from '../../schemas/rules-data.js'
import type { TriggeredRule, ExplainLevel } from '../../schemas/evaluation.js'
import type { LoadedRules } from '../rules/load.js'
import { firstInForce } from '../rules/catalog.js'
import type { CircumstanceVerdict, Finding, NotTriggered, RuleRef, Superseded, Triggered, Undetermined } from '../decide/verdicts.js'
import { say } from './messages/index.js'
import type { VersionWords } from './messages/types.js'
import { text } from './text.js'
import { citation, citations } from './citations.js'
import { factRefs } from './facts.js'

export interface RenderContext {
  rules: LoadedRules
  lang: Lang
  explain: ExplainLevel
}

const ruleOf = (ctx: RenderContext, id: string): Rule => ctx.rules.ruleIndex.get(id)!.rules.get(id)!

function instrumentOf (ctx: RenderContext, rule: Rule): { clause: Clause, instrument: Instrument } {
  const clause = ctx.rules.catalog.clauses.get(rule.clause)!
  return { clause, instrument: ctx.rules.catalog.instruments.get(clause.instrument)! }
}

function refOf (v: RuleRef, rule: Rule, lang: Lang) {
  const { ruleId, ruleSet, conductIndex, conductId } = v
  return conductId === undefined ? { ruleId, ruleSet, conductIndex, title: text(rule.title, lang) } : { ruleId, ruleSet, conductIndex, conductId, title: text(rule.title, lang) }
}

function circumstance (c: CircumstanceVerdict, rule: Rule, conductIndex: number, lang: Lang) {
  if (c.source === 'stated') return { tier: c.tier, source: c.source, explanation: text(say((m) => m.stated(m.circumstance[c.tier])), lang) }
  if (c.source === 'default') return { tier: c.tier, source: c.source, explanation: text(say((m) => m.byDefault), lang) }
  const inf = rule.circumstance!
  const { source, inference, note } = inf.provenance
  return {
    tier: c.tier,
    source: c.source,
    indicators: c.indicators.map((i) => ({ id: i.id, title: text(inf.indicators.find((x) => x.id === i.id)!.title, lang), facts: factRefs(i.leaves, conductIndex, lang) })),
    minIndicators: c.minIndicators,
    provenance: note === undefined ? { source, inference } : { source, inference, note: text(note, lang) },
    explanation: text(say((m) => m.inferred({ target: m.circumstance[c.target], met: c.indicators.length, min: c.minIndicators, reached: c.reached })), lang)
  }
}

function versionWords (ctx: RenderContext, instrument: Instrument, p: { end?: string, conductVersion?: string, decisionVersion?: string }): VersionWords {
  const label = (v: string | undefined) => instrument.versions.find((x) => x.version === v)?.label ?? ''
  return { end: p.end ?? '', conductVersion: p.conductVersion ?? '', conductLabel: label(p.conductVersion), decisionVersion: p.decisionVersion ?? '', decisionLabel: label(p.decisionVersion) }
}

export function triggered (t: Triggered, ctx: RenderContext): TriggeredRule {
  const { rules: { catalog }, lang } = ctx
  const rule = ruleOf(ctx, t.ruleId)
  const { instrument } = instrumentOf(ctx, rule)
  const words = versionWords(ctx, instrument, { end: t.versions.conductEnded, conductVersion: t.versions.conduct, decisionVersion: t.versions.decision })
  const primary = citation(catalog, t.clauses[0], lang)
  const range = say((m, l) => m.rangeNote({ min: m.sanction[t.range.min], max: m.sanction[t.range.max], label: l === 'zh' ? primary.label : primary.gloss }))
  return {
    ...refOf(t, rule, lang),
    appliedVersion: {
      instrument: t.versions.instrument,
      version: t.versions.applied,
      conductVersion: t.versions.conduct,
      decisionVersion: t.versions.decision,
      conductEnded: t.versions.conductEnded,
      reason: text(say((m) => m.versionReason[t.versions.reason](words)), lang),
      citations: t.temporal === undefined ? [] : [citation(catalog, t.temporal, lang)]
    },
    circumstance: circumstance(t.circumstance, rule, t.conductIndex, lang),
    appliedTier: t.tier,
    sanctionRange: t.range,
    citations: citations(catalog, t.clauses, lang),
    ...(t.referral === undefined ? {} : { referral: { text: text(rule.referral!.text, lang), citations: citations(catalog, t.referral.clauses, lang) } }),
    statutoryAdjustments: t.statutory.map((a) => ({ id: a.id, effect: a.effect, text: text(rule.adjustments!.find((x) => x.id === a.id)!.text, lang), citations: citations(catalog, a.clauses, lang) })),
    // explain: none gives the results without the facts they rest on and without notes.
    ...(ctx.explain === 'none' ? {} : { because: factRefs(t.because ?? [], t.conductIndex, lang), notes: [...t.notes.map((id) => ({ id, text: text(rule.notes!.find((n) => n.id === id)!.text, lang) })), { id: 'range', text: text(range, lang) }] })
  }
}

export function undetermined (u: Undetermined, ctx: RenderContext) {
  const rule = ruleOf(ctx, u.ruleId)
  const { instrument } = instrumentOf(ctx, rule)
  return { ...refOf(u, rule, ctx.lang), missing: u.missing, explanation: text(say((m, l) => m.undetermined[u.reason]({ instrument: instrument.title[l] })), ctx.lang) }
}

export function finding (f: Finding | Superseded, ctx: RenderContext) {
  const { rules: { catalog }, lang } = ctx
  const rule = ruleOf(ctx, f.ruleId)
  if (f.status === 'superseded') {
    const reason = rule.yieldsTo!.find((y) => y.rule === f.by)!.reason
    return { ...refOf(f, rule, lang), status: f.status, supersededBy: f.by, circumstance: circumstance(f.circumstance, rule, f.conductIndex, lang), explanation: text(reason, lang), citations: citations(catalog, f.clauses, lang) }
  }
  const { clause, instrument } = instrumentOf(ctx, rule)
  const words = versionWords(ctx, instrument, { end: f.conductEnded, conductVersion: f.conductVersion, decisionVersion: f.decisionVersion })
  const note = clause.absent?.find((a) => a.version === f.conductVersion)?.note
  const applied = f.applied === undefined ? undefined : citation(catalog, f.applied, lang)
  const explanation = say((m, l) => m.finding[f.status]({ ...words, first: firstInForce(instrument), before: clause.before?.summary[l] ?? '', note: note?.[l] ?? '', label: applied === undefined ? '' : l === 'zh' ? applied.label : applied.gloss }))
  return {
    ...refOf(f, rule, lang),
    status: f.status,
    ...(f.circumstance === undefined ? {} : { circumstance: circumstance(f.circumstance, rule, f.conductIndex, lang) }),
    ...(f.failed === undefined ? {} : { failed: factRefs(f.failed, f.conductIndex, lang) }),
    explanation: text(explanation, lang),
    citations: citations(catalog, f.clauses, lang)
  }
}

export function notTriggered (n: NotTriggered, ctx: RenderContext) {
  return { ...refOf(n, ruleOf(ctx, n.ruleId), ctx.lang), failed: factRefs(n.failed ?? [], n.conductIndex, ctx.lang) }
}
