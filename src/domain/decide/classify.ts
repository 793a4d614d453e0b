/**
 * The case's classification: each triggered violation's sanction worked out from its range and the
 * circumstances stated for its conduct item, then 合并处理 and the no-party-post substitution
 * (src/domain/arithmetic.ts). Every step names its clause, cited in the version in force at decision,
 * and says where it is the service's documented default rather than a rule of the regulations.
 */
import type { Static } from '@sinclair/typebox'
import type { Classification, EvaluationRequest } from '../../schemas/evaluation.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { Triggered, Undetermined } from './findings.js'
import type { Catalog } from '../rules/catalog.js'
import { citeAt, clauseVersion, versionInForce, defined } from '../rules/catalog.js'
import { compareRanges, rank, SANCTION_NAMES } from './ladder.js'
import type { Sanction } from '../../schemas/codes.js'
import { sanctionFor, combine, substitute, type Outcome, type Step } from './arithmetic.js'

type Out = Static<typeof Classification>
type Adjustment = Out['adjustments'][number]
type Text = { zh: string, en: string }

const CIRCUMSTANCE_TEXT: Record<string, Text> = {
  'self-disclosure': { zh: '主动交代', en: 'self-disclosure' },
  'reporting-others': { zh: '检举他人', en: 'reporting others' },
  'recovering-losses': { zh: '主动挽回损失', en: 'recovering losses' },
  'surrendering-proceeds': { zh: '主动上交违纪所得', en: 'surrendering proceeds' },
  'cooperating-in-review': { zh: '配合审查、如实说明', en: 'cooperating in the review' },
  'forcing-or-instigating-others': { zh: '强迫、唆使他人违纪', en: 'forcing or instigating others' },
  'refusing-to-surrender-proceeds': { zh: '拒不上交违纪所得', en: 'refusing to surrender proceeds' },
  'new-violation-after-sanction': { zh: '受处分后又故意违纪', en: 'a new intentional violation after a sanction' },
  'earlier-undisclosed-violation': { zh: '受处分后发现此前未说明的违纪', en: 'earlier undisclosed violations' }
}

const name = (o: Outcome, lang: 'zh' | 'en') => o === null ? (lang === 'zh' ? '免予处分' : 'no sanction (exemption)') : SANCTION_NAMES[o][lang]
const list = (codes: string[], lang: 'zh' | 'en') => codes.map((c) => CIRCUMSTANCE_TEXT[c][lang]).join(lang === 'zh' ? '、' : ', ')

const ASSUMPTION: Text = { zh: '本步骤是本服务的既定做法，条例未作规定。', en: 'This step is the service\'s stated default; the regulations do not prescribe it.' }

/** The general provisions that list circumstances, in the version in force at decision. */
function listed (catalog: Catalog, clauseIds: string[], decisionDate: string, codes: string[]): { covered: string[], ignored: string[], clauses: string[] } {
  const coverage = clauseIds.map((id) => {
    const clause = catalog.clauses.get(id)!
    // A rule was triggered, so the decision date lies within an encoded version.
    const iv = versionInForce(catalog.instruments.get(clause.instrument)!, decisionDate)!
    return { id, covers: clauseVersion(clause, iv.version)?.covers ?? [] }
  })
  const isCovered = (c: string) => coverage.some((x) => x.covers.includes(c))
  return {
    covered: codes.filter(isCovered),
    ignored: codes.filter((c) => !isCovered(c)),
    clauses: coverage.filter((x) => codes.some((c) => x.covers.includes(c))).map((x) => x.id)
  }
}

