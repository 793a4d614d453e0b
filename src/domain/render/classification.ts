/** The classification in words: each step from its code with the range before and after, the outcome, and why a sanction is or is not recommended. */
import type { Bilingual, Lang } from '../../schemas/common.js'
import type { Classification as ClassificationSchema } from '../../schemas/classification.js'
import type { Static } from '@sinclair/typebox'
import type { Outcome } from '../decide/arithmetic.js'
import type { ClassificationVerdict, Lever, StepVerdict } from '../decide/classification-verdict.js'
import type { LoadedRules } from '../rules/load.js'
import { say, SANCTION_NAMES, EXEMPTION, CIRCUMSTANCE_CODE_NAMES, type Messages } from './messages/index.js'
import { text } from './text.js'
import { citations } from './citations.js'

type Classification = Static<typeof ClassificationSchema>

/** A range in words: one sanction by its name, a wider range from its lightest to its heaviest, none as 免予处分. */
const outcomeWords = (o: Outcome, m: Messages, l: Lang) =>
  o === null ? EXEMPTION[l] : o.min === o.max ? SANCTION_NAMES[o.min][l] : m.span({ min: SANCTION_NAMES[o.min][l], max: SANCTION_NAMES[o.max][l] })

function explanation (s: StepVerdict) {
  const codes = (m: Messages, l: Lang, xs: string[] | undefined) => m.list((xs ?? []).map((c) => CIRCUMSTANCE_CODE_NAMES[c][l]))
  return say((m, l) => m.step[s.code]({
    ruleId: s.ruleId ?? '',
    from: outcomeWords(s.from, m, l),
    to: outcomeWords(s.to, m, l),
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
  if (s.to !== null && s.to.min === s.to.max) out.sanction = s.to.min
  if (s.assumption) out.assumption = text(say((m) => m.assumption), lang)
  return out
}

function leverWords (x: Lever, rules: LoadedRules): Bilingual {
  const { lever } = x
  if (lever !== 'tier') return say((m) => m.lever[lever])
  const title = rules.ruleIndex.get(x.ruleId!)!.rules.get(x.ruleId!)!.title
  return say((m, l) => m.narrowOpenTier({ rule: title[l], item: x.conductIndex! + 1 }))
}

function recommendation (c: ClassificationVerdict, rules: LoadedRules, lang: Lang): Classification['recommendation'] {
  const { fixed, reason, narrowedBy } = c.recommendation
  const levers = narrowedBy.map((x) => leverWords(x, rules))
  const said = say((m, l) => m.recommendation[reason]({ range: outcomeWords(c.range, m, l), levers: m.levers(levers.map((w) => w[l])) }))
  return { fixed, reason, narrowedBy, explanation: text(said, lang) }
}

function summary (c: ClassificationVerdict): Bilingual {
  if (c.status === 'undetermined') return say((m) => m.classification.undetermined)
  if (c.status === 'no-sanction-proposed') return say((m) => m.classification.noSanction)
  if (c.status === 'exemption-proposed') return say((m) => m.classification.exempted({ provisional: c.provisional }))
  return say((m, l) => m.classification.proposed({ range: outcomeWords(c.range, m, l), recommended: c.recommended === null ? null : SANCTION_NAMES[c.recommended][l], provisional: c.provisional }))
}

export function classification (c: ClassificationVerdict, rules: LoadedRules, lang: Lang): Classification {
  const { catalog } = rules
  const referral = c.referral === null
    ? null
    : { suspectedCrime: true, rules: c.referral.rules, text: text(rules.ruleIndex.get(c.referral.rules[0])!.rules.get(c.referral.rules[0])!.referral!.text, lang), citations: citations(catalog, c.referral.clauses, lang) }
  return {
    status: c.status,
    provisional: c.provisional,
    sanctionRange: c.range,
    recommended: c.recommended,
    recommendation: recommendation(c, rules, lang),
    basis: c.basis,
    adjustments: c.steps.map((s) => adjustment(s, rules, lang)),
    missing: c.missing,
    referral,
    explanation: text(summary(c), lang)
  }
}
