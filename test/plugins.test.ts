import t from 'tap'
import Fastify from 'fastify'
import { Type } from '@sinclair/typebox'
import problems from '../src/plugins/problems.js'
import rulesPlugin from '../src/plugins/rules.js'
import metricsPlugin from '../src/plugins/metrics.js'
import validation from '../src/plugins/validation.js'
import { SHARED_SCHEMAS } from '../src/schemas/registry.js'
import { loadRules } from '../src/domain/rules/load.js'
import { BUNDLED_RULES_DIR } from '../src/paths.js'

t.test('problems plugin on a bare Fastify', async (t) => {
  const app = Fastify()
  t.teardown(() => app.close())
  await app.register(validation, { schemas: SHARED_SCHEMAS })
  await app.register(problems)
  app.get('/boom', async () => { throw new Error('secret internals: /etc/passwd') })
  app.get('/teapot', async () => { throw Object.assign(new Error('short and stout'), { statusCode: 418 }) })
  app.get('/query', { schema: { querystring: Type.Object({ n: Type.Integer() }) } }, async () => 'ok')

  const boom = await app.inject('/boom')
  t.equal(boom.statusCode, 500)
  t.equal(boom.json().type, 'urn:discipline-rules:problem:internal-error')
  t.notMatch(boom.body, /secret|passwd/, 'a 500 never leaks internals')

  const teapot = await app.inject('/teapot')
  t.equal(teapot.statusCode, 418)
  t.equal(teapot.json().type, 'urn:discipline-rules:problem:bad-request')

  const query = await app.inject('/query?n=abc')
  t.equal(query.statusCode, 400)
  t.same(query.json().errors.map((e: any) => e.pointer), ['/querystring/n'], 'non-body pointers say which part')
  t.equal((await app.inject('/query?n=7')).statusCode, 200, 'query strings are converted')
})

t.test('rules plugin: loads from a directory or takes loaded rules', async (t) => {
  const fromDir = Fastify()
  t.teardown(() => fromDir.close())
  await fromDir.register(metricsPlugin)
  await fromDir.register(rulesPlugin, { rulesDir: BUNDLED_RULES_DIR })
  const given = Fastify()
  t.teardown(() => given.close())
  await given.register(metricsPlugin)
  const rules = await loadRules(BUNDLED_RULES_DIR)
  await given.register(rulesPlugin, { rules })
  t.equal(given.rules, rules)
  t.equal(fromDir.rules.revision, rules.revision)
})

t.test('a rules directory that fails its checks stops the app', async (t) => {
  const app = Fastify()
  await t.rejects(async () => { await app.register(metricsPlugin).register(rulesPlugin, { rulesDir: t.testdir({}) }).ready() }, /rules failed to load/)
})
