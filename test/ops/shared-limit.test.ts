import t from 'tap'
import { Writable } from 'node:stream'
import { buildApp } from '../helpers/app.js'
import { parseKeys } from '../../src/domain/keys.js'
import { referenceCase } from '../helpers/cases.js'
import { freePort, startRedis } from '../helpers/redis-server.js'

const KEY = 'shared-limit-key-0123456789'
const keys = parseKeys([{ spec: `case-system:evaluate:${KEY}`, source: 'test' }])
const reference = referenceCase().request
const headers = { authorization: `Bearer ${KEY}` }

t.test('two replicas sharing one Redis share one budget per client; batches count per case', async (t) => {
  const REDIS_URL = await startRedis(t)
  const config = { REDIS_URL, RATE_LIMIT_MAX: 5, MAX_EVENT_LOOP_DELAY_MS: 0 }
  const a = buildApp({ auth: { mode: 'keys', keys }, config })
  const b = buildApp({ auth: { mode: 'keys', keys }, config })
  t.teardown(async () => { await a.close(); await b.close() })
  const evaluate = (app: typeof a) => app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers })
  t.equal((await evaluate(a)).statusCode, 200)
  const second = await evaluate(b)
  t.equal(second.statusCode, 200)
  t.equal(second.headers['x-ratelimit-remaining'], '3', 'replica b sees what replica a spent')
  const batch = await a.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [reference, reference, reference] }, headers })
  t.equal(batch.statusCode, 200, 'a batch of 3 spends 3 of the shared budget')
  t.equal(batch.headers['x-ratelimit-remaining'], '0')
  const refused = await evaluate(b)
  t.equal(refused.statusCode, 429, 'the budget is spent on the other replica too')
  t.match(refused.json().detail, /at most 5 evaluations per client/)
  t.ok(Number(refused.headers['retry-after']) > 0)
  t.equal((await evaluate(a)).statusCode, 429)

  const alone = buildApp({ auth: { mode: 'keys', keys }, config: { RATE_LIMIT_MAX: 5, MAX_EVENT_LOOP_DELAY_MS: 0 } })
  t.teardown(() => alone.close())
  t.equal((await evaluate(alone)).statusCode, 200, 'without REDIS_URL a replica counts on its own')
})

t.test('Redis unreachable: requests go through and the log says so; once it is back the limit applies again', async (t) => {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const port = await freePort()
  const app = buildApp({ auth: { mode: 'keys', keys }, config: { REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_MAX: 1 }, logger: { level: 'info', stream } })
  t.teardown(() => app.close())
  const evaluate = () => app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers })
  t.equal((await evaluate()).statusCode, 200)
  t.equal((await evaluate()).statusCode, 200, 'not limited while Redis is down')
  t.equal(lines.filter((l) => /rate-limit Redis unreachable/.test(l.msg as string)).length, 1, 'said once, not per attempt')

  await startRedis(t, port)
  for (let i = 0; i < 100 && !lines.some((l) => /reachable again/.test(l.msg as string)); i++) await new Promise((resolve) => setTimeout(resolve, 50))
  t.ok(lines.some((l) => l.msg === 'rate-limit Redis reachable again'), 'the log says it is back')
  t.equal((await evaluate()).statusCode, 200)
  t.equal((await evaluate()).statusCode, 429, 'and the limit applies again')
})
