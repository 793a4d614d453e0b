/**
 * What deciding gives: typed data and no sentences. Per rule and conduct item a status with the
 * versions compared, the circumstance and the tier by its test, the range, the clauses as
 * clause@version pairs, the deciding facts (the engine's leaves) and the missing facts; for the case,
 * the classification (./classification-verdict.ts). src/domain/render turns it into words.
 */
import type { TierTest } from '../../schemas/codes.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'
import type { Bilingual } from '../../schemas/common.js'
import type { EvaluatedCondition } from './conditions.js'
import type { SanctionRange } from './ladder.js'
import type { ClassificationVerdict } from './classification-verdict.js'

/** A clause in one version of its instrument (a citation, before it is rendered). */
export interface ClauseAt {
  clause: string
  instrument: string
  version: string
  /** The role the rule data gives a supporting clause. */
  role?: Bilingual
}

/** A leaf condition with the engine's result for it: the fact it read (by name) and the test it met or failed. */
export type Leaf = EvaluatedCondition

export interface RuleRef {
  ruleId: string
  ruleSet: string
  conductIndex: number
  conductId?: string
  /** Where the item is one of a series of items on which the rule triggers: the series, read at its last act. */
  series?: SeriesRef
}

/**
 * Conduct items on which one rule triggers (its elements hold in the version in force at each item's own
 * end), read as one continuing or repeated violation: the version is chosen once, at the latest end
 * among them (./series.ts). A reading of the sources, not the regulations' own words.
 */
export interface SeriesRef {
  /** The conduct indices of the items joined, in order. */
  members: number[]
  /** The earliest start among them, where every member states one. */
  start?: string
  /** The latest end among them: the date the version is chosen at. */
  end: string
}

/** How a version's tiers came out for a triggered rule: the tier established, or undetermined (a later version only). */
export interface VersionOutcome {
  status: 'established' | 'undetermined'
  tier?: TierTest
  range?: SanctionRange
}

/** Why a version applies (从旧兼从轻). */
export type VersionReason = 'same-version' | 'later-not-lighter' | 'later-lighter'

export interface Versions {
  instrument: string
  /** In force when the conduct ended. */
  conduct: string
  /** In force at the decision date. */
  decision: string
  applied: string
  conductEnded: string
  reason: VersionReason
  /** The outcome each version gives by its own tests, where two versions were compared. */
  outcomes?: { conduct: VersionOutcome, decision: VersionOutcome }
  /** True when open or undetermined tiers of either version could change which version applies. */
  provisional: boolean
  /** Statement keys and facts (JSON pointers) that would settle a provisional choice. */
  settle: string[]
}

/**
 * One tier test for one rule and conduct item: stated by the case officer, the article's own threshold
 * read from facts, our inference from indicators, or unqualified (none / by-circumstances); unknown
 * with the statement key and facts that would settle it.
 */
export interface TestVerdict {
  test: TierTest
  value: 'true' | 'false' | 'unknown'
  source?: 'stated' | 'article' | 'inferred' | 'unqualified'
  /** article: the leaves that decide the threshold. */
  leaves?: Leaf[]
  /** inferred: the indicators met, and how many are needed. */
  indicators?: Array<{ id: string, leaves: Leaf[] }>
  minIndicators?: number
  /** unknown: fact names and statement keys (conduct.statedCircumstances.<rule>/<test>) that would settle it. */
  missing: string[]
}

/** A graver tier that is still possible, and what would establish it (JSON pointers once in a verdict). */
export interface OpenTier {
  test: TierTest
  range: SanctionRange
  missing: string[]
}

export type UndeterminedReason = 'conduct-end-unknown' | 'elements' | 'later-version-elements' | 'circumstance' | 'no-ordinary-tier'

export type FindingStatus = 'below-threshold' | 'outside-encoded-period' | 'no-provision-in-version' | 'version-not-encoded' | 'not-a-violation-under-later-version' | 'not-a-violation-under-conduct-version'

export interface Triggered {
  ref: RuleRef
  status: 'triggered'
  versions: Versions
  /** The temporal clause, where the two versions differ. */
  temporal?: ClauseAt
  /** The established tier's test and how it was established. */
  circumstance: TestVerdict
  tier: TierTest
  range: SanctionRange
  /** Graver tiers of the version applied whose tests are still unknown (each with the pointers that would establish it). */
  openTiers: OpenTier[]
  /** The rule's clause in the version applied, then its supporting clauses. */
  clauses: ClauseAt[]
  /** Supporting clauses not cited because the facts their condition reads are not established. */
  pendingClauses: PendingClause[]
  referral?: { clauses: ClauseAt[] }
  /** Notes of the rule that apply (by id); the range note is rendered from the range. */
  notes: string[]
  statutory: Array<{ id: string, effect: 'heavier' | 'heavier-or-aggravated', clauses: ClauseAt[] }>
  /** The leaves that satisfied the elements in the version applied (absent with explain: none). */
  because?: Leaf[]
  /** Rules of the same rule set this one yields to, where they fire (resolved into superseded). */
  yieldsTo: Array<{ rule: string, clause: string }>
}

/** A supporting clause whose condition is unknown: not cited; the fact names and pointers that would settle it. */
export interface PendingClause {
  clause: ClauseAt
  facts: string[]
  missing: string[]
}

export interface Superseded {
  ref: RuleRef
  status: 'superseded'
  by: string
  circumstance: TestVerdict
  clauses: ClauseAt[]
}

export interface Undetermined {
  ref: RuleRef
  status: 'undetermined'
  reason: UndeterminedReason
  /** JSON pointers of the facts to establish. */
  missing: string[]
}

export interface Finding {
  ref: RuleRef
  status: FindingStatus
  /** What the explanation names: the end of the conduct, the versions compared, the clause applied. */
  conductEnded?: string
  conductVersion?: string
  decisionVersion?: string
  applied?: ClauseAt
  /** below-threshold: the lowest tier's test, found false. */
  circumstance?: TestVerdict
  failed?: Leaf[]
  clauses: ClauseAt[]
}

export interface NotTriggered {
  ref: RuleRef
  status: 'not-triggered'
  /** The leaves that rule the rule out (only with explain: full). */
  failed?: Leaf[]
}

export type RuleVerdict = Triggered | Superseded | Undetermined | Finding | NotTriggered

export interface Verdicts {
  rulesRevision: string
  decisionDate: string
  explain: ExplainLevel
  triggered: Triggered[]
  undetermined: Undetermined[]
  /** Non-sanction findings, superseded rules among them, in the order decided. */
  findings: Array<Finding | Superseded>
  notTriggered: NotTriggered[]
  classification: ClassificationVerdict
}
