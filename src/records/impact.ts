/**
 * What a candidate rules directory would change, counted per rule (npm run rules:impact, POST
 * /admin/impact): for each answer replayed on the candidate, whether it gains or loses the rule, and
 * for a rule triggered on both sides whether its tier or its sanction range changes; a changed
 * recommendation counts for every rule the recommendation rests on, on either side. Reviewed decisions
 * count as agreeing when the sanction the person imposed lies within the computed range (or equals the
 * recommendation), before and on the candidate. Only these parts of an answer are compared, so the
 * report does not depend on the answer's other fields.
 */
import type { EvaluationResponse } from '../schemas/evaluation.js'
import { agreementOf } from './agreement.js'

/** One conduct item's finding of a triggered rule. */
export interface RuleFinding {
  /** The conduct item (facts.conduct index); absent in records written before the summary kept every item. */
  conductIndex?: number
  tier: string
  range: string
  version: string
}

/**
 * The parts of an answer a record keeps (beside the answer's digest): what the report compares, and
 * what a record is shown, listed and counted by (status, triggered rules with the tier, range and
 * version applied to each conduct item that triggers them, the classification's range and
 * recommendation, the rules it rests on).
 */
export interface AnswerSummary {
  status: string
  provisional: boolean
  rules: Record<string, RuleFinding[]>
  recommended: string | null
  range: { min: string, max: string } | null
  basis: string[]
}

export function summaryOf (answer: EvaluationResponse): AnswerSummary {
  const rules: AnswerSummary['rules'] = {}
  for (const t of answer.triggered) (rules[t.ruleId] ??= []).push({ conductIndex: t.conductIndex, tier: t.appliedTier, range: `${t.sanctionRange.min}..${t.sanctionRange.max}`, version: t.appliedVersion.version })
  const { status, provisional, recommended, sanctionRange, basis } = answer.classification
  return { status, provisional, rules, recommended, range: sanctionRange === null ? null : { min: sanctionRange.min, max: sanctionRange.max }, basis: [...new Set(basis.map((b) => b.ruleId))] }
}

/**
 * A stored summary (JSON text), in either shape: records written before this version kept one finding
 * per rule (`rules: { id: { tier, range, version } }`, the last conduct item's), read as a list of that
 * one finding, without its conduct item. Both shapes stay in a store (no migration rewrites them): a
 * service of the previous version sharing a PostgreSQL server during an upgrade still writes the old one.
 */
export function readSummary (text: string): AnswerSummary {
  const summary = JSON.parse(text) as AnswerSummary
  for (const [id, found] of Object.entries(summary.rules)) if (!Array.isArray(found)) summary.rules[id] = [found]
  return summary
}

/** A rule's findings as one comparable text per field, by conduct item. */
const byItem = (found: RuleFinding[], field: 'tier' | 'range'): string => found.map((f) => `${f.conductIndex ?? ''}:${f[field]}`).sort().join(',')

export interface RuleImpact {
  ruleId: string
  gained: number
  lost: number
  tierChanged: number
  rangeChanged: number
  recommendationChanged: number
  reviewed: { agreeBefore: number, agreeAfter: number, disagreeBefore: number, disagreeAfter: number }
}

export interface ImpactPart { answers: number, changed: number, rules: RuleImpact[] }

export interface ImpactReport {
  candidateRevision: string
  window: { from: string | null, to: string | null }
  decisions: ImpactPart & { reproduced: number, reviewed: number }
  goldenCases: ImpactPart
}

const agrees = (s: AnswerSummary, sanction: string | null): boolean => agreementOf(s, sanction) !== 'outside'

/** Counts, per rule, what changes from `before` to `after` for many answers. */
export class ImpactCounter {
  private readonly rules = new Map<string, RuleImpact>()
  answers = 0
  changed = 0

  private rule (ruleId: string): RuleImpact {
    let r = this.rules.get(ruleId)
    if (r === undefined) {
      r = { ruleId, gained: 0, lost: 0, tierChanged: 0, rangeChanged: 0, recommendationChanged: 0, reviewed: { agreeBefore: 0, agreeAfter: 0, disagreeBefore: 0, disagreeAfter: 0 } }
      this.rules.set(ruleId, r)
    }
    return r
  }

  /** One answer before and on the candidate; `sanction`: the imposed sanction of its current review, if reviewed. */
  add (before: AnswerSummary, after: AnswerSummary, sanction?: string | null): void {
    this.answers++
    let changed = false
    const count = (ruleId: string, field: 'gained' | 'lost' | 'tierChanged' | 'rangeChanged' | 'recommendationChanged') => {
      this.rule(ruleId)[field]++
      changed = true
    }
    for (const [id, b] of Object.entries(before.rules)) {
      const a = after.rules[id]
      if (a === undefined) count(id, 'lost')
      else {
        // Per conduct item: an item that gains or loses the rule, while others keep it, changes its tier and range too.
        if (byItem(a, 'tier') !== byItem(b, 'tier')) count(id, 'tierChanged')
        if (byItem(a, 'range') !== byItem(b, 'range')) count(id, 'rangeChanged')
      }
    }
    for (const id of Object.keys(after.rules)) if (before.rules[id] === undefined) count(id, 'gained')
    if (before.recommended !== after.recommended) for (const id of new Set([...before.basis, ...after.basis])) count(id, 'recommendationChanged')
    if (changed) this.changed++
    if (sanction === undefined) return
    for (const id of new Set([...before.basis, ...after.basis])) {
      const r = this.rule(id).reviewed
      if (agrees(before, sanction)) r.agreeBefore++
      else r.disagreeBefore++
      if (agrees(after, sanction)) r.agreeAfter++
      else r.disagreeAfter++
    }
  }

  part (): ImpactPart {
    return { answers: this.answers, changed: this.changed, rules: [...this.rules.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)) }
  }
}

/** The report as a table a rule author reads in a terminal. */
export function impactTable (report: ImpactReport): string {
  const lines = [`candidate ${report.candidateRevision}`,
    `decisions ${report.window.from ?? 'all'} .. ${report.window.to ?? 'now'}: ${report.decisions.answers} replayed, ${report.decisions.reproduced} reproduced on their own revision, ${report.decisions.changed} change on the candidate, ${report.decisions.reviewed} reviewed`,
    `golden cases: ${report.goldenCases.answers} evaluated, ${report.goldenCases.changed} change on the candidate`]
  const head = ['rule', 'gained', 'lost', 'tier', 'range', 'recommendation', 'reviewed agree before→after', 'disagree before→after']
  for (const [name, part] of [['decisions', report.decisions], ['golden cases', report.goldenCases]] as const) {
    lines.push('', name + ':')
    if (part.rules.length === 0) {
      lines.push('  no rule changes')
      continue
    }
    const rows = part.rules.map((r) => [r.ruleId, r.gained, r.lost, r.tierChanged, r.rangeChanged, r.recommendationChanged,
      `${r.reviewed.agreeBefore}→${r.reviewed.agreeAfter}`, `${r.reviewed.disagreeBefore}→${r.reviewed.disagreeAfter}`].map(String))
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
    for (const row of [head, ...rows]) lines.push('  ' + row.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join('  '))
  }
  return lines.join('\n') + '\n'
}
