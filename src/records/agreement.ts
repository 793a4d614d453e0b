/**
 * How often the person's final decision agrees with the recommendation, per rule and version: the
 * imposed sanction equals the recommendation, lies inside the computed range (but is not the
 * recommendation), or lies outside it. A decision counts for every rule its recommendation rests on
 * (classification.basis, kept in the record's summary), under each version that rule was applied in;
 * one that rests on none counts under ruleId null.
 */
import { SANCTIONS } from '../schemas/codes.js'
import type { AnswerSummary } from './impact.js'

export type Agreement = 'equal' | 'inside' | 'outside'

export interface AgreementRow {
  ruleId: string | null
  version: string | null
  equal: { count: number, decisionIds: string[] }
  inside: { count: number, decisionIds: string[] }
  outside: { count: number, decisionIds: string[] }
}

const rank = (s: string): number => (SANCTIONS as readonly string[]).indexOf(s)

export function agreementOf ({ recommended, range: sanctionRange }: Pick<AnswerSummary, 'recommended' | 'range'>, sanction: string | null): Agreement {
  if (sanction === recommended) return 'equal'
  if (sanctionRange === null || sanction === null) return 'outside'
  return rank(sanction) >= rank(sanctionRange.min) && rank(sanction) <= rank(sanctionRange.max) ? 'inside' : 'outside'
}

export function agreementStats (reviewed: Array<{ decisionId: string, summary: AnswerSummary, sanction: string | null }>): AgreementRow[] {
  const rows = new Map<string, AgreementRow>()
  for (const { decisionId, summary, sanction } of reviewed) {
    const outcome = agreementOf(summary, sanction)
    const keys = new Map<string, [string | null, string | null]>()
    // Under every version the rule was applied in (two conduct items may fall under different versions).
    for (const ruleId of summary.basis) {
      const versions = summary.rules[ruleId]?.map((f) => f.version) ?? []
      for (const version of versions.length === 0 ? [null] : versions) keys.set(`${ruleId}@${String(version)}`, [ruleId, version])
    }
    if (keys.size === 0) keys.set('', [null, null])
    for (const [key, [ruleId, version]] of keys) {
      const row = rows.get(key) ?? { ruleId, version, equal: { count: 0, decisionIds: [] }, inside: { count: 0, decisionIds: [] }, outside: { count: 0, decisionIds: [] } }
      row[outcome].count++
      row[outcome].decisionIds.push(decisionId)
      rows.set(key, row)
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row)
}
