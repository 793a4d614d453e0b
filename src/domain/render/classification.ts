/** The classification in words: each step from its code, and the outcome. */
import type { Lang } from '../../schemas/common.js'
import type { Classification as ClassificationSchema } from '../../schemas/evaluation.js'
import type { Static } from '@sinclair/typebox'
import type { ClassificationVerdict, StepVerdict } from '../decide/verdicts.js'
import type { LoadedRules } from '../rules/load.js'
import { say, SANCTION_NAMES, EXEMPTION, CIRCUMSTANCE_CODE_NAMES, type Messages } from './messages/index.js'
import { text } from './text.js'
import { citations } from './citations.js'

type Classification = Static<typeof ClassificationSchema>

const proposal = (p: StepVerdict['to'], l: Lang) => (p === null ? EXEMPTION : SANCTION_NAMES[p])[l]

function explanation (s: StepVerdict) {
  const codes = (m: Messages, l: Lang, xs: string[] | undefined) => m.list((xs ?? []).map((c) => CIRCUMSTANCE_CODE_NAMES[c][l]))
  return say((m, l) => m.step[s.code]({
    ruleId: s.ruleId ?? '',
    from: proposal(s.from, l),
    to: proposal(s.to, l),
    min: s.range === undefined ? '' : SANCTION_NAMES[s.range.min][l],
    max: s.range === undefined ? '' : SANCTION_NAMES[s.range.max][l],
    mitigating: codes(m, l, s.mitigating),
    aggravating: codes(m, l, s.aggravating),
    ignored: codes(m, l, s.ignored),
    leader: s.leader === true,
    statutory: s.statutory === true,
    count: s.count ?? 0
  }))
}

type Adjustment = Classification['adjustments'][number]

function adjustment (s: StepVerdict, rules: LoadedRules, lang: Lang): Adjustment {
  const out: Adjustment = { step: s.code, from: s.from, to: s.to, explanation: text(explanation(s), lang), citations: citations(rules.catalog, s.clauses, lang) }
  if (s.ruleId !== undefined) {
    out.ruleId = s.ruleId
    out.conductIndex = s.conductIndex
  }
  if (s.assumption) out.assumption = text(say((m) => m.assumption), lang)
  return out
}

export function classification (c: ClassificationVerdict, rules: LoadedRules, lang: Lang): Classification {
  const { catalog } = rules
  const referral = c.referral === null
    ? null
    : { suspectedCrime: true, rules: c.referral.rules, text: text(rules.ruleIndex.get(c.referral.rules[0])!.rules.get(c.referral.rules[0])!.referral!.text, lang), citations: citations(catalog, c.referral.clauses, lang) }
  const range = c.range
  const said = range === null
    ? say((m) => c.status === 'undetermined' ? m.classification.undetermined : m.classification.noSanction)
    : say((m, l) => m.classification.proposed({ min: SANCTION_NAMES[range.min][l], max: SANCTION_NAMES[range.max][l], recommended: proposal(c.recommended, l), provisional: c.provisional }))
  return {
    status: c.status,
    provisional: c.provisional,
    sanctionRange: c.range,
    recommended: c.recommended,
    basis: c.basis,
    adjustments: c.steps.map((s) => adjustment(s, rules, lang)),
    referral,
    missing: c.missing,
    explanation: text(said, lang)
  }
}
