import { Type, type Static } from '@sinclair/typebox'
import { Facts } from './facts.js'
import { DateString, SanctionCode, TierTestCode, Text, ref, LANGS } from './common.js'
import { StringEnum } from './string-enum.js'
import { Citation, SanctionRange } from './citation.js'
import { Classification } from './classification.js'

const strict = { additionalProperties: false } as const

export const EXPLAIN_LEVELS = ['none', 'summary', 'full'] as const
export type ExplainLevel = (typeof EXPLAIN_LEVELS)[number]

export const EvaluationOptions = Type.Object({
  decisionDate: Type.Optional(DateString),
  explain: Type.Optional(StringEnum(EXPLAIN_LEVELS, { description: 'none: results without the facts they rest on; summary (default): with them; full: adds every rule that was not triggered, with the established facts that rule it out.' })),
  lang: Type.Optional(StringEnum(LANGS, { description: 'Language of the `text` of every text in the response; overrides Accept-Language. Default zh.' }))
}, { ...strict, $id: 'EvaluationOptions', description: 'decisionDate: the date of the decision (default: today, UTC). It must not precede the end of any conduct.' })

export const EvaluationRequest = Type.Object({
  facts: ref(Facts),
  options: Type.Optional(ref(EvaluationOptions))
}, { ...strict, $id: 'EvaluationRequest' })
export type EvaluationRequest = Static<typeof EvaluationRequest>

export const FactRef = Type.Object({
  pointer: Type.String({ description: 'JSON pointer into the request.' }),
  value: Type.Unknown({ description: 'The value found there.' }),
  condition: ref(Text, { description: 'The condition the value met (or failed), in words.' })
}, { ...strict, $id: 'FactRef' })

export const CircumstanceFinding = Type.Object({
  tier: ref(TierTestCode, { description: 'The test of the tier (as the article words it in the version applied): for a triggered rule, the tier established; for a below-threshold finding, the lowest tier, not met.' }),
  label: ref(Text, { description: 'The test in the article\'s own words.' }),
  source: Type.Union([Type.Literal('stated'), Type.Literal('article'), Type.Literal('inferred'), Type.Literal('unqualified')], {
    description: 'stated: the case officer stated the test (a level of the 情节 scale settles only 情节较轻/较重/严重); article: the article\'s own threshold, read from the facts (not an inference); inferred: derived from indicators kept in the rule data (our inference, not an official test); unqualified: the tier has no test (无情节限定 or 视情节轻重) and holds once the elements hold.'
  }),
  facts: Type.Optional(Type.Array(ref(FactRef), { description: 'article: the facts that decide the threshold.' })),
  indicators: Type.Optional(Type.Array(Type.Object({ id: Type.String(), title: ref(Text), facts: Type.Array(ref(FactRef)) }, strict), {
    description: 'inferred: the indicators that were met, with the facts that met them.'
  })),
  minIndicators: Type.Optional(Type.Integer()),
  provenance: Type.Optional(Type.Object({ source: Type.String(), inference: Type.Boolean(), note: Type.Optional(ref(Text)) }, strict)),
  explanation: ref(Text)
}, { ...strict, $id: 'CircumstanceFinding', description: 'A tier of the article and how its test was established.' })

const OpenTier = Type.Object({
  tier: ref(TierTestCode),
  label: ref(Text),
  sanctionRange: ref(SanctionRange),
  missing: Type.Array(Type.String(), { description: 'JSON pointers that would establish the tier: the statement key (statedCircumstances/<rule id>/<test>) and the facts the rule data reads.' }),
  explanation: ref(Text)
}, strict)

const VersionOutcome = Type.Object({
  status: Type.Union([Type.Literal('established'), Type.Literal('undetermined')], { description: 'undetermined: no tier of that version is established yet (only the later version can be; it is then not shown lighter).' }),
  tier: Type.Optional(ref(TierTestCode)), sanctionRange: Type.Optional(ref(SanctionRange))
}, { ...strict, description: 'What one version gives by its own elements and tier tests.' })

const VersionChoice = Type.Object({
  instrument: Type.String(),
  version: Type.String({ description: 'The version applied.' }),
  conductVersion: Type.String({ description: 'The version in force when the conduct ended.' }),
  decisionVersion: Type.String({ description: 'The version in force at the decision date.' }),
  conductEnded: Type.String({ format: 'date', description: 'When the conduct ended; for an item of a series (`series`), the series\' last act.' }),
  reason: ref(Text),
  citations: Type.Array(ref(Citation), { description: 'The temporal clause (从旧兼从轻), where the two versions differ.' }),
  outcomes: Type.Optional(Type.Object({ conductVersion: VersionOutcome, decisionVersion: VersionOutcome }, { ...strict, description: 'Where two versions were compared: the outcome each gives by its own tests (从旧兼从轻 compares these).' })),
  provisional: Type.Boolean({ description: 'True when tiers still open or undetermined in either version could change which version applies; `settle` names what would settle it.' }),
  settle: Type.Array(Type.String(), { description: 'JSON pointers (statements and facts) that would settle a provisional choice of version; empty when not provisional.' })
}, strict)

const Note = Type.Object({ id: Type.String(), text: ref(Text) }, strict)

export const SeriesReading = Type.Object({
  conductIndices: Type.Array(Type.Integer(), { description: 'The conduct items joined (indices in facts.conduct): those on which the rule triggers on its own. An item on which it is undetermined, below its threshold or not pursued under its own version does not join.' }),
  firstAct: Type.Optional(Type.String({ format: 'date', description: 'The earliest start among them, where every item states one.' })),
  lastAct: Type.String({ format: 'date', description: 'The latest end among them: the version is chosen at this date, for every item.' }),
  inference: Type.Literal(true, { description: 'Always true: a reading of the sources named, not the regulations\' own words.' }),
  sources: Type.Array(Type.String(), { description: 'Ids of the public sources of the reading, as the rules\' sources.json lists them (rules/sources.json); `text` names each by title and issuer.' }),
  text: ref(Text)
}, { ...strict, $id: 'SeriesReading', description: 'A repeated series sent as separate conduct items: where one rule triggers on several items, they are read as one continuing or repeated violation, and the version is chosen once, at the last act. An inference of the service, labelled as such.' })

