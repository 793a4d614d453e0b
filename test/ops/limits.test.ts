import t from 'tap'
import { buildApp } from '../../src/app.js'
import { checkShape } from '../../src/plugins/limits.js'
import { LimitError } from '../../src/errors.js'
import { referenceCase } from '../helpers/cases.js'

const reference = referenceCase().request as any
const post = (app: ReturnType<typeof buildApp>, payload: unknown, url = '/v1/evaluations') =>
  app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { 'content-type': 'application/json' } })

t.test('nesting depth and string length are limited while parsing', async (t) => {
  const app = buildApp({ maxJsonDepth: 8, maxStringLength: 100 })
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

t.test('conduct items per case are limited, alone and in a batch', async (t) => {
  const app = buildApp({ maxConductItems: 2 })
  t.teardown(() => app.close())
  const three = { ...reference, facts: { ...reference.facts, conduct: [0, 1, 2].map(() => reference.facts.conduct[0]) } }
  const res = await post(app, three)
  t.equal(res.statusCode, 400)
  t.same(res.json().errors, [{ pointer: '/facts/conduct', detail: 'more than 2 conduct items' }])
  const batch = (await post(app, { cases: [reference, three] }, '/v1/evaluations/batch')).json()
  t.same(batch.results.map((r: any) => r.status), [200, 400])
  t.same(batch.results[1].problem.errors, [{ pointer: '/cases/1/facts/conduct', detail: 'more than 2 conduct items' }])
})

t.test('a per-client rate limit with Retry-After', async (t) => {
  const app = buildApp({ rateLimitMax: 2, rateLimitWindowMs: 60_000 })
  t.teardown(() => app.close())
  t.equal((await post(app, reference)).statusCode, 200)
  t.equal((await post(app, reference)).statusCode, 200)
  const limited = await post(app, reference)
  t.equal(limited.statusCode, 429)
  t.match(limited.headers['content-type'], /^application\/problem\+json/)
  t.equal(limited.json().type, 'urn:discipline-rules:problem:rate-limited')
  t.ok(Number(limited.headers['retry-after']) > 0, 'Retry-After is set')
  t.equal((await app.inject('/healthz')).statusCode, 200, 'health is not rate limited')
})

t.test('load shedding: 503 when the event loop is saturated; health still answers', async (t) => {
  const app = buildApp({ maxEventLoopDelayMs: 10 })
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
})
