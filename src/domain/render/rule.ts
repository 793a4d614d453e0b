/**
 * One rule's verdict in words: a triggered rule, an undetermined one, a finding (superseded among
 * them) or a rule not triggered, each as the response schema has it, in one pass.
 */
import type { Bilingual, Lang, Text } from '../../schemas/common.js'
import type { Static } from '@sinclair/typebox'
import type { Rule, Clause, Instrument } from '../../schemas/rules-data.js'
import type { TriggeredRule, ExplainLevel, NonSanctionFinding, CircumstanceFinding } from '../../schemas/evaluation.js'
import type { Citation } from '../../schemas/citation.js'
import type { LoadedRules } from '../rules/load.js'
import { firstInForce } from '../rules/catalog.js'
import type { VersionOutcome, Leaf, TestVerdict, Finding, NotTriggered, RuleRef, Superseded, Triggered, Undetermined, PendingClause } from '../decide/verdicts.js'
import { factLabel } from '../rules/labels.js'
import type { TierTest } from '../../schemas/codes.js'
import { say, SANCTION_NAMES, TIER_TEST_NAMES } from './messages/index.js'
import type { VersionWords } from './messages/types.js'
import { text } from './text.js'
import { citation, citations } from './citations.js'
import { factRefs } from './facts.js'
import { seriesReading, withSeriesEnd } from './series.js'

export interface RenderContext {
  rules: LoadedRules
  lang: Lang
  explain: ExplainLevel
}

const ruleOf = (ctx: RenderContext, id: string): Rule => ctx.rules.ruleIndex.get(id)!.rules.get(id)!

/** The facts behind a verdict of a rule, with the wording of its rule set's conditions. */
const factsOf = (ctx: RenderContext, r: RuleRef, leaves: Leaf[]) => factRefs(leaves, r.conductIndex, ctx.lang, ctx.rules.ruleIndex.get(r.ruleId)!.engines.descriptions)

function instrumentOf (ctx: RenderContext, rule: Rule): { clause: Clause, instrument: Instrument } {
  const clause = ctx.rules.catalog.clauses.get(rule.clause)!
  return { clause, instrument: ctx.rules.catalog.instruments.get(clause.instrument)! }
}

type Ref = { ruleId: string, ruleSet: string, conductIndex: number, conductId?: string, title: Text, series?: ReturnType<typeof seriesReading> }

/** The rule and conduct item an entry is about. Built without object spread, which costs microseconds on Node 20. */
function refOf (r: RuleRef, rule: Rule, ctx: RenderContext): Ref {
  return { ruleId: r.ruleId, ruleSet: r.ruleSet, conductIndex: r.conductIndex, title: text(rule.title, ctx.lang) }
}

/** The entry's conduct id and series, if any: optional, so added after the entry's required properties (render.ts). */
function addOptionalRef (out: Ref, r: RuleRef, ctx: RenderContext): void {
  if (r.conductId !== undefined) out.conductId = r.conductId
  if (r.series !== undefined) out.series = seriesReading(r.series, ctx.rules, ctx.lang)
}

/** A tier's test in the article's words: the catalog's label for that version's tier, else the test's name. */
function tierLabel (ctx: RenderContext, rule: Rule, version: string, test: TierTest): Bilingual {
  const cv = ctx.rules.catalog.clauses.get(rule.clause)!.versions.find((v) => v.version === version)
  return cv?.tiers?.find((t) => t.test === test)?.label ?? TIER_TEST_NAMES[test]
}

type CircumstanceOut = Static<typeof CircumstanceFinding>

/**
 * A tier's test and how it was established (stated, the article's own threshold, our inference, or none needed).
 * Built property by property: a spread of `out` into each return cost more than the rest of the function.
 */