function explain (s: Step, t: Triggered | undefined, ctx: { mitigating: string[], aggravating: string[], leader: boolean, statutory: boolean, count?: number }): Text {
  const to = { zh: name(s.to, 'zh'), en: name(s.to, 'en') }
  const from = { zh: name(s.from, 'zh'), en: name(s.from, 'en') }
  switch (s.step) {
    case 'starting-point': {
      const r = t!.sanctionRange
      return { zh: `起点：规则 ${t!.ruleId} 的处分幅度（${SANCTION_NAMES[r.min].zh}至${SANCTION_NAMES[r.max].zh}）的中间档：${to.zh}。`, en: `Starting point: the middle of rule ${t!.ruleId}'s range (${SANCTION_NAMES[r.min].en} to ${SANCTION_NAMES[r.max].en}): ${to.en}.` }
    }
    case 'lighter': return { zh: `从轻情节（${list(ctx.mitigating, 'zh')}）：在幅度内从轻，${to.zh}。`, en: `Mitigating (${list(ctx.mitigating, 'en')}): lighter within the range, ${to.en}.` }
    case 'reduced': return { zh: `减轻情节（${list(ctx.mitigating, 'zh')}）：在幅度外减轻一档，${to.zh}。`, en: `Mitigating (${list(ctx.mitigating, 'en')}): reduced one tier below the range, ${to.en}.` }
    case 'cannot-reduce': return { zh: `不能再减轻一档（警告以下只有免予处分，只有开除党籍一种处分的不适用减轻）：${to.zh}。`, en: `Cannot be reduced a tier (below a warning there is only exemption; an expulsion-only offence is not reduced): ${to.en}.` }
    case 'exemption': return { zh: `处分幅度在警告、严重警告以内且有从轻、减轻情节（${list(ctx.mitigating, 'zh')}）：可以免予处分，改以批评教育、责令检查、诫勉等方式处理；如不免予处分，从轻为警告。`, en: `The range lies within warning and serious warning and a mitigating circumstance applies (${list(ctx.mitigating, 'en')}): the sanction may be waived for criticism, ordered self-examination or admonition; if not waived, the lighter sanction is a warning.` }
    case 'heavier': {
      const why = [...(ctx.aggravating.length > 0 ? [list(ctx.aggravating, 'en')] : []), ...(ctx.leader ? ['leader of a joint violation'] : []), ...(ctx.statutory ? ['aggravation prescribed by the article'] : [])].join('; ')
      const whyZh = [...(ctx.aggravating.length > 0 ? [list(ctx.aggravating, 'zh')] : []), ...(ctx.leader ? ['共同违纪的为首者'] : []), ...(ctx.statutory ? ['该条规定的从重情节'] : [])].join('；')
      return { zh: `从重情节（${whyZh}）：在幅度内从重，${to.zh}。`, en: `Aggravating (${why}): heavier within the range, ${to.en}.` }
    }
    case 'aggravated': return { zh: `加重：在幅度外加重一档，${to.zh}。`, en: `Aggravated: one tier above the range, ${to.en}.` }
    case 'offset': return { zh: `同时存在从轻（${list(ctx.mitigating, 'zh')}）和从重情节：视为相互抵消，维持起点${to.zh}。`, en: `Both mitigating (${list(ctx.mitigating, 'en')}) and aggravating circumstances: taken to offset each other; the starting point ${to.en} stands.` }
    case 'multiple-violations': return { zh: `${ctx.count}种违纪行为合并处理：最重的${from.zh}加重一档（应开除党籍的开除党籍），${to.zh}。`, en: `${ctx.count} violations dealt with together: the heaviest, ${from.en}, raised one tier (expulsion if any warrants it): ${to.en}.` }
    case 'no-party-post': return { zh: '没有党内职务：以严重警告代替撤销党内职务；其在党外组织担任职务的，应建议撤销。', en: 'No party post: a serious warning replaces removal from party posts; posts outside the party should be recommended for removal.' }
    case 'no-party-post-unknown': return { zh: '是否担任党内职务未查明：如没有党内职务，应以严重警告代替撤销党内职务。', en: 'Whether the member holds a party post is not established: if not, a serious warning replaces removal from party posts.' }
  }
}

