/**
 * Replay in bulk over every core: evaluation is CPU work on one thread per evaluation, so recorded
 * decisions (and golden cases) are spread over worker threads (replay-worker.ts), one per core, while
 * this thread reads the store page by page and keeps each worker a few jobs ahead.
 */
import { availableParallelism } from 'node:os'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Lang } from '../schemas/common.js'
import type { AnswerSummary } from './impact.js'

export interface ReplayJob {
  id: number
  /** The key of the rules to evaluate on (a loaded revision), and of the candidate's, if any. */
  revision: string
  candidate?: string
  decisionId: string
  evaluatedAt: string
  lang: Lang
  facts: unknown
  options: unknown
  /** The recorded answer's digest, service version and summary (JSON text); none for a golden case (the rules at hand are the baseline). */
  recorded?: { digest: string, serviceVersion: string, summary: string }
}

export interface ReplayOutcome { id: number, reproduced: boolean, before?: AnswerSummary, after?: AnswerSummary, error?: string }

export type PoolMessage = { type: 'rules', key: string, dir: string } | { type: 'job', job: ReplayJob }

export class ReplayPool {
  private readonly workers: Worker[]
  private readonly waiting = new Map<number, { resolve: (o: ReplayOutcome) => void, reject: (e: Error) => void }>()
  private readonly busy: number[]
  private nextId = 1

  constructor (size = availableParallelism()) {
    const url = new URL(`./replay-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(url))
    this.busy = this.workers.map(() => 0)
    this.workers.forEach((w, i) => w.on('message', (o: ReplayOutcome) => {
      const p = this.waiting.get(o.id) as { resolve: (o: ReplayOutcome) => void, reject: (e: Error) => void }
      this.waiting.delete(o.id)
      this.busy[i]--
      if (o.error === undefined) p.resolve(o)
      else p.reject(new Error(o.error))
    }))
  }

  /** Every worker loads the rules in `dir` under `key` (the directory must stay until the pool is closed). */
  loadRules (key: string, dir: string): void {
    for (const w of this.workers) w.postMessage({ type: 'rules', key, dir } satisfies PoolMessage)
  }

  /** Runs a job on the least busy worker. */
  async run (job: Omit<ReplayJob, 'id'>): Promise<ReplayOutcome> {
    const id = this.nextId++
    const i = this.busy.indexOf(Math.min(...this.busy))
    this.busy[i]++
    return await new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      this.workers[i].postMessage({ type: 'job', job: { ...job, id } } satisfies PoolMessage)
    })
  }

  get size (): number { return this.workers.length }

  async close (): Promise<void> {
    await Promise.all(this.workers.map(async (w) => await w.terminate()))
  }
}
