/**
 * Correctness under concurrent load: every golden case is first asked alone, then all of them at once,
 * several times over and in both languages, over real HTTP; each answer must equal the one the same
 * request got alone, apart from decisionId and evaluatedAt. json-rules-engine's runs are asynchronous
 * and its engines are shared between requests, as are the rendered citations. The bench checks the
 * same under autocannon load (bench/run.mjs, part 2).
 */
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { loadCases } from '../helpers/cases.js'

const cases = loadCases()
const ROUNDS = 3

function strip (value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'decisionId' && k !== 'evaluatedAt').map(([k, v]) => [k, strip(v)]))
}

{
  t.test('answers under concurrent load equal the answers alone', async (t) => {
    const app = buildApp({ rateLimitMax: 1_000_000 })
    t.teardown(() => app.close())
    const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/v1/evaluations`
    const ask = async (i: number, lang: string) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(cases[i].request) })
      return { status: res.status, body: await res.json() }
    }
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
