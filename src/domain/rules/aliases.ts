/**
 * Facts a caller may state in two places, kept so that requests of earlier versions still mean what they
 * meant. Each pair reads as one fact for the rules:
 * - `speech.action` (one action) and `speech.actions` (a set): the rules read `conduct.speech.actions`;
 *   `action` alone reads as `[action]`; with both, `action` must be one of `actions`.
 * - `content.publicSecurityViolation` (obscene-content only, the older place) and `publicSecurityViolation`
 *   (every conduct type): the rules read `conduct.publicSecurityViolation`; stated in both, they must agree.
 * A contradiction is the caller's to resolve: a 422 naming the older field, never a guess.
 */
import type { FactProblem } from '../../errors.js'

interface Item {
  speech?: { action?: string, actions?: string[] }
  content?: { publicSecurityViolation?: boolean }
  publicSecurityViolation?: boolean
}

/** The contradictions between the two places of one fact in a conduct item at `at`. */
export function aliasProblems (item: Item, at: string): FactProblem[] {
  const problems: FactProblem[] = []
  const { action, actions } = item.speech ?? {}
  if (action !== undefined && actions !== undefined && !actions.includes(action)) {
    problems.push({ pointer: `${at}/speech/action`, message: 'is not one of speech.actions: state the actions once, in speech.actions' })
  }
  const older = item.content?.publicSecurityViolation
  if (older !== undefined && item.publicSecurityViolation !== undefined && older !== item.publicSecurityViolation) {
    problems.push({ pointer: `${at}/content/publicSecurityViolation`, message: 'contradicts publicSecurityViolation on the conduct item: state the finding once' })
  }
  return problems
}

/** Fills the fact the rules read from its older place, in a flat fact map (vocabulary.ts). */
export function applyAliases (facts: Record<string, unknown>): void {
  const action = facts['conduct.speech.action']
  if (facts['conduct.speech.actions'] === undefined && action !== undefined) facts['conduct.speech.actions'] = [action]
  const older = facts['conduct.content.publicSecurityViolation']
  if (facts['conduct.publicSecurityViolation'] === undefined && older !== undefined) facts['conduct.publicSecurityViolation'] = older
}
