/** The Chinese message table. */
import type { Messages } from './types.js'

const NOT_A_FINDING = '这不是"不违纪"的结论。'

export const zh: Messages = {
  list: (items) => items.join('、'),
  stated: ({ label, holds }) => holds ? `办案人员认定：${label}。` : `办案人员认定不属于：${label}。`,
  article: ({ label, holds }) => holds ? `条文本身的档次标准"${label}"已由下列事实满足（这是条文的标准，不是推断）。` : `条文本身的档次标准"${label}"依下列事实不满足。`,
  unqualified: ({ label, byCircumstances }) => byCircumstances
    ? `该条${label}给予处分，未规定档次标准：构成要件满足即可在整个幅度内处分。`
    : '该档次没有情节限定：构成要件满足即适用。',
  openTier: ({ label, min, max }) => `较重档次尚未确定：如认定${label}，处分幅度为${min}至${max}。`,
  provisionalVersion: '尚未确定的档次可能改变适用的版本，版本的选择是暂定的。',
  inferred: ({ target, met, min, reached }) => reached
    ? `推断为${target}：满足${met}项因素（至少需要${min}项）。这是推断，不是官方标准。`
    : `推断未达到${target}：仅满足${met}项因素（至少需要${min}项）。这是推断，不是官方标准。`,
  undetermined: {
    'conduct-end-unknown': () => '行为终了日期不明，无法确定适用的版本。',
    elements: () => '构成要件所需的事实尚未查明，本规则可能适用。',
    'later-version-elements': () => '判断新版本是否从轻所需的事实尚未查明。',
    circumstance: ({ instrument }) => `构成要件已满足，但《${instrument}》该条的档次标准是否满足尚无法判断：缺少下列认定或事实。`,
    'no-ordinary-tier': ({ instrument }) => `《${instrument}》该条没有一般档次，最低档次即为情节较轻：认定"一般情节"不能确定档次。请由办案人员认定情节较轻、较重或严重，或逐项认定各档次的标准。`
  },
  finding: {
    'outside-encoded-period': (p) => `行为终了于${p.end}，早于已编码版本的施行日期（${p.first}）。${NOT_A_FINDING}${p.before}`,
    'no-provision-in-version': (p) => `行为终了时施行的${p.conductLabel}版本没有这一条款：旧规定不认为是违纪的，不予追究。${p.note}`,
    'version-not-encoded': (p) => `行为终了时施行的${p.conductLabel}版本中的相应条款未编码（参考资料未载明）。${NOT_A_FINDING}${p.note}`,
    'not-a-violation-under-conduct-version': (p) => `行为终了时施行的${p.conductLabel}版本的构成要件不满足，作出决定时施行的${p.decisionLabel}版本范围更宽、可以涵盖该行为：旧规定不认为是违纪的，不予追究。`,
    'not-a-violation-under-later-version': (p) => `行为终了时适用${p.conductLabel}版本，但作出决定时施行的${p.decisionLabel}版本不认为该行为违纪，依从旧兼从轻原则适用新版本，不予处分。`,
    'below-threshold': (p) => `构成要件已满足，但情节未达到${p.label}的最低处分档次，依该条不给予党纪处分；仍可进行批评教育、责令检查、诫勉或组织处理。这不是"行为无问题"的结论。`
  },
  versionReason: {
    'same-version': (p) => `行为终了时（${p.end}）和作出决定时施行的都是${p.conductLabel}版本。`,
    'later-not-lighter': (p) => `行为终了时（${p.end}）施行${p.conductLabel}版本；作出决定时施行的${p.decisionLabel}版本不更轻，依从旧原则适用旧版本。`,
    'later-lighter': (p) => `行为终了时（${p.end}）施行${p.conductLabel}版本；作出决定时施行的${p.decisionLabel}版本处理较轻，依从旧兼从轻原则适用新版本。`
  },
  rangeNote: (p) => `处分幅度：${p.min}至${p.max}（${p.label}）。`,
  step: {
    'starting-point': (p) => `起点：该违纪行为所适用条款的处分幅度（${p.min}至${p.max}）的中间档：${p.to}。`,
    lighter: (p) => `从轻情节（${p.mitigating}）：在幅度内从轻，${p.to}。`,
    reduced: (p) => `减轻情节（${p.mitigating}）：在幅度外减轻一档，${p.to}。`,
    'cannot-reduce': (p) => `不能再减轻一档（警告以下只有免予处分，只有开除党籍一种处分的不适用减轻）：${p.to}。`,
    exemption: (p) => `处分幅度在警告、严重警告以内且有从轻、减轻情节（${p.mitigating}）：可以免予处分，改以批评教育、责令检查、诫勉等方式处理；如不免予处分，从轻为警告。`,
    heavier: (p) => `从重情节（${[...(p.aggravating === '' ? [] : [p.aggravating]), ...(p.leader ? ['共同违纪的为首者'] : []), ...(p.statutory ? ['该条规定的从重情节'] : [])].join('；')}）：在幅度内从重，${p.to}。`,
    aggravated: (p) => `加重：在幅度外加重一档，${p.to}。`,
    offset: (p) => `同时存在从轻（${p.mitigating}）和从重情节：视为相互抵消，维持起点${p.to}。`,
    'multiple-violations': (p) => `${p.count}种违纪行为合并处理：最重的${p.from}加重一档（应开除党籍的开除党籍），${p.to}。`,
    'no-party-post': () => '没有党内职务：以严重警告代替撤销党内职务；其在党外组织担任职务的，应建议撤销。',
    'no-party-post-unknown': () => '是否担任党内职务未查明：如没有党内职务，应以严重警告代替撤销党内职务。',
    'circumstance-not-listed': (p) => `作出决定时施行的版本未列举以下情节，未予考虑：${p.ignored}。`,
    'order-of-steps': () => '计算顺序：先分别确定每一违纪行为的处分，再合并处理，最后适用没有党内职务的替代规则。条例未规定这一顺序（参考资料标为未确认）。'
  },
  classification: {
    undetermined: '没有规则被触发，但有规则因事实不全而无法判断；请查明待定规则所列的事实。',
    noSanction: '已编码的规则均不建议给予党纪处分。原因见各项认定结论和未触发的规则；这不等于行为没有问题。',
    proposed: (p) => `最重的处分幅度：${p.min}至${p.max}；建议：${p.recommended}（计算步骤见各调整步骤）。${p.provisional ? '尚有事实未查明，结论是暂定的。' : ''}本结果仅供参考，由审理人员决定。`
  },
  assumption: '本步骤是本服务的既定做法，条例未作规定。',
  disclaimer: '本结果是辅助决策的建议，依据已编码的规则和推断，不是处分决定；由审理人员作出决定。'
}
