import t from 'tap'
import { buildApp } from '../helpers/app.js'
import { checkShape } from '../../src/plugins/limits.js'
import { LimitError } from '../../src/errors.js'
import { referenceCase } from '../helpers/cases.js'
import { parseConfig } from '../../src/config.js'
import { parseKeys } from '../../src/domain/keys.js'

const reference = referenceCase().request as any
const post = (app: ReturnType<typeof buildApp>, payload: unknown, url = '/v1/evaluations') =>
  app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

t.test('nesting depth and string length are limited while parsing', async (t) => {
  // Load shedding off in the tests that evaluate (on a loaded machine a 60-item case held the loop past 1 s and the next requests got 503).
  const app = buildApp({ config: { MAX_JSON_DEPTH: 8, MAX_STRING_LENGTH: 100, MAX_EVENT_LOOP_DELAY_MS: 0 } })
  t.teardown(() => app.close())
  let deep: unknown = 1
  for (let i = 0; i < 20; i++) deep = { a: deep }
  const d = await post(app, { ...reference, extra: deep })
  t.equal(d.statusCode, 400)
  t.equal(d.json().type, 'urn:discipline-rules:problem:limit-exceeded')
  t.match(d.json().detail, /deeper than 8 levels/)
  const long = await post(app, { ...reference, facts: { ...reference.facts, conduct: [{ ...reference.facts.conduct[0], id: 'x'.repeat(101) }] } })
  t.equal(long.statusCode, 400)
  t.same(long.json().errors, [{ pointer: '/facts/conduct/0/id', detail: 'a string is longer than 100 characters' }])
  const key = await post(app, { ...reference, ['k'.repeat(101)]: 1 })
  t.match(key.json().detail, /property name is longer/)
  t.equal((await post(app, reference)).statusCode, 200, 'a normal case passes')
  t.equal((await post(app, '{"facts": ')).json().type, 'urn:discipline-rules:problem:malformed-json', 'malformed JSON is still malformed JSON')
})

t.test('checkShape walks without recursion', async (t) => {
  let deep: unknown = []
  for (let i = 0; i < 100000; i++) deep = [deep]
  t.throws(() => checkShape(deep, 32, 10), { name: 'LimitError', message: /deeper than 32/ })
  t.ok(new LimitError('x', '') instanceof Error)
  t.doesNotThrow(() => checkShape({ a: ['x', { b: null }] }, 32, 10))
})

const withItems = (n: number) => ({ ...reference, facts: { ...reference.facts, conduct: Array.from({ length: n }, () => reference.facts.conduct[0]) } })

t.test('conduct items per case: the facts schema takes MAX_CONDUCT_ITEMS, alone and in a batch', async (t) => {
  const app = buildApp({ config: { MAX_CONDUCT_ITEMS: 2 } })
  t.teardown(() => app.close())
  const res = await post(app, withItems(3))
  t.equal(res.statusCode, 400)
  t.equal(res.json().type, 'urn:discipline-rules:problem:validation-failed')
  t.same(res.json().errors.map((e: any) => e.pointer), ['/facts/conduct'])
  const batch = (await post(app, { cases: [reference, withItems(3)] }, '/v1/evaluations/batch')).json()
  t.same(batch.results.map((r: any) => r.status), [200, 400])
  t.same(batch.results[1].problem.errors.map((e: any) => e.pointer), ['/cases/1/facts/conduct'])
})

t.test('MAX_CONDUCT_ITEMS=200 accepts 60 items and refuses 201 (the schema had 50 written in)', async (t) => {
  const app = buildApp({ config: parseConfig({ MAX_CONDUCT_ITEMS: '200', MAX_EVENT_LOOP_DELAY_MS: '0' }) })
  t.teardown(() => app.close())
  t.equal((await post(app, withItems(60))).statusCode, 200, '60 items pass')
  t.equal((await post(app, withItems(200))).statusCode, 200, '200 items pass')
  const over = await post(app, withItems(201))
  t.equal(over.statusCode, 400)
  t.same(over.json().errors.map((e: any) => e.pointer), ['/facts/conduct'])
  t.match(over.json().errors[0].detail, /200/)
  const batch = (await post(app, { cases: [withItems(60), withItems(201)] }, '/v1/evaluations/batch')).json()
  t.same(batch.results.map((r: any) => r.status), [200, 400], 'a batch applies the same limit')
  const byDefault = buildApp()
  t.teardown(() => byDefault.close())
  t.equal((await post(byDefault, withItems(51))).statusCode, 400, 'the default stays 50')
})

t.test('a per-client rate limit with Retry-After', async (t) => {
  const app = buildApp({ config: { RATE_LIMIT_MAX: 2, RATE_LIMIT_WINDOW_MS: 60_000 } })
  t.teardown(() => app.close())
  t.equal((await post(app, reference)).statusCode, 200)
  t.equal((await post(app, reference)).statusCode, 200)
  const limited = await post(app, reference)
  t.equal(limited.statusCode, 429)
  t.match(limited.headers['content-type'], /^application\/problem\+json/)
  t.equal(limited.json().type, 'urn:discipline-rules:problem:rate-limited')
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After is set')
  t.equal((await app.inject('/healthz')).statusCode, 200, 'health is not rate limited')
  t.equal(limited.headers['x-ratelimit-limit'], '2')
})