export function classify (req: EvaluationRequest, triggered: Triggered[], undetermined: Undetermined[], catalog: Catalog, decisionDate: string): Out {
  const cite = (clauses: string[]) => clauses.map((id) => citeAt(catalog, id, decisionDate)).filter(defined)
  const referring = triggered.filter((t) => t.referral !== undefined)
  const referral: Out['referral'] = referring.length === 0
    ? null
    : { suspectedCrime: true, rules: referring.map((t) => t.ruleId), text: referring[0].referral!.text, citations: referring[0].referral!.citations }
  const missing: string[] = []

  if (triggered.length === 0) {
    const provisional = undetermined.length > 0
    return {
      status: provisional ? 'undetermined' : 'no-sanction-proposed',
      provisional,
      sanctionRange: null,
      recommended: null,
      basis: [],
      adjustments: [],
      referral,
      missing,
      explanation: provisional
        ? { zh: '没有规则被触发，但有规则因事实不全而无法判断；请查明 undetermined 中列出的事实。', en: 'No rule is triggered, but some cannot be decided on the facts given; establish the facts listed under undetermined.' }
        : { zh: '已编码的规则均不建议给予党纪处分。原因见 findings 和 notTriggered；这不等于行为没有问题。', en: 'No encoded rule proposes a party sanction. See findings and notTriggered for why; this is not a finding that the conduct is clean.' }
    }
  }

  const adjustments: Adjustment[] = []
  const record = (s: Step, t: Triggered | undefined, ctx: Parameters<typeof explain>[2]) => adjustments.push({
    step: s.step,
    ...(t !== undefined ? { ruleId: t.ruleId, conductIndex: t.conductIndex } : {}),
    from: s.from,
    to: s.to,
    explanation: explain(s, t, ctx),
    // A heavier or aggravated step that rests on the article's own aggravation also cites that paragraph.
    citations: [...cite(s.clauses), ...((s.step === 'heavier' || s.step === 'aggravated') && ctx.statutory ? t!.statutoryAdjustments.flatMap((a) => a.citations) : [])],
    ...(s.assumption ? { assumption: ASSUMPTION } : {})
  })

  // Each rule is one violation; the same rule on several conduct items is one continuing or repeated violation.
  const byRule = new Map<string, Outcome>()
  for (const t of triggered) {
    const item: ConductItem = req.facts.conduct[t.conductIndex]
    const mitigating = listed(catalog, ['ccp.mitigation'], decisionDate, item.mitigating ?? [])
    const aggravating = listed(catalog, ['ccp.aggravation', 'ccp.aggravation-repeat'], decisionDate, item.aggravating ?? [])
    const statutory = t.statutoryAdjustments.some((a) => a.effect === 'heavier-or-aggravated')
      ? 'heavier-or-aggravated' as const
      : t.statutoryAdjustments.length > 0 ? 'heavier' as const : null
    const ctx = { mitigating: mitigating.covered, aggravating: aggravating.covered, leader: item.jointRole === 'leader', statutory: statutory !== null }
    const { outcome, steps } = sanctionFor({
      range: t.sanctionRange,
      mitigating: mitigating.covered.length > 0,
      aggravating: aggravating.clauses,
      leader: ctx.leader,
      statutory,
      mitigationEffect: item.mitigationEffect,
      aggravationEffect: item.aggravationEffect
    })
    for (const s of steps) record(s, t, ctx)
    const ignored = [...mitigating.ignored, ...aggravating.ignored]
    if (ignored.length > 0) {
      adjustments.push({
        step: 'circumstance-not-listed',
        ruleId: t.ruleId,
        conductIndex: t.conductIndex,
        from: outcome,
        to: outcome,
        explanation: { zh: `作出决定时施行的版本未列举以下情节，未予考虑：${list(ignored, 'zh')}。`, en: `The version in force at decision does not list these circumstances, so they are not applied: ${list(ignored, 'en')}.` },
        citations: cite(['ccp.mitigation', 'ccp.aggravation'])
      })
    }
    const before = byRule.get(t.ruleId)
    byRule.set(t.ruleId, before === undefined || (outcome !== null && (before === null || rank(outcome) > rank(before))) ? outcome : before)
  }

  const combined = combine([...byRule.values()])
  for (const s of combined.steps) record(s, undefined, { mitigating: [], aggravating: [], leader: false, statutory: false, count: [...byRule.values()].filter((o) => o !== null).length })
  const holdsPartyPost = req.facts.subject.holdsPartyPost
  const final = substitute(combined.outcome, holdsPartyPost)
  for (const s of final.steps) record(s, undefined, { mitigating: [], aggravating: [], leader: false, statutory: false })
  if (final.steps.some((s) => s.step === 'no-party-post-unknown')) missing.push('/facts/subject/holdsPartyPost')
  if (byRule.size > 1 || adjustments.some((a) => a.step === 'multiple-violations')) {
    adjustments.push({
      step: 'order-of-steps',
      from: final.outcome,
      to: final.outcome,
      explanation: { zh: '计算顺序：先分别确定每一违纪行为的处分，再合并处理，最后适用没有党内职务的替代规则。条例未规定这一顺序（参考资料标为未确认）。', en: 'Order applied: each violation\'s own sanction first, then dealing with several violations together, then the no-party-post substitution. The regulations do not state this order (unconfirmed in the reference).' },
      citations: [],
      assumption: ASSUMPTION
    })
  }

  const worst = [...triggered].sort((a, b) => compareRanges(a.sanctionRange, b.sanctionRange)).at(-1)!
  const range = worst.sanctionRange
  const provisional = undetermined.length > 0 || missing.length > 0
  const recommended: Sanction | null = final.outcome
  const rec = { zh: name(recommended, 'zh'), en: name(recommended, 'en') }
  return {
    status: recommended === null ? 'exemption-proposed' : 'sanction-proposed',
    provisional,
    sanctionRange: range,
    recommended,
    basis: triggered.map((t) => ({ ruleId: t.ruleId, conductIndex: t.conductIndex })),
    adjustments,
    referral,
    missing,
    explanation: {
      zh: `最重的处分幅度：${SANCTION_NAMES[range.min].zh}至${SANCTION_NAMES[range.max].zh}；建议：${rec.zh}（计算步骤见 adjustments）。${provisional ? '尚有事实未查明，结论是暂定的。' : ''}本结果仅供参考，由审理人员决定。`,
      en: `Most severe range: ${SANCTION_NAMES[range.min].en} to ${SANCTION_NAMES[range.max].en}; proposed: ${rec.en} (the steps are under adjustments).${provisional ? ' Some facts are not established, so this is provisional.' : ''} Decision support only: a reviewer decides.`
    }
  }
}
