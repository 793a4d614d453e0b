/**
 * Class 7 of issue #13: the regulations fix no starting point within a range (docs/legal/audit.md §6),
 * so a single sanction is recommended only where the arithmetic leaves one. Otherwise the answer names
 * what would narrow the range: the reviewer's statements (a mitigating or aggravating circumstance, the
 * choice of 减轻 or 加重 where the provisions allow it) and the tiers whose tests are still open.
 */
import type { Outcome, ViolationInput } from './arithmetic.js'
import type { Triggered } from './verdicts.js'
import type { Lever, RecommendationVerdict } from './classification-verdict.js'

/** One violation as the arithmetic read it: its circumstances, and where it sits in the request. */
export interface ReadViolation {
  triggered: Triggered
  input: ViolationInput
}

const mitigated = (v: ViolationInput) => v.mitigating.length > 0
const aggravated = (v: ViolationInput) => v.aggravating.length > 0 || v.leader || v.statutory !== null
const CASE = '/facts/circumstances'

/** The statements that would move the range of at least one violation, and the open tiers. */
function levers (read: ReadViolation[]): Lever[] {
  const vs = read.map((r) => r.input)
  const out: Lever[] = []
  // A new circumstance moves a violation that has none yet; on one that has the other kind, they offset.
  if (vs.some((v) => !mitigated(v) && !aggravated(v))) {
    out.push({ lever: 'mitigating', pointer: `${CASE}/mitigating` }, { lever: 'aggravating', pointer: `${CASE}/aggravating` })
  }
  if (vs.some((v) => mitigated(v) && !aggravated(v) && v.mitigating.includes('ccp.mitigation') && v.mitigationEffect !== 'reduced')) {
    out.push({ lever: 'reduced', pointer: `${CASE}/mitigationEffect` })
  }
  if (vs.some((v) => aggravated(v) && !mitigated(v) && (v.aggravating.includes('ccp.aggravation') || v.statutory === 'heavier-or-aggravated') && v.aggravationEffect !== 'aggravated')) {
    out.push({ lever: 'aggravated', pointer: `${CASE}/aggravationEffect` })
  }
  for (const { triggered: t } of read) {
    if (t.openTiers.length > 0) {
      out.push({ lever: 'tier', pointer: `/facts/conduct/${t.ref.conductIndex}/statedCircumstances/${t.ref.ruleId}`, ruleId: t.ref.ruleId, conductIndex: t.ref.conductIndex })
    }
  }
  return out
}

export function recommendationOf (final: Outcome, read: ReadViolation[]): RecommendationVerdict {
  if (read.length === 0) return { fixed: false, reason: 'nothing-proposed', narrowedBy: [] }
  if (final === null) return { fixed: true, reason: 'exemption', narrowedBy: [] }
  if (final.min === final.max) return { fixed: true, reason: 'single-sanction', narrowedBy: [] }
  return { fixed: false, reason: 'range-not-narrowed', narrowedBy: levers(read) }
}
