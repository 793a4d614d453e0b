/**
 * How often the person's final decision agrees with the recommendation, per rule and version: the
 * imposed sanction equals the recommendation, lies inside the computed range (but is not the
 * recommendation), or lies outside it. A decision counts for every rule its recommendation rests on
 * (classification.basis); one that rests on none counts under ruleId null.
 */
import { SANCTIONS } from '../schemas/codes.js'
import type { EvaluationResponse } from '../schemas/evaluation.js'

export type Agreement = 'equal' | 'inside' | 'outside'

export interface AgreementRow {
  ruleId: string | null
  version: string | null
  equal: { count: number, decisionIds: string[] }
  inside: { count: number, decisionIds: string[] }
  outside: { count: number, decisionIds: string[] }
}

const rank = (s: string): number => (SANCTIONS as readonly string[]).indexOf(s)

export function agreementOf (answer: EvaluationResponse, sanction: string | null): Agreement {
  const { recommended, sanctionRange } = answer.classification
  if (sanction === recommended) return 'equal'
  if (sanctionRange === null || sanction === null) return 'outside'
  return rank(sanction) >= rank(sanctionRange.min) && rank(sanction) <= rank(sanctionRange.max) ? 'inside' : 'outside'
}

export function agreementStats (reviewed: Array<{ decisionId: string, answer: EvaluationResponse, sanction: string | null }>): AgreementRow[] {
  const rows = new Map<string, AgreementRow>()
  for (const { decisionId, answer, sanction } of reviewed) {
    const outcome = agreementOf(answer, sanction)
    const keys = new Map<string, [string | null, string | null]>()
    for (const b of answer.classification.basis) {
      const version = answer.triggered.find((t) => t.ruleId === b.ruleId)?.appliedVersion.version ?? null
      keys.set(`${b.ruleId}@${String(version)}`, [b.ruleId, version])
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
