/**
 * One reload of what the service reads from files: the rules directory and the API keys (SIGHUP and
 * POST /admin/reload). Both are read and checked aside; the keys are swapped only once the rules have
 * loaded, so a reload is applied whole or not at all, and a bad keys file leaves the previous keys
 * working (with the reason in the log and the answer).
 */
import fp from 'fastify-plugin'
import type { ReloadResult } from './rules.js'
import type { KeysReloadResult } from './auth.js'
import { KeysError } from '../errors.js'

declare module 'fastify' {
  interface FastifyInstance {
    reload: () => Promise<ReloadResult & { keys: KeysReloadResult }>
  }
}

export default fp(async (app) => {
  app.decorate('reload', async () => {
    let commitKeys
    try {
      commitKeys = app.prepareKeys()
    } catch (err) {
      app.metrics.reloads.inc({ result: 'failure' })
      const reason = err instanceof KeysError ? err.message : 'the keys could not be read'
      app.log.error({ reason }, 'API keys reload rejected; the previous keys keep working and the rules were not reloaded')
      throw err
    }
    const rules = await app.reloadRules()
    const keys = commitKeys()
    if (keys.status === 'reloaded') app.log.info({ clients: keys.clients }, 'API keys reloaded')
    return { ...rules, keys }
  })
}, { name: 'reload', dependencies: ['auth', 'rules', 'metrics'] })
