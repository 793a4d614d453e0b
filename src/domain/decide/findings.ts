/** Shapes of one rule's result for one conduct item, before they are gathered into a response. */
import type { Static } from '@sinclair/typebox'
import type { TriggeredRule, UndeterminedRule, NonSanctionFinding, NotTriggeredRule } from '../../schemas/evaluation.js'

export type Triggered = TriggeredRule
export type Undetermined = Static<typeof UndeterminedRule>
export type Finding = Static<typeof NonSanctionFinding>
export type NotTriggered = Static<typeof NotTriggeredRule>

export type RuleEvaluation =
  | { kind: 'triggered', value: Triggered, yieldsTo: Array<{ rule: string, clause: string, reason: { zh: string, en: string } }> }
  | { kind: 'undetermined', value: Undetermined }
  | { kind: 'finding', value: Finding }
  /** value: only when the response lists the rules not triggered (explain: full). */
  | { kind: 'not-triggered', value?: NotTriggered }
