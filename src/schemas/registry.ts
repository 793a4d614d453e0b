/**
 * Every shared schema, in an order where each one's references come before it. The app adds them
 * with addSchema (so OpenAPI gets named components and the serializer resolves $refs) and the
 * validator compiles against them.
 */
import type { TSchema } from '@sinclair/typebox'
import type { Config } from '../config.js'
import { Text, SanctionCode, CircumstanceCode, TierTestCode } from './common.js'
import { Subject, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest, ConductItem, Facts } from './facts.js'
import {
  EvaluationOptions, EvaluationRequest, FactRef, CircumstanceFinding, TriggeredRule,
  UndeterminedRule, NonSanctionFinding, NotTriggeredRule, SeriesReading, EvaluationResponse
} from './evaluation.js'
import { Citation, SanctionRange } from './citation.js'
import { Classification } from './classification.js'
import { Problem } from './problem.js'
import { BatchRequest, BatchResponse } from './batch.js'
import { ClauseView, ClauseList } from './clauses.js'
import { DecisionSummary, DecisionList, RecordedSummary, DecisionRecord, ReplayResult, ReviewRequest, ReviewCreated, AgreementStats } from './decisions.js'
import { RuleSetSummary, RuleSetList, RuleDescription, RuleSetDetail, Health, Readiness } from './rulesets.js'

export const SHARED_SCHEMAS: TSchema[] = [
  Text, SanctionCode, CircumstanceCode, TierTestCode,
  Subject, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest, ConductItem, Facts,
  EvaluationOptions, EvaluationRequest,
  Citation, SanctionRange, FactRef, CircumstanceFinding, SeriesReading, TriggeredRule, UndeterminedRule, NonSanctionFinding,
  NotTriggeredRule, Classification, EvaluationResponse,
  Problem,
  RuleSetSummary, RuleSetList, RuleDescription, RuleSetDetail, Health, Readiness,
  BatchRequest, BatchResponse, ClauseView, ClauseList,
  DecisionSummary, DecisionList, RecordedSummary, DecisionRecord, ReplayResult, ReviewRequest, ReviewCreated, AgreementStats
]

/**
 * The shared schemas with the configured limits: the Facts schema's conduct list holds at most
 * MAX_CONDUCT_ITEMS items. SHARED_SCHEMAS (and openapi.yaml) have the default.
 */
export function sharedSchemas (config: Pick<Config, 'MAX_CONDUCT_ITEMS'>): TSchema[] {
  if (config.MAX_CONDUCT_ITEMS === Facts.properties.conduct.maxItems) return SHARED_SCHEMAS
  const conduct = { ...Facts.properties.conduct, maxItems: config.MAX_CONDUCT_ITEMS }
  const facts = { ...Facts, properties: { ...Facts.properties, conduct } }
  return SHARED_SCHEMAS.map((s) => s === Facts ? facts : s)
}

export const SCHEMAS_BY_ID: ReadonlyMap<string, TSchema> = new Map(SHARED_SCHEMAS.map((s) => [s.$id as string, s]))
