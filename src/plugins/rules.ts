/**
 * The rules service: loads and checks the rules directory at start-up, and reloads it on demand
 * (SIGHUP, POST /admin/reload). A reload loads and checks the new rules aside and swaps them in one
 * assignment; a rules directory that fails its checks is rejected with the reason and the old rules
 * keep serving. Each evaluation takes `app.rules` once, so it finishes on the revision it began on.
 */
import fp from 'fastify-plugin'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../domain/rules/files.js'
import { RulesLoadError } from '../errors.js'
import { readCases, type GoldenCase } from '../tools/cases.js'

export interface ReloadResult {
  status: 'reloaded' | 'unchanged'
  rulesRevision: string
  previousRevision: string
  loadedAt: string
}

declare module 'fastify' {
  interface FastifyInstance {
    rules: LoadedRules
    /**
     * The golden cases (cases/*.json) read with the rules in use, in the background once they load (so a
     * start does not wait for 300 files): POST /admin/impact replays these, whatever the directory holds since.
     */
    goldenCases: Promise<GoldenCase[]>
    reloadRules: () => Promise<ReloadResult>
  }
}

export interface RulesPluginOptions {
  rulesDir?: string
  /** Already loaded rules (tests pass fixtures this way); reload then reads rulesDir if given. */
  rules?: LoadedRules
  /** Bound on each file read (RULES_MAX_FILE_BYTES). */
  limits?: ReadLimits
  /** Bound on one load, at start-up and at reload (RULES_RELOAD_TIMEOUT_MS). */
  timeoutMs?: number
  /** The loader (tests pass one that never finishes, to show the bound). */
  load?: typeof loadRules
}

/**
 * A load that has not finished within ms is abandoned: its result, if it ever comes, is dropped, and
 * the caller gets a RulesLoadError at once, so neither later reloads nor a shutdown wait for it.
 */
export async function bounded<T> (work: Promise<T>, ms: number, dir: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RulesLoadError([{ file: dir, pointer: '', message: `loading took longer than RULES_RELOAD_TIMEOUT_MS (${ms} ms) and was abandoned` }])), ms)
  })
  work.catch(() => undefined)
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

export default fp<RulesPluginOptions>(async (app, opts) => {
  const load = async (): Promise<LoadedRules> => await bounded((opts.load ?? loadRules)(opts.rulesDir as string, opts.limits ?? DEFAULT_READ_LIMITS), opts.timeoutMs ?? 10_000, opts.rulesDir as string)
  const cases = async (): Promise<GoldenCase[]> => opts.rulesDir === undefined ? [] : (await readCases(opts.rulesDir)).cases
  // (readCases reports a file it cannot read or parse among its errors; it does not reject.)
  let current = opts.rules ?? await load()
  let golden = cases()
  app.decorate('rules', { getter: () => current })
  app.decorate('goldenCases', { getter: () => golden })
  app.metrics.setRevision(current.revision)
  app.log.info({ rulesRevision: current.revision, ruleSets: [...current.ruleSets.keys()] }, 'rules loaded')

  // Reloads run one at a time, in the order asked.
  let queue: Promise<unknown> = Promise.resolve()
  const reload = async (): Promise<ReloadResult> => {
    const previous = current
    try {
      const next = await load()
      // The cases go with the rules that loaded (a rejected reload keeps the previous ones too).
      golden = cases()
      if (next.revision === previous.revision) {
        app.metrics.reloads.inc({ result: 'success' })
        return { status: 'unchanged', rulesRevision: previous.revision, previousRevision: previous.revision, loadedAt: previous.loadedAt }
      }
      current = next
      app.metrics.setRevision(next.revision)
      app.metrics.reloads.inc({ result: 'success' })
      app.log.info({ rulesRevision: next.revision, previousRevision: previous.revision }, 'rules reloaded')
      return { status: 'reloaded', rulesRevision: next.revision, previousRevision: previous.revision, loadedAt: next.loadedAt }
    } catch (err) {
      app.metrics.reloads.inc({ result: 'failure' })
      app.log.error({ err, rulesRevision: previous.revision }, 'rules reload rejected; the previous rules keep serving')
      throw err
    }
  }
  app.decorate('reloadRules', () => {
    const run = queue.then(reload)
    queue = run.catch(() => undefined)
    return run
  })
}, { name: 'rules', dependencies: ['metrics'] })
