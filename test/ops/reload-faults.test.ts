import t from 'tap'
import { execFileSync } from 'node:child_process'
import { rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import { buildApp } from '../helpers/app.js'
import rulesPlugin, { bounded } from '../../src/plugins/rules.js'
import metricsPlugin from '../../src/plugins/metrics.js'
import { loadRules } from '../../src/domain/rules/load.js'
import { RulesLoadError } from '../../src/errors.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { referenceCase } from '../helpers/cases.js'

const SET = 'rulesets/association.json'

t.test('every file fault at reload is a 422 problem naming the file, and the old rules keep serving', async (t) => {
  const dir = writeRules(t.testdir(), bundledFiles())
  const app = buildApp({ config: { RULES_DIR: dir, RULES_MAX_FILE_BYTES: 200_000 } })
  t.teardown(() => app.close())
  await app.ready()
  const revision = app.rules.revision
  const faults: Array<[string, () => void, RegExp]> = [
    ['a rule-set file deleted', () => {}, /listed in index.json but missing/],
    ['a FIFO', () => execFileSync('mkfifo', [join(dir, SET)]), /a FIFO, not a regular file/],
    ['a link to /dev/zero', () => symlinkSync('/dev/zero', join(dir, SET)), /a device, not a regular file/],
    ['a link to a directory', () => symlinkSync(dir, join(dir, SET)), /a directory, not a regular file/],
    ['a link loop', () => symlinkSync(join(dir, SET), join(dir, SET)), /a symbolic link loop/],
    ['a file over RULES_MAX_FILE_BYTES', () => writeFileSync(join(dir, SET), ' '.repeat(200_001)), /200001 bytes, more than RULES_MAX_FILE_BYTES \(200000\)/]
  ]
  for (const [what, make, message] of faults) {
    rmSync(join(dir, SET), { force: true })
    make()
    const res = await app.inject({ method: 'POST', url: '/admin/reload' })
    t.equal(res.statusCode, 422, what)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json().errors, [{ pointer: `${SET}#`, detail: message }], what)
    t.equal(app.rules.revision, revision, `${what}: the previous rules keep serving`)
    rmSync(join(dir, SET), { force: true })
    writeFileSync(join(dir, SET), JSON.stringify(bundledFiles()[SET], null, 2))
  }
  t.equal((await app.inject({ method: 'POST', url: '/admin/reload' })).json().status, 'unchanged', 'restored, the same rules')
})

t.test('a load that does not finish is abandoned after its bound and holds up no later reload', async (t) => {
  const dir = writeRules(t.testdir(), bundledFiles())
  let stuck = true
  const loaded = await loadRules(dir)
  // Stuck, or at once: a real load may take longer than the short bound on this busy machine.
  const load: typeof loadRules = async () => stuck ? await new Promise(() => {}) : loaded
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(metricsPlugin).register(rulesPlugin, { rules: loaded, rulesDir: dir, timeoutMs: 200, load })
  const started = Date.now()
  await t.rejects(app.reloadRules(), { name: 'RulesLoadError', message: /took longer than RULES_RELOAD_TIMEOUT_MS \(200 ms\) and was abandoned/ })
  t.ok(Date.now() - started < 5000, 'abandoned at its bound')
  stuck = false
  t.equal((await app.reloadRules()).status, 'unchanged', 'the next reload runs')
  stuck = true
  const start = Fastify()
  await t.rejects(async () => { await start.register(metricsPlugin).register(rulesPlugin, { rulesDir: dir, timeoutMs: 100, load }).ready() }, RulesLoadError, 'at start-up too')
})

t.test('bounded passes on a result or an error that comes in time', async (t) => {
  t.equal(await bounded(Promise.resolve(1), 1000, 'x'), 1)
  await t.rejects(bounded(Promise.reject(new Error('boom')), 1000, 'x'), /boom/)
})

t.test('a conduct type with no loaded rule set is a 422 naming the item, never an empty answer', async (t) => {
  // The association rule set only: online speech has none here.
  const app = buildApp({ config: { RULES_DIR: writeRules(t.testdir(), bundledFiles()) } })
  t.teardown(() => app.close())
  const request = referenceCase().request as any
  const speech = { type: 'online-speech', period: request.facts.conduct[0].period, speech: { content: 'political-rumour', action: 'authored' } }
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...request, facts: { ...request.facts, conduct: [...request.facts.conduct, speech] } } })
  t.equal(res.statusCode, 422)
  t.same(res.json().errors.map((e: any) => e.pointer), ['/facts/conduct/1/type'])
  t.match(res.json().errors[0].detail, /no rule set for conduct of type 'online-speech' is loaded/)
})
