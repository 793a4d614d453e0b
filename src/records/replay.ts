/**
 * Replay: a recorded decision re-evaluated on the rules revision that produced it (rebuilt from the
 * stored bytes of its files) and on the current one. A record keeps the answer's digest, not the
 * answer: the answer is rebuilt here, and `reproduced` says whether it is the recorded one (the same
 * digest). `changes` lists what the current revision answers differently.
 */
import { rm } from 'node:fs/promises'
import diff from 'microdiff'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'
import type { EvaluationRequest, EvaluationResponse } from '../schemas/evaluation.js'
import type { Lang } from '../schemas/common.js'
import type { RecordsRepository, StoredDecision } from './repository.js'
import { evaluateOn } from './evaluate.js'
import { writeRulesDir } from './bulk.js'
import { digestOf } from './digest.js'
import { answerText } from '../domain/render/render.js'
import { summaryOf } from './impact.js'

export interface Change { pointer: string, op: 'added' | 'removed' | 'changed', recorded?: unknown, current?: unknown }

/** Rules revisions rebuilt from the store, the last few kept at hand. */
export class RulesArchive {
  private readonly cache = new Map<string, Promise<LoadedRules>>()
  constructor (private readonly repository: RecordsRepository, private readonly size = 4) {}

  /** A stored revision, loaded; every recorded decision's revision is stored with it (a foreign key). */
  async rulesOf (revision: string): Promise<LoadedRules> {
    let rules = this.cache.get(revision)
    if (rules === undefined) {
      rules = this.rebuild(revision)
      // A failed rebuild is not kept: the next call tries again.
      rules.catch(() => this.cache.delete(revision))
      this.cache.set(revision, rules)
      if (this.cache.size > this.size) this.cache.delete(this.cache.keys().next().value as string)
    }
    return await rules
  }

  /** Writes the stored files into a temporary directory and loads it: the loader itself rebuilds the revision. */
  private async rebuild (revision: string): Promise<LoadedRules> {
    const files = await this.repository.revisionFiles(revision)
    if (files === undefined) throw new Error(`rules revision ${revision} is not in the store`)
    const dir = await writeRulesDir(files)
    try {
      return await loadRules(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/** The fields that differ between two evaluations of the same facts by nature, not by rules. */
const TRANSIENT = new Set(['decisionId', 'evaluatedAt'])
const pointerOf = (path: Array<string | number>) => '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>

/** What differs from `recorded` to `other`, by JSON pointer, leaving out ids and times. */
export function changesBetween (recorded: object, other: object, ignore: ReadonlySet<string> = TRANSIENT): Change[] {
  return diff(plain(recorded), plain(other))
    .filter((d) => !ignore.has(String(d.path[d.path.length - 1])))
    .map((d) => d.type === 'CREATE'
      ? { pointer: pointerOf(d.path), op: 'added', current: d.value }
      : d.type === 'REMOVE'
        ? { pointer: pointerOf(d.path), op: 'removed', recorded: d.oldValue }
        : { pointer: pointerOf(d.path), op: 'changed', recorded: d.oldValue, current: d.value })
}

export interface ReplayResult {
  decisionId: string
  recordedRevision: string
  currentRevision: string
  reproduced: boolean
  differences: Change[]
  changes: Change[]
}

/**
 * The answer of a record rebuilt on its own rules revision, with the record's id, time and service
 * version (an answer names the service version that produced it; a later version that answers the
 * same gives the same answer), and whether it is the recorded one: the same digest.
 */
export async function rebuildAnswer (decision: StoredDecision, recordedRules: LoadedRules): Promise<{ answer: EvaluationResponse, reproduced: boolean }> {
  const request = { facts: decision.facts, options: decision.options } as unknown as EvaluationRequest
  const answer = await evaluateOn(recordedRules, request, { now: new Date(decision.evaluatedAt), decisionId: decision.decisionId, lang: decision.lang as Lang })
  answer.provenance.serviceVersion = decision.serviceVersion
  return { answer, reproduced: digestOf(answerText(answer)) === decision.digest }
}

/**
 * Replays one decision on the rules that produced it and on the current ones. When the rebuilt answer
 * is not the recorded one, `differences` says where its summary departs from the recorded summary
 * (pointers into the summary: the record keeps no more of the answer).
 */
export async function replayDecision (decision: StoredDecision, recordedRules: LoadedRules, currentRules: LoadedRules): Promise<ReplayResult> {
  const { answer: again, reproduced } = await rebuildAnswer(decision, recordedRules)
  const request = { facts: decision.facts, options: decision.options } as unknown as EvaluationRequest
  const ctx = { now: new Date(decision.evaluatedAt), decisionId: decision.decisionId, lang: decision.lang as Lang }
  const current = recordedRules === currentRules ? again : await evaluateOn(currentRules, request, ctx)
  return {
    decisionId: decision.decisionId,
    recordedRevision: decision.rulesRevision,
    currentRevision: currentRules.revision,
    reproduced,
    differences: reproduced ? [] : changesBetween(decision.summary, summaryOf(again)),
    changes: changesBetween(again, current, new Set([...TRANSIENT, 'rulesRevision', 'serviceVersion']))
  }
}