function circumstance (c: TestVerdict, rule: Rule, r: RuleRef, ctx: RenderContext, version: string): CircumstanceOut {
  const lang = ctx.lang
  const name = tierLabel(ctx, rule, version, c.test)
  const holds = c.value === 'true'
  const out: CircumstanceOut = { tier: c.test, label: text(name, lang), source: c.source!, explanation: undefined as unknown as Text }
  if (c.source === 'stated') out.explanation = text(say((m, l) => m.stated({ label: name[l], holds })), lang)
  else if (c.source === 'unqualified') out.explanation = text(say((m, l) => m.unqualified({ label: name[l], byCircumstances: c.test === 'by-circumstances' })), lang)
  else {
    const data = rule.tests![c.test]!
    const { source, inference, note } = data.provenance
    if (c.source === 'article') out.facts = factsOf(ctx, r, c.leaves!)
    else {
      const indicators = (data as Extract<typeof data, { indicators: unknown }>).indicators
      out.indicators = c.indicators!.map((i) => ({ id: i.id, title: text(indicators.find((x) => x.id === i.id)!.title, lang), facts: factsOf(ctx, r, i.leaves) }))
      out.minIndicators = c.minIndicators
    }
    out.provenance = note === undefined ? { source, inference } : { source, inference, note: text(note, lang) }
    out.explanation = text(c.source === 'article'
      ? say((m, l) => m.article({ label: name[l], holds }))
      : say((m, l) => m.inferred({ target: name[l], met: c.indicators!.length, min: c.minIndicators!, reached: holds })), lang)
  }
  return out
}

function versionWords (instrument: Instrument, p: { end?: string, conductVersion?: string, decisionVersion?: string }): VersionWords {
  const label = (v: string | undefined) => instrument.versions.find((x) => x.version === v)?.label ?? ''
  return { end: p.end ?? '', conductVersion: p.conductVersion ?? '', conductLabel: label(p.conductVersion), decisionVersion: p.decisionVersion ?? '', decisionLabel: label(p.decisionVersion) }
}

export function triggered (t: Triggered, ctx: RenderContext): TriggeredRule {
  const { rules: { catalog }, lang } = ctx
  const rule = ruleOf(ctx, t.ref.ruleId)
  const { instrument } = instrumentOf(ctx, rule)
  const words = versionWords(instrument, { end: t.versions.conductEnded, conductVersion: t.versions.conduct, decisionVersion: t.versions.decision })
  const out: TriggeredRule = refOf(t.ref, rule, ctx) as TriggeredRule
  out.appliedVersion = {
    instrument: t.versions.instrument,
    version: t.versions.applied,
    conductVersion: t.versions.conduct,
    decisionVersion: t.versions.decision,
    conductEnded: t.versions.conductEnded,
    reason: text(withSeriesEnd(say((m) => t.versions.provisional ? `${m.versionReason[t.versions.reason](words)}${m.provisionalVersion}` : m.versionReason[t.versions.reason](words)), t.ref.series), lang),
    citations: t.temporal === undefined ? [] : [citation(catalog, t.temporal, lang)],
    provisional: t.versions.provisional,
    settle: t.versions.settle
  }
  if (t.versions.outcomes !== undefined) out.appliedVersion.outcomes = { conductVersion: outcome(t.versions.outcomes.conduct), decisionVersion: outcome(t.versions.outcomes.decision) }
  out.circumstance = circumstance(t.circumstance, rule, t.ref, ctx, t.versions.applied)
  out.appliedTier = t.tier
  out.sanctionRange = t.range
  out.openTiers = t.openTiers.map((o) => {
    const name = tierLabel(ctx, rule, t.versions.applied, o.test)
    return { tier: o.test, label: text(name, lang), sanctionRange: o.range, missing: o.missing, explanation: text(say((m, l) => m.openTier({ label: name[l], min: SANCTION_NAMES[o.range.min][l], max: SANCTION_NAMES[o.range.max][l] })), lang) }
  })
  out.citations = citations(catalog, t.clauses, lang)
  out.statutoryAdjustments = t.statutory.map((a) => ({ id: a.id, effect: a.effect, text: text(rule.adjustments!.find((x) => x.id === a.id)!.text, lang), citations: citations(catalog, a.clauses, lang) }))
  addOptionalRef(out, t.ref, ctx)
  if (t.referral !== undefined) out.referral = { text: text(rule.referral!.text, lang), citations: citations(catalog, t.referral.clauses, lang) }
  // explain: none gives the results without the facts they rest on and without notes.
  if (ctx.explain !== 'none') {
    out.because = factsOf(ctx, t.ref, t.because as Leaf[]) // decided whenever explain is not none
    out.notes = [...t.notes.map((id) => ({ id, text: text(rule.notes!.find((n) => n.id === id)!.text, lang) })), ...t.pendingClauses.map((p) => pendingNote(p, catalog, lang)), rangeNote(t, citation(catalog, t.clauses[0], lang), lang)]
    // The series' words, built once for the entry's `series` (refOf), are the note's too.
    if (out.series !== undefined) out.notes.push({ id: 'series-read-at-last-act', text: out.series.text })
  }
  return out
}

