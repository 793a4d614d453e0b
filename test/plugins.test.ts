import t from 'tap'
import { connect } from 'node:net'
import { Readable } from 'node:stream'
import { buildApp } from './helpers/app.js'
import { clientErrorHandler } from '../src/plugins/problems.js'
import { negotiate } from '../src/plugins/language.js'
import { SERVICE_VERSION } from '../src/version.js'
import { referenceCase } from './helpers/cases.js'
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

t.test('errors met before routing are problem+json and echo nothing of the URL', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  const long = await app.inject('/v1/rulesets/' + 'secret-name-'.repeat(20))
  t.equal(long.statusCode, 414)
  t.match(long.headers['content-type'], /^application\/problem\+json/)
  t.equal(long.json().type, 'urn:discipline-rules:problem:uri-too-long')
  t.notMatch(long.body, /secret-name/)
  for (const url of ['/v1/rulesets/%E0%A4%A', '/v1/clauses/%zz']) {
    const bad = await app.inject(url)
    t.equal(bad.statusCode, 400, url)
    t.equal(bad.json().type, 'urn:discipline-rules:problem:bad-url')
    t.notMatch(bad.body, /%/, 'the URL is not echoed')
  }
})

t.test('malformed HTTP and oversize headers get a problem+json answer, then the connection closes', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const raw = (text: string) => new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text))
    let out = ''
    socket.on('data', (d) => { out += d })
    socket.on('close', () => resolve(out))
    socket.on('error', reject)
  })
  const malformed = await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n')
  t.match(malformed, /^HTTP\/1\.1 400 Bad Request\r\n/)
  t.match(malformed, /Content-Type: application\/problem\+json\r\n/)
  t.match(malformed, /Connection: close\r\n/)
  t.same(JSON.parse(malformed.split('\r\n\r\n')[1]), { type: 'urn:discipline-rules:problem:malformed-request', title: 'The request is not valid HTTP', status: 400 })
  const huge = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`)
  t.match(huge, /^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/)
  t.equal(JSON.parse(huge.split('\r\n\r\n')[1]).type, 'urn:discipline-rules:problem:headers-too-large')
})

t.test('the client error handler leaves a reset or closed socket alone', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  const calls: string[] = []
  const socket = { destroyed: false, writable: false, destroy: () => calls.push('destroy'), end: () => calls.push('end') }
  clientErrorHandler.call(app as never, Object.assign(new Error('reset'), { code: 'ECONNRESET' }), socket as never)
  t.same(calls, [], 'a reset connection: nothing to answer')
  clientErrorHandler.call(app as never, Object.assign(new Error('gone'), { code: 'HPE_INVALID_METHOD' }), socket as never)
  t.same(calls, ['destroy'], 'a socket that cannot be written is destroyed')
})

t.test('a statedCircumstances key off its pattern is refused without being echoed', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  const request = structuredClone(referenceCase().request) as any
  request.facts.conduct[0].statedCircumstances = { '张三 110101199001011234': 'serious' }
  for (const [url, payload, prefix] of [['/v1/evaluations', request, ''], ['/v1/evaluations/batch', { cases: [request] }, '/cases/0']] as const) {
    const res = await app.inject({ method: 'POST', url, payload })
    const problem = url === '/v1/evaluations' ? res.json() : res.json().results[0].problem
    t.equal(problem.status, 400, url)
    t.same(problem.errors, [{ pointer: `${prefix}/facts/conduct/0/statedCircumstances`, detail: 'a key does not match the pattern ^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }])
    t.notMatch(res.body, /张三|110101199001011234/, 'the key is not echoed')
  }
})

t.test('/docs: the page\'s CSP does not upgrade its own assets to https', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  const page = await app.inject('/docs/')
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-security-policy'], /default-src 'self'/)
  t.notMatch(page.headers['content-security-policy'], /upgrade-insecure-requests/)
})

t.test('Accept-Language: malformed entries are ignored', async (t) => {
  t.equal(negotiate('en;q=abc'), undefined, 'q=abc: the entry is ignored, not taken as q=1')
  t.equal(negotiate('en;q=-1'), undefined)
  t.equal(negotiate('en;q=1.5, zh;q=0.2'), 'zh', 'a q above 1 is malformed')
  t.equal(negotiate('en;q=0.5abc, zh;q=0.2'), 'zh')
  t.equal(negotiate('en;q=abc, zh;q=0.5'), 'zh')
  t.equal(negotiate('en; q=0.8 , zh;q=0.7'), 'en', 'spaces around parameters are allowed')
  t.equal(negotiate('en;q=1.000, zh;q=0.999'), 'en')
})

t.test('the OpenAPI document has the package\'s version', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  await app.ready()
  t.equal((app.swagger() as { info: { version: string } }).info.version, SERVICE_VERSION)
})

t.test('draining: every answer closes its connection and new requests get a 503 problem', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  t.equal((await app.inject('/healthz')).headers.connection, 'keep-alive', 'before: connections are kept')
  app.drain()
  const res = await app.inject('/v1/rulesets')
  t.equal(res.statusCode, 503)
  t.equal(res.headers.connection, 'close')
  t.equal(res.headers['retry-after'], '1')
  t.equal(res.json().type, 'urn:discipline-rules:problem:shutting-down')
})

t.test('a body over the limit: 413 problem; the connection stays open to read the rest when its length is declared', async (t) => {
  const app = buildApp({ config: { BODY_LIMIT: 2048 } })
  t.teardown(() => app.close())
  const big = JSON.stringify({ pad: 'x'.repeat(5000) })
  const declared = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload: big })
  t.equal(declared.statusCode, 413)
  t.equal(declared.json().type, 'urn:discipline-rules:problem:payload-too-large')
  t.not(declared.headers.connection, 'close', 'Node reads and discards the rest, so the client reads the 413')
  const chunked = await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { 'content-type': 'application/json' }, payload: Readable.from([big]) })
  t.equal(chunked.statusCode, 413)
  t.equal(chunked.headers.connection, 'close', 'a body of unknown length is not read on: the connection closes')
})