const ruleRef = () => ({
  ruleId: Type.String(),
  ruleSet: Type.String(),
  conductIndex: Type.Integer({ description: 'Index of the conduct item in facts.conduct.' }),
  conductId: Type.Optional(Type.String()),
  title: ref(Text),
  series: Type.Optional(ref(SeriesReading, { description: 'Present where the item is one of a series for this rule.' }))
})

export const TriggeredRule = Type.Object({
  ...ruleRef(),
  appliedVersion: VersionChoice,
  circumstance: ref(CircumstanceFinding),
  appliedTier: ref(TierTestCode, { description: 'The test of the tier established in the version applied (the gravest tier whose test holds).' }),
  sanctionRange: ref(SanctionRange),
  openTiers: Type.Array(OpenTier, { description: 'Graver tiers of the version applied whose tests are still unknown, each with what would establish it: the range could still rise to theirs.' }),
  citations: Type.Array(ref(Citation)),
  referral: Type.Optional(Type.Object({ text: ref(Text), citations: Type.Array(ref(Citation)) }, strict)),
  statutoryAdjustments: Type.Array(Type.Object({
    id: Type.String(),
    effect: Type.String({ description: 'heavier (从重) or heavier-or-aggravated (从重或者加重), as the article prescribes.' }),
    text: ref(Text),
    citations: Type.Array(ref(Citation))
  }, strict), { description: 'Aggravation the applied article itself prescribes for these facts.' }),
  because: Type.Optional(Type.Array(ref(FactRef), { description: 'The facts that satisfied the rule\'s elements (omitted with explain: none).' })),
  notes: Type.Optional(Type.Array(Note, { description: 'Omitted with explain: none.' }))
}, { ...strict, $id: 'TriggeredRule' })
export type TriggeredRule = Static<typeof TriggeredRule>

export const UndeterminedRule = Type.Object({
  ...ruleRef(),
  missing: Type.Array(Type.String(), { description: 'JSON pointers of the facts to establish next.' }),
  explanation: ref(Text)
}, { ...strict, $id: 'UndeterminedRule' })

export const NonSanctionFinding = Type.Object({
  ...ruleRef(),
  status: Type.Union([
    Type.Literal('below-threshold'),
    Type.Literal('superseded'),
    Type.Literal('outside-encoded-period'),
    Type.Literal('no-provision-in-version'),
    Type.Literal('version-not-encoded'),
    Type.Literal('not-a-violation-under-later-version'),
    Type.Literal('not-a-violation-under-conduct-version')
  ], {
    description: 'below-threshold: the elements are met but the circumstance is below the article\'s lowest tier (no sanction under it; criticism, education or 诫勉 remain possible); superseded: another rule applies instead to the same act; outside-encoded-period: the conduct ended before the encoded versions were in force — not a finding of no violation; no-provision-in-version: the version in force when the conduct ended has no such provision, so the act is not pursued; version-not-encoded: that version\'s provision is not encoded (not a finding of no violation); not-a-violation-under-later-version: the version in force at decision does not treat the act as a violation (从旧兼从轻); not-a-violation-under-conduct-version: only a later, broader version reaches the act, so it is not pursued.'
  }),
  supersededBy: Type.Optional(Type.String()),
  circumstance: Type.Optional(ref(CircumstanceFinding)),
  failed: Type.Optional(Type.Array(ref(FactRef), { description: 'For not-a-violation-under-conduct-version: the facts that fail the old version\'s elements.' })),
  explanation: ref(Text),
  citations: Type.Array(ref(Citation))
}, { ...strict, $id: 'NonSanctionFinding' })

export const NotTriggeredRule = Type.Object({
  ...ruleRef(),
  failed: Type.Array(ref(FactRef), { description: 'Established facts that rule the rule out.' })
}, { ...strict, $id: 'NotTriggeredRule' })

export const EvaluationResponse = Type.Object({
  decisionId: Type.String({ format: 'uuid', description: 'Unique per evaluation.' }),
  rulesRevision: Type.String({ description: 'Content hash of the loaded rules.' }),
  evaluatedAt: Type.String({ format: 'date-time' }),
  decisionDate: DateString,
  triggered: Type.Array(ref(TriggeredRule)),
  undetermined: Type.Array(ref(UndeterminedRule)),
  findings: Type.Array(ref(NonSanctionFinding)),
  notTriggered: Type.Optional(Type.Array(ref(NotTriggeredRule), { description: 'Only with explain: full.' })),
  lang: StringEnum(LANGS, { description: 'The language of every `text`.' }),
  provenance: Type.Object({
    serviceVersion: Type.String(),
    rulesRevision: Type.String(),
    decisionId: Type.String(),
    evaluatedAt: Type.String({ format: 'date-time' }),
    instruments: Type.Array(Type.Object({ instrument: Type.String(), versions: Type.Array(Type.String()) }, strict), { description: 'The instruments and versions cited in this response.' })
  }, { ...strict, description: 'What produced this answer. The same request on the same rules revision gives the same result, apart from decisionId and evaluatedAt.' }),
  classification: ref(Classification),
  disclaimer: ref(Text)
}, { ...strict, $id: 'EvaluationResponse' })
export type EvaluationResponse = Static<typeof EvaluationResponse>
