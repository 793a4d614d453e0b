#!/usr/bin/env node
/**
 * `npm run bench:decompose`: where an answer's time goes under load, by taking parts away.
 *
 * Five servers are up at once and loaded in turn, BENCH_ROUNDS rounds (the order reversed every other
 * round), under autocannon (BENCH_CONNECTIONS, BENCH_DURATION s after BENCH_WARMUP s), on the
 * reference case and on the mix of every fixture:
 *
 *   baseline                       bench/baseline.mjs: same validation and serialisation, a canned answer
 *   service                        dist/src/server.js as the image starts it (records in its embedded store)
 *   service, evaluation canned     the same, its evaluation replaced by a canned answer (bench/canned/)
 *   no records                     bench/records-baseline.mjs: the same app without the records plugin
 *   no records, evaluation canned  the same, evaluation canned
 *
 * "Evaluation canned" is the service's own code with one module swapped (node --import
 * bench/canned/register.mjs): the first request for a body evaluates for real, every later one gets
 * that answer back with its own decisionId and evaluatedAt. Before any load, each canned server is
 * checked to give every fixture the answer the service gives it (a difference exits non-zero).
 *
 * Per server: req/s, its ratio to the baseline of the same round (median over rounds), p99 and CPU per
 * answer (all threads of the process, from /proc). Then the time per answer (1 / req/s: the clients
 * are closed-loop, so this is the server's time per answer at this concurrency, on these 2 cores)
 * split into what each part adds: evaluation and recording, each with and without the other.
 * Figures, not a test: nothing here fails on a target.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, loadavg, cpus } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import {
  ROOT, SERVER, BASELINE, loadCases, median, fmt, table, startServer, killChildren, stripVolatile, cpuSeconds,
  answersAlone, startUnrecorded, benchRequest, cannon
} from './lib.mjs'

const DURATION = Number(process.env.BENCH_DURATION ?? 8)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const CANNED = ['--import', join(ROOT, 'bench', 'canned', 'register.mjs')]
process.on('exit', killChildren)

const cases = loadCases()
const refIndex = cases.findIndex((c) => c.file === 'reference-dong.json')
const temp = mkdtempSync(join(tmpdir(), 'discipline-rules-decompose-'))
process.on('exit', () => rmSync(temp, { recursive: true, force: true }))
console.log(`node ${process.version}, ${cpus().length} cores, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s (after ${WARMUP} s of warm-up) per server and body set\n`)

const alone = await (async () => {
  const s = await startServer(SERVER)
  try { return await answersAlone(s.url, cases) } finally { await s.stop() }
})()
const cannedFile = join(temp, 'canned.json')
writeFileSync(cannedFile, JSON.stringify(alone))

const servers = [
  ['baseline', await startServer(BASELINE, { env: { BENCH_CANNED: cannedFile } })],
  ['service', await startServer(SERVER)],
  ['service, evaluation canned', await startServer(SERVER, { nodeArgs: CANNED })],
  ['no records', await startUnrecorded()],
  ['no records, evaluation canned', await startUnrecorded(CANNED)]
]

// A canned server must answer as the service does: twice per fixture (the first evaluates, the second is canned).
for (const [name, s] of servers.filter(([n]) => n.endsWith('canned'))) {
  for (let pass = 0; pass < 2; pass++) {
    const got = await answersAlone(s.url, cases)
    const differs = got.findIndex((a, i) => !isDeepStrictEqual(stripVolatile(a), stripVolatile(alone[i])))
    if (differs >= 0) { console.error(`${name}: ${cases[differs].file} differs from the service's answer`); process.exit(1) }
  }
}

const SETS = [
  { name: 'reference', requests: [benchRequest(cases, refIndex)] },
  { name: `mix (${cases.length})`, requests: cases.map((_, i) => benchRequest(cases, i)) }
]

const rows = []
for (const set of SETS) {
  const runs = new Map(servers.map(([name]) => [name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse()
    for (const [name, s] of order) {
      await cannon(s.url, set.requests, WARMUP, CONNECTIONS)
      const cpu0 = cpuSeconds(s.pid)
      const r = await cannon(s.url, set.requests, DURATION, CONNECTIONS)
      const bad = r.non2xx + r.errors + r.timeouts
      if (bad > 0) { console.error(`${name}, ${set.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`); process.exit(1) }
      runs.get(name).push({ rps: r.requests.average, p99: r.latency.p99, cpuUs: (cpuSeconds(s.pid) - cpu0) * 1e6 / Math.max(1, r.requests.total) })
    }
  }
  const base = runs.get('baseline')
  for (const [name, rs] of runs) {
    const ratios = rs.map((r, i) => r.rps / base[i].rps)
    rows.push({ set: set.name, name, rps: median(rs.map((r) => r.rps)), ratio: median(ratios), ratios, p99: median(rs.map((r) => r.p99)), cpuUs: median(rs.map((r) => r.cpuUs)) })
  }
}
for (const [, s] of servers) await s.stop()

console.log(table(['body', 'server', 'req/s', 'of baseline (rounds)', 'p99 ms', 'CPU µs/answer'],
  rows.map((r) => [r.set, r.name, fmt(r.rps, 0), `${fmt(100 * r.ratio)} % (${r.ratios.map((x) => fmt(100 * x)).join(' ')})`, fmt(r.p99, 0), fmt(r.cpuUs, 0)])))
console.log()

// Time per answer, µs, from the median req/s; what each part adds is a difference of two of them.
const us = (set, name) => 1e6 / rows.find((r) => r.set === set && r.name === name).rps
const parts = SETS.map(({ name: set }) => {
  const t = (name) => us(set, name)
  return [set, fmt(t('baseline'), 0), fmt(t('no records, evaluation canned') - t('baseline'), 0),
    fmt(t('no records') - t('no records, evaluation canned'), 0), fmt(t('service') - t('service, evaluation canned'), 0),
    fmt(t('service, evaluation canned') - t('no records, evaluation canned'), 0), fmt(t('service') - t('no records'), 0), fmt(t('service'), 0)]
})
console.log('time per answer, µs (1 / req/s of the medians above; each part = the difference of two servers)')
console.log(table(['body', 'baseline', 'hooks & plugins', 'evaluation (no records)', 'evaluation (records)', 'recording (canned)', 'recording (evaluating)', 'service'], parts))
console.log(`\nload average ${loadavg().map((l) => fmt(l)).join(' ')} (other work on the machine makes every figure noisier)`)
process.exit(0)
