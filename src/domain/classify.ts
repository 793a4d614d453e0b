/**
 * The case's overall classification from its triggered rules. For now: the most severe triggered
 * range, its lowest sanction as the proposed starting point, and a referral where a rule asks for
 * one. The legal model's full arithmetic (从轻/从重, 减轻/加重, 合并处理) is not applied yet, and
 * the response says so rather than silently leaving it out.
 */
import type { Static } from '@sinclair/typebox'
import type { Classification } from '../schemas/evaluation.js'
import type { Triggered, Undetermined } from './findings.js'
import type { Catalog } from './catalog.js'
import { citeAt, defined } from './catalog.js'
import { compareRanges, SANCTION_NAMES } from './ladder.js'

type Out = Static<typeof Classification>

export function classify (triggered: Triggered[], undetermined: Undetermined[], catalog: Catalog, decisionDate: string): Out {
  const provisional = undetermined.length > 0
  const referring = triggered.filter((t) => t.referral !== undefined)
  const referral: Out['referral'] = referring.length === 0
    ? null
    : {
        suspectedCrime: true,
        rules: referring.map((t) => t.ruleId),
        text: referring[0].referral!.text,
        citations: referring[0].referral!.citations
      }
  if (triggered.length === 0) {
    return {
      status: provisional ? 'undetermined' : 'no-sanction-proposed',
      provisional,
      sanctionRange: null,
      recommended: null,
      basis: [],
      adjustments: [],
      referral,
      explanation: provisional
        ? { zh: '没有规则被触发，但有规则因事实不全而无法判断；请查明 undetermined 中列出的事实。', en: 'No rule is triggered, but some cannot be decided on the facts given; establish the facts listed under undetermined.' }
        : { zh: '已编码的规则均不建议给予党纪处分。原因见 findings 和 notTriggered；这不等于行为没有问题。', en: 'No encoded rule proposes a party sanction. See findings and notTriggered for why; this is not a finding that the conduct is clean.' }
    }
  }
  const worst = [...triggered].sort((a, b) => compareRanges(a.sanctionRange, b.sanctionRange)).at(-1)!
  const range = worst.sanctionRange
  const adjustments: Out['adjustments'] = [{
    step: 'starting-point',
    from: null,
    to: range.min,
    explanation: {
      zh: `取所触发规则中最重的处分幅度（${SANCTION_NAMES[range.min].zh}至${SANCTION_NAMES[range.max].zh}，规则 ${worst.ruleId}），以其最轻的处分为建议起点；未陈述从轻、从重情节。`,
      en: `The most severe triggered range (${SANCTION_NAMES[range.min].en} to ${SANCTION_NAMES[range.max].en}, rule ${worst.ruleId}); its lightest sanction is the proposed starting point. No mitigating or aggravating circumstance is stated.`
    },
    citations: [worst.citations[0]]
  }]
  const distinct = new Set(triggered.map((t) => `${t.conductIndex}:${t.ruleId}`))
  if (distinct.size > 1) {
    adjustments.push({
      step: 'multiple-violations-not-applied',
      from: range.min,
      to: range.min,
      explanation: {
        zh: '有两种以上违纪行为：合并处理可能在最重处分基础上加重一档。本版本尚未计算合并处理，由审理人员决定。',
        en: 'There is more than one violation: dealing with them together may raise the heaviest sanction by one tier. This version does not yet compute that; the reviewer decides.'
      },
      citations: [citeAt(catalog, 'ccp.multiple-violations', decisionDate)].filter(defined)
    })
  }
  return {
    status: 'sanction-proposed',
    provisional,
    sanctionRange: range,
    recommended: range.min,
    basis: triggered.map((t) => ({ ruleId: t.ruleId, conductIndex: t.conductIndex })),
    adjustments,
    referral,
    explanation: {
      zh: `建议处分幅度：${SANCTION_NAMES[range.min].zh}至${SANCTION_NAMES[range.max].zh}；建议起点：${SANCTION_NAMES[range.min].zh}。${provisional ? '尚有规则因事实不全无法判断，结论是暂定的。' : ''}本结果仅供参考，由审理人员决定。`,
      en: `Proposed range: ${SANCTION_NAMES[range.min].en} to ${SANCTION_NAMES[range.max].en}; proposed starting point: ${SANCTION_NAMES[range.min].en}.${provisional ? ' Some rules cannot be decided on the facts given, so this is provisional.' : ''} Decision support only: a reviewer decides.`
    }
  }
}
