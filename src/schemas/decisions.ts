/**
 * Decision records, replays, reviews and agreement statistics (GET/POST /v1/decisions…,
 * GET /v1/stats/agreement).
 */
import { Type, type Static } from '@sinclair/typebox'
import { ref, SanctionCode, DateString } from './common.js'
import { EvaluationResponse, EvaluationOptions } from './evaluation.js'
import { Facts } from './facts.js'

const strict = { additionalProperties: false } as const
const Id = Type.String({ format: 'uuid' })
const Ids = Type.Object({ count: Type.Integer(), decisionIds: Type.Array(Id) }, strict)

export const DecisionSummary = Type.Object({
  decisionId: Id,
  evaluatedAt: Type.String({ format: 'date-time' }),
  client: Type.String(),
  rulesRevision: Type.String(),
  ruleIds: Type.Array(Type.String(), { description: 'The rules the answer found triggered.' }),
  status: Type.String({ description: 'classification.status of the answer.' }),
  recommended: Type.Union([ref(SanctionCode), Type.Null()])
}, { ...strict, $id: 'DecisionSummary' })

export const DecisionList = Type.Object({
  items: Type.Array(ref(DecisionSummary)),
  next: Type.Union([Type.String(), Type.Null()], { description: 'The cursor of the next page, or null on the last.' })
}, { ...strict, $id: 'DecisionList' })

export const RecordedSummary = Type.Object({
  status: Type.String({ description: 'classification.status of the answer.' }),
  provisional: Type.Boolean({ description: 'classification.provisional of the answer.' }),
  rules: Type.Record(Type.String(), Type.Array(Type.Object({
    conductIndex: Type.Optional(Type.Integer({ description: 'The conduct item (facts.conduct index) that triggers the rule. Absent in records written before the summary kept every conduct item (those kept one finding per rule, the last item\'s).' })),
    tier: Type.String({ description: 'appliedTier.' }),
    range: Type.String({ description: 'sanctionRange as min..max.' }),
    version: Type.String({ description: 'appliedVersion.version.' })
  }, strict)), { description: 'The triggered rules by rule id, each with one finding per conduct item that triggers it (two items may trigger one rule at different tiers, ranges or versions).' }),
  recommended: Type.Union([ref(SanctionCode), Type.Null()]),
  range: Type.Union([Type.Object({ min: ref(SanctionCode), max: ref(SanctionCode) }, strict), Type.Null()], { description: 'classification.sanctionRange.' }),
  basis: Type.Array(Type.String(), { description: 'The rules the classification rests on.' })
}, { ...strict, $id: 'RecordedSummary', description: 'The parts of the answer the record keeps beside its digest: what it is listed, counted and compared by.' })

export const DecisionRecord = Type.Object({
  decisionId: Id,
  evaluatedAt: Type.String({ format: 'date-time' }),
  recordedAt: Type.String({ format: 'date-time' }),
  client: Type.String(),
  requestId: Type.String(),
  serviceVersion: Type.String(),
  rulesRevision: Type.String(),
  lang: Type.String(),
  options: ref(EvaluationOptions),
  facts: Type.Optional(ref(Facts, { description: 'Only for the audit scope.' })),
  answerDigest: Type.String({ description: 'SHA-256 (base64url) of the answer\'s JSON as it was sent. The record keeps this digest, not the answer.' }),
  summary: ref(RecordedSummary),
  reproduced: Type.Boolean({ description: 'Whether replaying the facts on the recorded rules revision gave the recorded answer again (the same digest).' }),
  answer: Type.Optional(ref(EvaluationResponse, { description: 'The answer, rebuilt by replay on the recorded rules revision; present only when reproduced (it is then the answer that was sent, byte for byte).' }))
}, { ...strict, $id: 'DecisionRecord' })

const Change = Type.Object({
  pointer: Type.String({ description: 'JSON pointer into the answer.' }),
  op: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  recorded: Type.Optional(Type.Unknown()),
  current: Type.Optional(Type.Unknown())
}, strict)

export const ReplayResult = Type.Object({
  decisionId: Id,
  recordedRevision: Type.String(),
  currentRevision: Type.String(),
  reproduced: Type.Boolean({ description: 'Whether the recorded revision gives exactly the recorded answer again (the digest of its JSON equals the recorded one).' }),
  differences: Type.Array(Change, { description: 'When not reproduced: where the summary of the answer rebuilt on the recorded revision departs from the recorded summary (pointers into the summary); empty when reproduced.' }),
  changes: Type.Array(Change, { description: 'What the current revision answers differently from the answer rebuilt on the recorded one (the recorded answer, when reproduced), apart from ids, times and versions.' })
}, { ...strict, $id: 'ReplayResult' })

export const ReviewRequest = Type.Object({
  sanction: Type.Union([ref(SanctionCode), Type.Null()], { description: 'The sanction imposed, or null for none.' }),
  articles: Type.Array(Type.Object({
    instrument: Type.String({ minLength: 1 }),
    version: Type.String({ minLength: 1 }),
    article: Type.Integer({ minimum: 1 }),
    paragraph: Type.Optional(Type.Integer({ minimum: 1 }))
  }, strict), { maxItems: 50 }),
  reviewer: Type.String({ minLength: 1, maxLength: 200 }),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
  decidedOn: DateString,
  replaces: Type.Optional(Type.String({ format: 'uuid', description: 'The review this one corrects (required once the decision has a review).' }))
}, { ...strict, $id: 'ReviewRequest' })
export type ReviewRequest = Static<typeof ReviewRequest>

export const ReviewCreated = Type.Object({
  reviewId: Id,
  decisionId: Id,
  replaces: Type.Union([Id, Type.Null()])
}, { ...strict, $id: 'ReviewCreated' })

export const AgreementStats = Type.Object({
  from: DateString,
  to: DateString,
  reviewed: Type.Integer({ description: 'Decisions whose current review was decided in the window.' }),
  rules: Type.Array(Type.Object({
    ruleId: Type.Union([Type.String(), Type.Null()], { description: 'null: decisions whose recommendation rests on no rule.' }),
    version: Type.Union([Type.String(), Type.Null()]),
    equal: Ids,
    inside: Ids,
    outside: Ids
  }, strict))
}, { ...strict, $id: 'AgreementStats' })