function outcome (o: VersionOutcome) {
  return o.tier === undefined ? { status: o.status } : { status: o.status, tier: o.tier, sanctionRange: o.range! }
}

/** A supporting clause left out for want of facts, and the facts (in words) that would add it. */
function pendingNote (p: PendingClause, catalog: LoadedRules['catalog'], lang: Lang) {
  const zh = citation(catalog, p.clause, 'zh')
  const en = citation(catalog, p.clause, 'en')
  return {
    id: `pending-citation:${p.clause.clause}`,
    text: text(say((m, l) => m.pendingCitation({ label: l === 'zh' ? zh.label : en.gloss, role: p.clause.role![l], facts: p.facts.map((f) => factLabel(f)[l]).join(l === 'zh' ? '、' : '; ') })), lang)
  }
}

function rangeNote (t: Triggered, primary: Citation, lang: Lang) {
  return { id: 'range', text: text(say((m, l) => m.rangeNote({ min: SANCTION_NAMES[t.range.min][l], max: SANCTION_NAMES[t.range.max][l], label: l === 'zh' ? primary.label : primary.gloss })), lang) }
}

export function undetermined (u: Undetermined, ctx: RenderContext) {
  const rule = ruleOf(ctx, u.ref.ruleId)
  const { instrument } = instrumentOf(ctx, rule)
  const out = refOf(u.ref, rule, ctx) as ReturnType<typeof refOf> & { missing: string[], explanation: Text }
  out.missing = u.missing
  out.explanation = text(say((m, l) => m.undetermined[u.reason]({ instrument: instrument.title[l] })), ctx.lang)
  addOptionalRef(out, u.ref, ctx)
  return out
}

type FindingOut = Static<typeof NonSanctionFinding>

export function finding (f: Finding | Superseded, ctx: RenderContext): FindingOut {
  const { rules: { catalog }, lang } = ctx
  const rule = ruleOf(ctx, f.ref.ruleId)
  const out = refOf(f.ref, rule, ctx) as FindingOut
  out.status = f.status
  const superseded = f.status === 'superseded'
  out.explanation = text(superseded ? rule.yieldsTo!.find((y) => y.rule === f.by)!.reason : findingExplanation(f, ctx, rule), lang)
  out.citations = citations(catalog, f.clauses, lang)
  addOptionalRef(out, f.ref, ctx)
  if (superseded) {
    out.supersededBy = f.by
    out.circumstance = circumstance(f.circumstance, rule, f.ref, ctx, f.clauses[0].version)
  } else {
    if (f.circumstance !== undefined) out.circumstance = circumstance(f.circumstance, rule, f.ref, ctx, f.applied!.version)
    if (f.failed !== undefined) out.failed = factsOf(ctx, f.ref, f.failed)
  }
  return out
}

function findingExplanation (f: Finding, ctx: RenderContext, rule: Rule): Bilingual {
  const { clause, instrument } = instrumentOf(ctx, rule)
  const words = versionWords(instrument, { end: f.conductEnded, conductVersion: f.conductVersion, decisionVersion: f.decisionVersion })
  const note = clause.absent?.find((a) => a.version === f.conductVersion)?.note
  const applied = f.applied === undefined ? undefined : citation(ctx.rules.catalog, f.applied, ctx.lang)
  const first = firstInForce(instrument)
  return withSeriesEnd(say((m, l) => m.finding[f.status]({ end: words.end, conductVersion: words.conductVersion, conductLabel: words.conductLabel, decisionVersion: words.decisionVersion, decisionLabel: words.decisionLabel, first, before: clause.before?.summary[l] ?? '', note: note?.[l] ?? '', label: applied === undefined ? '' : l === 'zh' ? applied.label : applied.gloss })), f.ref.series)
}

export function notTriggered (n: NotTriggered, ctx: RenderContext) {
  const out = refOf(n.ref, ruleOf(ctx, n.ref.ruleId), ctx) as ReturnType<typeof refOf> & { failed: ReturnType<typeof factsOf> }
  out.failed = factsOf(ctx, n.ref, n.failed as Leaf[]) // decided whenever the rules not triggered are listed
  addOptionalRef(out, n.ref, ctx)
  return out
}
