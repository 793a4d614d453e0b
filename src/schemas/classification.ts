/** The classification of the case in the answer: the range after the sanction arithmetic, its steps, and the recommendation. */
import { Type } from '@sinclair/typebox'
import { SanctionCode, Text, ref } from './common.js'
import { StringEnum } from './string-enum.js'
import { Citation, SanctionRange } from './citation.js'

const strict = { additionalProperties: false } as const

const LEVERS = ['mitigating', 'aggravating', 'reduced', 'aggravated', 'tier'] as const

const Recommendation = Type.Object({
  fixed: Type.Boolean({ description: 'True where the arithmetic leaves one outcome: a single sanction (recommended names it) or 免予处分 (recommended is null).' }),
  reason: StringEnum(['single-sanction', 'exemption', 'range-not-narrowed', 'nothing-proposed'] as const, {
    description: 'single-sanction: the range after every step is one sanction, which is recommended; exemption: every violation is exempted (免予处分); range-not-narrowed: nothing stated places the case within its range, and the regulations fix no starting point within a range, so no single sanction is recommended (narrowedBy says what would narrow it); nothing-proposed: no rule is triggered.'
  }),
  narrowedBy: Type.Array(Type.Object({
    lever: StringEnum(LEVERS, { description: 'mitigating / aggravating: stating such a circumstance (从轻 / 从重 move the range one step); reduced / aggravated: choosing 减轻 / 加重 for the circumstances stated, which leaves one sanction; tier: establishing an open tier of a triggered rule.' }),
    pointer: Type.String({ description: 'JSON pointer of the field of the request that states it.' }),
    ruleId: Type.Optional(Type.String()),
    conductIndex: Type.Optional(Type.Integer())
  }, strict), { description: 'With range-not-narrowed: the statements and open tiers that would narrow the range; empty otherwise.' }),
  explanation: ref(Text)
}, { ...strict, description: 'Whether the answer recommends one sanction, and if not, why not and what would narrow the range.' })

export const Classification = Type.Object({
  status: Type.Union([Type.Literal('sanction-proposed'), Type.Literal('exemption-proposed'), Type.Literal('no-sanction-proposed'), Type.Literal('undetermined')], {
    description: 'sanction-proposed: at least one rule triggered and a sanction range (sanctionRange; a single sanction where recommended names one) is proposed; exemption-proposed: rules triggered, but the arithmetic proposes 免予处分 for every violation; undetermined: none triggered but some cannot be decided on the facts given; no-sanction-proposed: no encoded rule proposes a sanction (see findings for why — this is not a finding that the conduct is clean).'
  }),
  provisional: Type.Boolean({ description: 'True when undetermined rules, a missing fact of the arithmetic or an open tier of a triggered rule could still change the outcome.' }),
  sanctionRange: Type.Union([ref(SanctionRange), Type.Null()], { description: 'The range the case can end in after every step of the arithmetic (从轻/从重, 减轻/加重, 免予处分, 合并处理, the no-party-post substitution); null when nothing is proposed or every violation is exempted.' }),
  recommended: Type.Union([ref(SanctionCode), Type.Null()], { description: 'A sanction only where sanctionRange is one sanction; otherwise null (see recommendation).' }),
  recommendation: Recommendation,
  basis: Type.Array(Type.Object({ ruleId: Type.String(), conductIndex: Type.Integer() }, strict)),
  adjustments: Type.Array(Type.Object({
    step: Type.String({ description: 'lighter, reduced, cannot-reduce, exemption, heavier, aggravated, offset, circumstance-not-listed, multiple-violations, no-party-post, no-party-post-unknown, order-of-steps.' }),
    ruleId: Type.Optional(Type.String()),
    conductIndex: Type.Optional(Type.Integer()),
    from: Type.Union([ref(SanctionRange), Type.Null()], { description: 'The range before the step; null: no sanction (免予处分).' }),
    to: Type.Union([ref(SanctionRange), Type.Null()], { description: 'The range after the step; null: no sanction (免予处分).' }),
    sanction: Type.Optional(ref(SanctionCode, { description: 'Present where the step leaves one sanction.' })),
    explanation: ref(Text),
    citations: Type.Array(ref(Citation), { description: 'The general provisions, in the version in force at decision.' }),
    assumption: Type.Optional(ref(Text, { description: 'Present where the step is the service\'s stated convention rather than a rule of the regulations.' }))
  }, strict), { description: 'The ordered steps from the triggered ranges to sanctionRange, each with the range before and after and its clause.' }),
  missing: Type.Array(Type.String(), { description: 'Facts (JSON pointers) of the arithmetic whose absence leaves the range open.' }),
  referral: Type.Union([Type.Object({
    suspectedCrime: Type.Boolean(),
    rules: Type.Array(Type.String()),
    text: ref(Text),
    citations: Type.Array(ref(Citation))
  }, strict), Type.Null()]),
  explanation: ref(Text)
}, { ...strict, $id: 'Classification' })
