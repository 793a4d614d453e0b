/** The classification in words: each step from its code, and the outcome. */
import type { Lang } from '../../schemas/common.js'
import type { Classification as ClassificationSchema } from '../../schemas/evaluation.js'
import type { Static } from '@sinclair/typebox'
import type { ClassificationVerdict, StepVerdict } from '../decide/verdicts.js'
import type { LoadedRules } from '../rules/load.js'
import { say, type Messages } from './messages/index.js'
import { text } from './text.js'
import { citations } from './citations.js'

type Classification = Static<typeof ClassificationSchema>

const proposal = (m: Messages, p: StepVerdict['to']) => p === null ? m.exemption : m.sanction[p]

function explanation (s: StepVerdict) {
  const codes = (m: Messages, xs: string[] | undefined) => m.list((xs ?? []).map((c) => m.circumstanceCode[c]))
  return say((m) => m.step[s.code]({
    ruleId: s.ruleId ?? '',
    from: proposal(m, s.from),
    to: proposal(m, s.to),
    min: s.range === undefined ? '' : m.sanction[s.range.min],
    max: s.range === undefined ? '' : m.sanction[s.range.max],
    mitigating: codes(m, s.mitigating),
    aggravating: codes(m, s.aggravating),
    ignored: codes(m, s.ignored),
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
    : say((m) => m.classification.proposed({ min: m.sanction[range.min], max: m.sanction[range.max], recommended: proposal(m, c.recommended), provisional: c.provisional }))
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