t.test('one budget per client across the evaluation routes; a batch of N counts N', async (t) => {
  const app = buildApp({ config: { RATE_LIMIT_MAX: 5 } })
  t.teardown(() => app.close())
  for (let i = 0; i < 3; i++) t.equal((await post(app, reference)).statusCode, 200, `single ${i + 1}`)
  const ok = await post(app, { cases: [reference, reference] }, '/v1/evaluations/batch')
  t.equal(ok.statusCode, 200, 'a batch of 2 fits the 2 left')
  t.equal(ok.headers['x-ratelimit-remaining'], '0')
  const batch = await post(app, { cases: [reference] }, '/v1/evaluations/batch')
  t.equal(batch.statusCode, 429, 'the budget spent on single evaluations and a batch holds for batches too')
  t.equal((await post(app, reference)).statusCode, 429, 'and for single evaluations')

  const fresh = buildApp({ config: { RATE_LIMIT_MAX: 5 } })
  t.teardown(() => fresh.close())
  const big = await post(fresh, { cases: Array.from({ length: 6 }, () => reference) }, '/v1/evaluations/batch')
  t.equal(big.statusCode, 429, 'a batch of 6 is more than a budget of 5')
  t.equal((await post(fresh, reference)).statusCode, 429, 'and it spent the budget')
  t.equal((await fresh.inject({ method: 'GET', url: '/v1/rulesets' })).statusCode, 200, 'reading the rules is not budgeted')
})

t.test('a budgeted route keeps its own preHandler, and spends the budget after it', async (t) => {
  const app = buildApp({ config: { RATE_LIMIT_MAX: 1 } })
  t.teardown(() => app.close())
  const seen: string[] = []
  // Registered as a plugin, like every route, so that it comes after the limits plugin's onRoute hook.
  app.register(async (scope) => {
    scope.post('/budgeted', { config: { scope: 'evaluate', rateLimit: {} }, preHandler: async () => { seen.push('own') } }, async () => 'ok')
  })
  t.equal((await app.inject({ method: 'POST', url: '/budgeted' })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/budgeted' })).statusCode, 429)
  t.same(seen, ['own', 'own'])
})

t.test('ordinary 4xx answers log no error, and every one is in the latency histogram', async (t) => {
  const lines: Array<{ level: number, msg: string, err?: unknown }> = []
  const stream = { write: (line: string) => { lines.push(JSON.parse(line)) } }
  const keys = parseKeys([{ spec: 'caller:evaluate:caller-key-0123456789', source: 'test' }])
  const app = buildApp({ logger: { level: 'info', stream }, auth: { mode: 'keys', keys }, config: { RATE_LIMIT_MAX: 3, BODY_LIMIT: 2048 } })
  t.teardown(() => app.close())
  const auth = { authorization: 'Bearer caller-key-0123456789', 'content-type': 'application/json' }
  const statuses = [
    (await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })).statusCode,
    (await app.inject({ method: 'POST', url: '/admin/reload', headers: auth })).statusCode,
    (await app.inject('/nowhere')).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: '{"facts": 1}' })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: JSON.stringify({ ...reference, pad: 'x'.repeat(1900) }) })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: { ...auth, 'content-type': 'text/plain' }, payload: 'hello' })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: reference })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: reference })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: reference })).statusCode,
    (await app.inject({ method: 'POST', url: '/v1/evaluations', headers: auth, payload: reference })).statusCode
  ]
  t.same(statuses, [401, 403, 404, 400, 413, 415, 200, 200, 200, 429])
  t.same(lines.filter((l) => l.level >= 50), [], 'no error-level line')
  const metrics = (await app.inject('/metrics')).body
  for (const status of [401, 403, 404, 400, 413, 415, 429]) {
    t.match(metrics, new RegExp(`http_request_duration_seconds_count\\{[^}]*status="${status}"\\} 1`), `a ${status} is in the histogram`)
  }
})

t.test('load shedding: 503 when the event loop is saturated; health and metrics still answer; no error logged', async (t) => {
  const levels: number[] = []
  const app = buildApp({ config: { MAX_EVENT_LOOP_DELAY_MS: 10 }, logger: { level: 'info', stream: { write: (line: string) => { levels.push(JSON.parse(line).level) } } } })
  t.teardown(() => app.close())
  await app.ready()
  // Block the event loop for a while, then let under-pressure's sampler see the delay.
  const until = Date.now() + 1500
  let shed: Awaited<ReturnType<typeof post>> | undefined
  while (Date.now() < until) {
    const end = Date.now() + 120
    while (Date.now() < end) { /* busy: saturate the event loop */ }
    await new Promise((resolve) => setTimeout(resolve, 5))
    const res = await post(app, reference)
    if (res.statusCode === 503) { shed = res; break }
  }
  t.equal(shed?.statusCode, 503, 'a request is shed')
  t.equal(shed?.json().type, 'urn:discipline-rules:problem:overloaded')
  t.equal(shed?.headers['retry-after'], '5')
  t.equal((await app.inject('/healthz')).statusCode, 200, 'liveness is not shed')
  const scrape = await app.inject('/metrics')
  t.equal(scrape.statusCode, 200, 'the metrics scrape is not shed')
  t.match(scrape.body, /http_requests_total\{method="POST",route="\/v1\/evaluations",status="503"\} 1/, 'and it counts the shed request')
  t.same(levels.filter((l) => l >= 50), [], 'a shed request logs no error')
})
