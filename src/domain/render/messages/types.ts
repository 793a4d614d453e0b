/**
 * The shape of a message table. There is one table per language (./zh.ts, ./en.ts), keyed by status,
 * reason and step; every sentence of an answer comes from one of them. Parameters arrive already in
 * the table's language (names of codes from ./names.ts, version labels, the rule data's own texts).
 */
import type { FindingStatus, UndeterminedReason, VersionReason } from '../../decide/verdicts.js'
import type { StepVerdict, Lever, RecommendationVerdict } from '../../decide/classification-verdict.js'

/** The versions compared for one rule: the conduct's and the decision's, by code and by label. */
export interface VersionWords {
  end: string
  conductVersion: string
  conductLabel: string
  decisionVersion: string
  decisionLabel: string
}

export interface FindingWords extends VersionWords {
  /** The first date an encoded version was in force. */
  first: string
  /** What stood before the first encoded version; the rule data's note on an absent version; '' if none. */
  before: string
  note: string
  /** The citation of the clause applied. */
  label: string
}

export interface StepWords {
  ruleId: string
  /** The range before and after the step, in words. */
  from: string
  to: string
  mitigating: string
  aggravating: string
  ignored: string
  leader: boolean
  statutory: boolean
  count: number
}

export interface Messages {
  list: (items: string[]) => string
  /** A tier test and how it was established; `label` is the test in the article's words. */
  stated: (p: { label: string, holds: boolean }) => string
  article: (p: { label: string, holds: boolean }) => string
  unqualified: (p: { label: string, byCircumstances: boolean }) => string
  inferred: (p: { target: string, met: number, min: number, reached: boolean }) => string
  /** A graver tier still open, and its range. */
  openTier: (p: { label: string, min: string, max: string }) => string
  /** Added to the version reason when open or undetermined tiers could still change the version applied. */
  provisionalVersion: string
  undetermined: Record<UndeterminedReason, (p: { instrument: string }) => string>
  finding: Record<FindingStatus, (p: FindingWords) => string>
  versionReason: Record<VersionReason, (p: VersionWords) => string>
  rangeNote: (p: { min: string, max: string, label: string }) => string
  /** A supporting clause not cited because the facts its condition reads are not established. */
  pendingCitation: (p: { label: string, role: string, facts: string }) => string
  /** A repeated series read at its last act: the items (numbered from 1), the date, the sources in words. An inference. */
  series: (p: { items: string, end: string, sources: string }) => string
  /** Added to the version reason or finding of an item of a series: the end date named is the series' last act. */
  seriesEnd: string
  step: Record<StepVerdict['code'], (p: StepWords) => string>
  /** A range of more than one sanction, from its lightest to its heaviest. */
  span: (p: { min: string, max: string }) => string
  classification: {
    undetermined: string
    noSanction: string
    exempted: (p: { provisional: boolean }) => string
    /** recommended: the sanction's name where the range is one sanction, else null. */
    proposed: (p: { range: string, recommended: string | null, provisional: boolean }) => string
  }
  recommendation: Record<RecommendationVerdict['reason'], (p: { range: string, levers: string }) => string>
  /** The statements that would narrow a range, one after another. */
  levers: (items: string[]) => string
  lever: Record<Exclude<Lever['lever'], 'tier'>, string>
  narrowOpenTier: (p: { rule: string, item: number }) => string
  assumption: string
  disclaimer: string
}
