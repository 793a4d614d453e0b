/**
 * Correctness under concurrent load: every golden case is first asked alone, then all of them at once,
 * several times over and in both languages, over real HTTP; each answer must equal the one the same
 * request got alone, apart from decisionId and evaluatedAt. json-rules-engine's runs are asynchronous
 * and its engines are shared between requests, as are the rendered citations. The bench checks the
 * same under autocannon load (bench/run.mjs, part 2).
 */
import t from 'tap'
import { Agent, request } from 'node:http'
import { buildApp } from '../helpers/app.js'
import { loadCases } from '../helpers/cases.js'

const cases = loadCases()
const ROUNDS = 3
// About 1,600 requests over real HTTP: more than tap's default 30 s on a machine shared with other work.
t.setTimeout(120_000)

function strip (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'decisionId' && k !== 'evaluatedAt').map(([k, v]) => [k, strip(v)]))
}

{
  t.test('answers under concurrent load equal the answers alone', async (t) => {
    const app = buildApp({ config: { RATE_LIMIT_MAX: 1_000_000, MAX_EVENT_LOOP_DELAY_MS: 0 } })
    t.teardown(() => app.close())
    const url = new URL(`${await app.listen({ port: 0, host: '127.0.0.1' })}/v1/evaluations`)
    // Every request is sent without waiting for another; the client keeps at most 64 connections, as a
    // proxy in front of the service would. Opening all 1,188 at once overflows the loopback accept queue
    // on a busy machine, and the resets that follow say nothing about the service.
    const agent = new Agent({ keepAlive: true, maxSockets: 64 })
    t.teardown(() => agent.destroy())
    const ask = (i: number, lang: string) => new Promise<{ status: number, body: any }>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'accept-language': lang } }, (res) => {
        let data = ''
        res.setEncoding('utf8').on('data', (chunk) => { data += chunk }).on('end', () => resolve({ status: res.statusCode as number, body: JSON.parse(data) }))
      })
      req.on('error', reject).end(JSON.stringify(cases[i].request))
    })
    const jobs = cases.flatMap((_, i) => ['zh', 'en'].map((lang) => ({ i, lang })))
    const alone = new Map<string, unknown>()
    for (const { i, lang } of jobs) {
      const r = await ask(i, lang)
      t.equal(r.status, 200, `${cases[i].file} (${lang}) alone`)
      alone.set(`${i}:${lang}`, strip(r.body))
    }
    // All at once, each round in a different order (a fixed shuffle, so that a failure can be replayed).
    const all = Array.from({ length: ROUNDS }, (_, round) => jobs.map((job, k) => ({ job, key: (k * 7919 + round * 104729) % 1000003 })).sort((a, b) => a.key - b.key).map((x) => x.job)).flat()
    const together = await Promise.all(all.map(async (job) => ({ job, r: await ask(job.i, job.lang) })))
    let differ = 0
    for (const { job, r } of together) {
      if (r.status !== 200 || JSON.stringify(strip(r.body)) !== JSON.stringify(alone.get(`${job.i}:${job.lang}`))) {
        differ++
        t.same(strip(r.body), alone.get(`${job.i}:${job.lang}`), `${cases[job.i].file} (${job.lang}) under load`)
      }
    }
    t.equal(together.length, cases.length * 2 * ROUNDS, 'every request was answered')
    t.equal(differ, 0, `${together.length} answers under load, none differs from its answer alone`)
    const ids = new Set(together.map(({ r }) => r.body.decisionId))
    t.equal(ids.size, together.length, 'each answer has its own decision id')
  })
}
