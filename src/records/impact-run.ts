/**
 * rules:impact's run: the candidate rules directory is loaded (a broken one is refused before anything
 * is replayed), then every recorded decision in the window is replayed on its own revision and on the
 * candidate, and every golden case on the rules in use and on the candidate, over the replay pool's
 * threads; impact.ts counts what changes. The rules in use are the loaded revision's own files (written
 * to a temporary directory for the workers) with the golden cases read when they loaded, not whatever
 * the rules directory holds now: after a rejected reload it holds files that do not load.
 */
import { randomUUID } from 'node:crypto'
import { loadRules } from '../domain/rules/load.js'
import { rm } from 'node:fs/promises'
import type { GoldenCase } from '../tools/cases.js'
import { replayStored, writeRulesDir, type Window } from './bulk.js'
import { ImpactCounter, type ImpactReport } from './impact.js'
import { ReplayPool } from './replay-pool.js'
import type { RecordsRepository, RulesFile } from './repository.js'

export interface ImpactOptions {
  /** The rules in use (the files of the loaded revision) and their golden cases: the baseline for the cases. */
  current: { files: RulesFile[], cases: GoldenCase[] }
  candidateDir: string
  /** The decision store; without one only the golden cases are replayed. */
  repository?: RecordsRepository
  window?: Window
  threads?: number
}

export async function measureImpact (opts: ImpactOptions): Promise<ImpactReport> {
  const candidate = await loadRules(opts.candidateDir)
  const { cases } = opts.current
  const currentDir = await writeRulesDir(opts.current.files)
  const pool = new ReplayPool(opts.threads)
  try {
    pool.loadRules('candidate', opts.candidateDir)
    pool.loadRules('current', currentDir)
    const decisions = new ImpactCounter()
    let reproduced = 0
    let reviewed = 0
    if (opts.repository !== undefined) {
      await replayStored(opts.repository, pool, (d, o) => {
        if (o.reproduced) reproduced++
        if (d.sanction !== undefined) reviewed++
        decisions.add(o.before as NonNullable<typeof o.before>, o.after as NonNullable<typeof o.after>, d.sanction)
      }, { window: opts.window, candidate: 'candidate' })
    }
    const golden = new ImpactCounter()
    const now = new Date().toISOString()
    await Promise.all(cases.map(async (c) => {
      const request = c.data.request as { facts: unknown, options?: unknown }
      // lang: the default; a case's own options.lang wins over it, as in the service.
      const o = await pool.run({ revision: 'current', candidate: 'candidate', decisionId: randomUUID(), evaluatedAt: now, lang: 'zh', facts: request.facts, options: request.options })
        .catch(() => undefined)
      // A case the rules in use refuse (422) has no answer to compare; rules:check reports it.
      if (o !== undefined) golden.add(o.before as NonNullable<typeof o.before>, o.after as NonNullable<typeof o.after>)
    }))
    return {
      candidateRevision: candidate.revision,
      window: { from: opts.window?.from ?? null, to: opts.window?.to ?? null },
      decisions: { ...decisions.part(), reproduced, reviewed },
      goldenCases: golden.part()
    }
  } finally {
    await pool.close()
    await rm(currentDir, { recursive: true, force: true })
  }
}
