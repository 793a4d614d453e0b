/**
 * The rules service: loads and checks the rules directory once at start-up and decorates the app
 * with it. A rules directory that fails its checks stops the app from starting, with the file and
 * the JSON pointer of every problem.
 */
import fp from 'fastify-plugin'
import { loadRules, type LoadedRules } from '../domain/load.js'

declare module 'fastify' {
  interface FastifyInstance {
    rules: LoadedRules
  }
}

export interface RulesPluginOptions {
  rulesDir?: string
  /** Already loaded rules (tests pass fixtures this way). */
  rules?: LoadedRules
}

export default fp<RulesPluginOptions>(async (app, opts) => {
  const rules = opts.rules ?? await loadRules(opts.rulesDir as string)
  app.decorate('rules', rules)
  app.log.info({ rulesRevision: rules.revision, ruleSets: [...rules.ruleSets.keys()] }, 'rules loaded')
}, { name: 'rules' })
