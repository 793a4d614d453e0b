/**
 * The rules service: loads and checks the rules directory at start-up, and reloads it on demand
 * (SIGHUP, POST /admin/reload). A reload loads and checks the new rules aside and swaps them in one
 * assignment; a rules directory that fails its checks is rejected with the reason and the old rules
 * keep serving. Each evaluation takes `app.rules` once, so it finishes on the revision it began on.
 */
import fp from 'fastify-plugin'
import { loadRules, type LoadedRules } from '../domain/rules/load.js'

export interface ReloadResult {
  status: 'reloaded' | 'unchanged'
  rulesRevision: string
  previousRevision: string
  loadedAt: string
}

declare module 'fastify' {
  interface FastifyInstance {
    rules: LoadedRules
    reloadRules: () => Promise<ReloadResult>
  }
}

export interface RulesPluginOptions {
  rulesDir?: string
  /** Already loaded rules (tests pass fixtures this way); reload then reads rulesDir if given. */
  rules?: LoadedRules
}

export default fp<RulesPluginOptions>(async (app, opts) => {
  let current = opts.rules ?? await loadRules(opts.rulesDir as string)
  app.decorate('rules', { getter: () => current })
  app.metrics.revision.set({ revision: current.revision }, 1)
  app.log.info({ rulesRevision: current.revision, ruleSets: [...current.ruleSets.keys()] }, 'rules loaded')

  // Reloads run one at a time, in the order asked.
  let queue: Promise<unknown> = Promise.resolve()
  const reload = async (): Promise<ReloadResult> => {
    const previous = current
    try {
      const next = await loadRules(opts.rulesDir as string)
      if (next.revision === previous.revision) {
        app.metrics.reloads.inc({ result: 'success' })
        return { status: 'unchanged', rulesRevision: previous.revision, previousRevision: previous.revision, loadedAt: previous.loadedAt }
      }
      current = next
      app.metrics.revision.reset()
      app.metrics.revision.set({ revision: next.revision }, 1)
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
