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
  pendingCitation: (p) => `未引用${p.label}：是否适用取决于尚未查明的事实（${p.facts}）；查明成立的，应予引用（${p.role}）。`,
  series: (p) => `推断（不是条例原文）：第${p.items}项行为各自都触发本规则，视为同一种违纪行为的连续或者反复实施，作为一个违纪行为认定，按最后一次行为（${p.end}）时施行的版本选择适用的版本，各项一律适用该版本。依据的是下列来源对连续、反复违纪行为的理解：${p.sources}。是否构成同一系列，由审理人员认定。`,
  seriesEnd: '此处的终了日期是所属系列最后一次行为的日期（推断，见系列说明）。',
  step: {
    lighter: (p) => `从轻情节（${p.mitigating}）：在幅度内从轻，${p.from === p.to ? `幅度只有${p.to}一种处分，不变` : `处分幅度由${p.from}调整为${p.to}（幅度内最重的一档不再适用）`}。`,
    reduced: (p) => `减轻情节（${p.mitigating}）：在处分幅度（${p.from}）以外减轻一档：${p.to}。`,
    'cannot-reduce': (p) => `不能再减轻一档（警告以下只有免予处分，只有开除党籍一种处分的不适用减轻）：${p.to}。`,
    exemption: (p) => `处分幅度（${p.from}）在警告、严重警告以内且有从轻、减轻情节（${p.mitigating}）：可以免予处分，改以批评教育、责令检查、诫勉等方式处理；也可以不免予处分，而在幅度内从轻处分。`,
    heavier: (p) => `从重情节（${[...(p.aggravating === '' ? [] : [p.aggravating]), ...(p.leader ? ['共同违纪的为首者'] : []), ...(p.statutory ? ['该条规定的从重情节'] : [])].join('；')}）：在幅度内从重，${p.from === p.to ? `幅度只有${p.to}一种处分，不变` : `处分幅度由${p.from}调整为${p.to}（幅度内最轻的一档不再适用）`}。`,
    aggravated: (p) => `加重：在处分幅度（${p.from}）以外加重一档：${p.to}。`,
    offset: (p) => `同时存在从轻（${p.mitigating}）和从重情节：视为相互抵消，处分幅度仍为${p.to}。`,
    'multiple-violations': (p) => `${p.count}种违纪行为合并处理：各违纪行为应受的最高处分（${p.from}）加重一档（其中一种应当开除党籍的，开除党籍）：${p.to}。`,
    'no-party-post': (p) => `没有党内职务：以严重警告代替撤销党内职务，处分幅度由${p.from}调整为${p.to}；其在党外组织担任职务的，应建议撤销。`,
    'no-party-post-unknown': () => '是否担任党内职务未查明：如没有党内职务，应以严重警告代替撤销党内职务。',
    'circumstance-not-listed': (p) => `作出决定时施行的版本未列举以下情节，未予考虑：${p.ignored}。`,
    'order-of-steps': () => '计算顺序：先分别确定每一违纪行为的处分幅度，再合并处理，最后适用没有党内职务的替代规则。条例未规定这一顺序（参考资料标为未确认）。'
  },
  span: (p) => `${p.min}至${p.max}`,
  classification: {
    undetermined: '没有规则被触发，但有规则因事实不全而无法判断；请查明待定规则所列的事实。',
    noSanction: '已编码的规则均不建议给予党纪处分。原因见各项认定结论和未触发的规则；这不等于行为没有问题。',
    exempted: (p) => `各违纪行为均可免予处分（见各调整步骤）。${p.provisional ? '尚有事实未查明，结论是暂定的。' : ''}本结果仅供参考，由审理人员决定。`,
    proposed: (p) => `经各步骤计算后的处分幅度：${p.range}；${p.recommended === null ? '幅度内不推定单一处分（见建议说明）' : `建议：${p.recommended}`}。${p.provisional ? '尚有事实未查明，结论是暂定的。' : ''}本结果仅供参考，由审理人员决定。`
  },
  recommendation: {
    'single-sanction': (p) => `计算后的处分幅度只剩一种处分：${p.range}。`,
    exemption: () => '计算结果为免予处分。',
    'range-not-narrowed': (p) => `条例只规定处分幅度、幅度内的从轻从重和幅度外的减轻加重，没有规定幅度内从哪一档起算，本服务不在${p.range}之内推定单一处分，由审理人员决定。${p.levers === '' ? '' : `可以缩小幅度的：${p.levers}。`}`,
    'nothing-proposed': () => '没有建议给予的处分。'
  },
  levers: (xs) => xs.join('；'),
  lever: {
    mitigating: '认定从轻、减轻情节（全案或某一行为）',
    aggravating: '认定从重、加重情节（全案或某一行为）',
    reduced: '对已认定的从轻、减轻情节选择减轻处分',
    aggravated: '对已认定的从重、加重情节选择加重处分（条例允许的）'
  },
  narrowOpenTier: (p) => `认定第${p.item}项行为在“${p.rule}”下尚未确定的情节档次`,
  assumption: '本步骤是本服务的既定做法，条例未作规定。',
  disclaimer: '本结果是辅助决策的建议，依据已编码的规则和推断，不是处分决定；由审理人员作出决定。'
}
