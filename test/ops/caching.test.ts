import t from 'tap'
import { buildApp } from '../helpers/app.js'
import { parseKeys } from '../../src/domain/keys.js'
import { SERVICE_VERSION } from '../../src/version.js'
import { noneMatch } from '../../src/plugins/caching.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { referenceCase } from '../helpers/cases.js'

const KEY = 'caching-key-0123456789'
const keys = parseKeys([{ spec: `reader:evaluate+admin:${KEY}`, source: 'test' }])
const auth = { authorization: `Bearer ${KEY}` }
const CACHEABLE = ['/v1/rulesets', '/v1/rulesets/association', '/v1/clauses', '/v1/clauses/ccp.association', '/v1/schema/facts', '/openapi.yaml']

t.test('ETag and Cache-Control on the reference reads; 304 on If-None-Match; a reload changes the tag', async (t) => {
  const files = bundledFiles()
  const dir = writeRules(t.testdir(), files)
  const app = buildApp({ auth: { mode: 'keys', keys }, config: { RULES_DIR: dir } })
  t.teardown(() => app.close())
  const tags = new Map<string, string>()
  for (const url of CACHEABLE) {
    const first = await app.inject({ url, headers: auth })
    t.equal(first.statusCode, 200, url)
    const tag = first.headers.etag as string
    t.match(tag, /^"[\w-]{32}"$/, `${url} has a strong ETag`)
    t.equal(first.headers['cache-control'], url === '/openapi.yaml' ? 'public, no-cache' : 'private, no-cache')
    const again = await app.inject({ url, headers: { ...auth, 'if-none-match': `W/"other", ${tag}` } })
    t.equal(again.statusCode, 304, `${url}: 304 on a matching If-None-Match`)
    t.equal(again.body, '')
    t.equal(again.headers.etag, tag)
    t.equal((await app.inject({ url, headers: { ...auth, 'if-none-match': '"stale"' } })).statusCode, 200, 'another tag gets the body')
    tags.set(url, tag)
  }
  t.equal(new Set(tags.values()).size, CACHEABLE.length, 'one tag per resource')
  const refused = await app.inject({ url: '/v1/clauses', headers: { 'if-none-match': tags.get('/v1/clauses') } })
  t.equal(refused.statusCode, 401, 'no 304 without a key: the tag never replaces authentication')
  const missing = await app.inject({ url: '/v1/clauses/nope', headers: auth })
  t.equal(missing.statusCode, 404)
  t.equal(missing.headers.etag, undefined, 'a problem has no ETag')
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request, headers: auth })).headers.etag, undefined, 'evaluations are not cached')

  files['rulesets/association.json'].rules[0].title.en = 'Changed title'
  writeRules(dir, files)
  t.equal((await app.inject({ method: 'POST', url: '/admin/reload', headers: auth })).json().status, 'reloaded')
  const after = await app.inject({ url: '/v1/rulesets/association', headers: { ...auth, 'if-none-match': tags.get('/v1/rulesets/association') } })
  t.equal(after.statusCode, 200, 'after a reload the old tag no longer matches')
  t.not(after.headers.etag, tags.get('/v1/rulesets/association'))
})

t.test('If-None-Match: weak comparison, lists and *', async (t) => {
  t.ok(noneMatch('*', '"a"'))
  t.ok(noneMatch('W/"a"', '"a"'))
  t.notOk(noneMatch(undefined, '"a"'))
  t.notOk(noneMatch('"b", "c"', '"a"'))
})

t.test('every answer names the service version and the rules revision, problems too', async (t) => {
  const app = buildApp({ auth: { mode: 'keys', keys }, config: { RATE_LIMIT_MAX: 1 } })
  t.teardown(() => app.close())
  await app.ready()
  const revision = app.rules.revision
  const answers = {
    200: await app.inject('/healthz'),
    evaluation: await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request, headers: auth }),
    401: await app.inject({ url: '/v1/rulesets' }),
    404: await app.inject('/nowhere'),
    429: await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request, headers: auth }),
    400: await app.inject({ url: '/v1/rulesets/%zz', headers: auth })
  }
  t.equal(answers[429].statusCode, 429)
  t.equal(answers[401].statusCode, 401)
  for (const [what, res] of Object.entries(answers)) {
    t.equal(res.headers['x-service-version'], SERVICE_VERSION, `${what}: X-Service-Version`)
    t.equal(res.headers['x-rules-revision'], revision, `${what}: X-Rules-Revision`)
  }
  t.equal(answers.evaluation.json().rulesRevision, answers.evaluation.headers['x-rules-revision'], 'the header is the revision of the body')
})

t.test('a shed 503 carries them too', async (t) => {
  const app = buildApp({ config: { MAX_EVENT_LOOP_DELAY_MS: 1 } })
  t.teardown(() => app.close())
  await app.ready()
  const until = Date.now() + 200
  while (Date.now() < until) { /* hold the event loop so that under-pressure sees the delay */ }
  await new Promise((resolve) => setTimeout(resolve, 1100))
  const busy = Date.now() + 100
  while (Date.now() < busy) { /* again, just before the request */ }
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: referenceCase().request })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['x-service-version'], SERVICE_VERSION)
  t.equal(res.headers['x-rules-revision'], app.rules.revision)
})

t.test('CORS: off by default; with CORS_ORIGINS only those origins, exposing the version headers', async (t) => {
  const closed = buildApp()
  t.teardown(() => closed.close())
  const none = await closed.inject({ url: '/v1/rulesets', headers: { origin: 'https://cases.example.org' } })
  t.equal(none.headers['access-control-allow-origin'], undefined, 'no CORS header without CORS_ORIGINS')

  const open = buildApp({ auth: { mode: 'keys', keys }, config: { CORS_ORIGINS: 'https://cases.example.org, https://review.example.org' } })
  t.teardown(() => open.close())
  const preflight = await open.inject({ method: 'OPTIONS', url: '/v1/evaluations', headers: { origin: 'https://review.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } })
  t.equal(preflight.statusCode, 204)
  t.equal(preflight.headers['access-control-allow-origin'], 'https://review.example.org')
  t.match(preflight.headers['access-control-allow-headers'], /authorization/)
  const refused = await open.inject({ url: '/v1/rulesets', headers: { origin: 'https://cases.example.org' } })
  t.equal(refused.statusCode, 401)
  t.equal(refused.headers['access-control-allow-origin'], 'https://cases.example.org', 'a 401 is readable by the allowed origin')
  t.match(refused.headers['access-control-expose-headers'], /x-service-version, x-rules-revision, x-request-id, etag/)
  const other = await open.inject({ url: '/v1/rulesets', headers: { ...auth, origin: 'https://evil.example' } })
  t.equal(other.headers['access-control-allow-origin'], undefined, 'another origin gets no CORS header')
})
