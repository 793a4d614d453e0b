import t from 'tap'
import { buildApp } from '../helpers/app.js'
import { parseKeys, findKey } from '../../src/domain/keys.js'
import { KeysError } from '../../src/errors.js'
import { createHash } from 'node:crypto'
import { referenceCase } from '../helpers/cases.js'

const EVAL_KEY = 'evaluate-key-0123456789'
const ADMIN_KEY = 'admin-key-abcdefghijklmnop'
const hashed = createHash('sha256').update(ADMIN_KEY).digest('hex')
const keys = parseKeys([{ spec: `case-system:evaluate:${EVAL_KEY}\n# the operators\nops:admin+evaluate:sha256:${hashed}`, source: 'test' }])
// Load shedding off: on a loaded machine the docs and the API description were shed with 503 after the app's start.
const app = buildApp({ auth: { mode: 'keys', keys }, config: { MAX_EVENT_LOOP_DELAY_MS: 0 } })
t.teardown(() => app.close())
const reference = referenceCase().request
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

t.test('keys: parsed, hashed, found in constant time', async (t) => {
  t.same(keys.map((k) => [k.client, k.scopes]), [['case-system', ['evaluate']], ['ops', ['admin', 'evaluate']]])
  t.ok(keys.every((k) => k.digest.length === 32), 'only SHA-256 digests are kept')
  t.notMatch(JSON.stringify(keys), new RegExp(EVAL_KEY), 'the key itself is not kept')
  t.equal(findKey(keys, EVAL_KEY)?.client, 'case-system')
  t.equal(findKey(keys, ADMIN_KEY)?.client, 'ops', 'a sha256: entry matches its key')
  t.equal(findKey(keys, 'nope-nope-nope-nope'), undefined)
  t.same(parseKeys([{ spec: ' , ', source: 'env' }]), [], 'empty entries are skipped')
  for (const [spec, message] of [
    ['just-a-key', /expected client:scope\[\+scope\]:secret/],
    ['a:read:0123456789abcdef', /unknown scope 'read'/],
    ['a:evaluate:short', /at least 16 characters/],
    ['a:evaluate:sha256:XYZ', /64 lower-case hex digits/],
    [`a:evaluate:${EVAL_KEY},a:admin:${ADMIN_KEY}`, /client 'a' is listed twice/],
    ['a:evaluate:correct horse battery staple', /printable ASCII without spaces/],
    ['a:evaluate:clé-secrète-0123456789', /printable ASCII without spaces/],
    [`a:evaluate:${EVAL_KEY},b:admin:${EVAL_KEY}`, /entry 2: client 'b' has the same key as client 'a'/],
    [`a:evaluate:${EVAL_KEY},b:admin:sha256:${createHash('sha256').update(EVAL_KEY).digest('hex')}`, /client 'b' has the same key as client 'a'/]
  ] as const) t.throws(() => parseKeys([{ spec, source: 'API_KEYS' }]), { name: 'KeysError', message }, spec)
  t.ok(new KeysError('x') instanceof Error)
})

t.test('401 without a key or with a wrong one, as problem+json', async (t) => {
  const none = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })
  t.equal(none.statusCode, 401)
  t.equal(none.headers['www-authenticate'], 'Bearer realm="discipline-rules"')
  t.match(none.headers['content-type'], /^application\/problem\+json/)
  t.equal(none.json().type, 'urn:discipline-rules:problem:unauthorized')
  const wrong = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers: bearer('wrong-key-wrong-key') })
  t.equal(wrong.statusCode, 401)
  t.match(wrong.json().detail, /not valid/)
  const basic = await app.inject({ method: 'GET', url: '/v1/rulesets', headers: { authorization: `Basic ${EVAL_KEY}` } })
  t.equal(basic.statusCode, 401, 'only bearer tokens')
})

t.test('403 for a key without the scope', async (t) => {
  const res = await app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(EVAL_KEY) })
  t.equal(res.statusCode, 403)
  t.equal(res.json().type, 'urn:discipline-rules:problem:forbidden')
  t.match(res.json().detail, /scope 'admin'/)
})

t.test('the right key and scope pass', async (t) => {
  const ok = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers: bearer(EVAL_KEY) })
  t.equal(ok.statusCode, 200)
  t.equal((await app.inject({ method: 'GET', url: '/v1/clauses', headers: bearer(ADMIN_KEY) })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(ADMIN_KEY) })).json().status, 'unchanged')
})

t.test('health, readiness, metrics, docs and the API description stay open', async (t) => {
  for (const url of ['/healthz', '/readyz', '/metrics', '/openapi.yaml', '/docs/json']) {
    t.equal((await app.inject(url)).statusCode, 200, url)
  }
})

t.test('keys from two sources are one list: a client or a secret in both is refused', async (t) => {
  t.throws(() => parseKeys([{ spec: `a:evaluate:${EVAL_KEY}`, source: 'API_KEYS' }, { spec: `b:evaluate:${EVAL_KEY}`, source: 'API_KEYS_FILE /run/keys' }]),
    { message: /^API_KEYS_FILE \/run\/keys, entry 1: client 'b' has the same key as client 'a'/ })
  t.notMatch(String((() => { try { parseKeys([{ spec: `a:evaluate:${EVAL_KEY},b:evaluate:${EVAL_KEY}`, source: 'x' }]) } catch (e) { return e } })()), EVAL_KEY, 'the message never shows the key')
})

t.test('refused requests are limited per address: 429 after RATE_LIMIT_MAX 401s', async (t) => {
  const small = buildApp({ auth: { mode: 'keys', keys }, config: { RATE_LIMIT_MAX: 3 } })
  t.teardown(() => small.close())
  const refused = (ip: string) => small.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, remoteAddress: ip })
  for (let i = 0; i < 3; i++) t.equal((await refused('192.0.2.1')).statusCode, 401)
  const limited = await refused('192.0.2.1')
  t.equal(limited.statusCode, 429)
  t.equal(limited.json().type, 'urn:discipline-rules:problem:rate-limited')
  t.match(limited.json().detail, /at most 3 refused requests per address/)
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After is set')
  t.equal((await refused('192.0.2.2')).statusCode, 401, 'another address has its own budget')
  const ok = await small.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers: bearer(EVAL_KEY), remoteAddress: '192.0.2.1' })
  t.equal(ok.statusCode, 200, 'a client with a valid key is not held back by the refusals from its address')
})
