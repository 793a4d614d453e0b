#!/usr/bin/env node
/**
 * `npm run bench:records`: what decision records cost (issue #15's two targets; figures, not tests).
 *
 *  1. Replay: BENCH_RECORDS (default 100 000) decisions, the case fixtures over and over, are written
 *     to a fresh embedded store; then every one is read back page by page (facts decrypted), re-evaluated
 *     on its recorded rules revision on one worker thread per core (src/records/bulk.ts), serialised
 *     as the service sends it and its digest compared with the recorded one. Target: ≤ 60 s.
 *  2. Recording on the request path: the real service (dist/src/server.js) on the embedded store and
 *     on a PostgreSQL server against the same app without records (bench/records-baseline.mjs), all
 *     three running at once and loaded in turn, BENCH_ROUNDS rounds (the order rotating), under
 *     autocannon with BENCH_CONNECTIONS (10) on the reference case. On a shared machine only what is
 *     measured close together compares: per round the p99 of each service over the baseline's of the
 *     same round (the median of those ratios is the figure), and CPU per answer of the service's
 *     process (all its threads, from /proc: user + system time over answers). Target: p99 at most +10 %.
 *
 * BENCH_RECORDS, BENCH_DURATION (s per load, default 10), BENCH_ROUNDS (default 4), BENCH_CONNECTIONS;
 * BENCH_PART=replay runs the first part alone.
 * Temp dirs are removed.
 */
import os, { cpus } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { ROOT, SERVER, NO_RECORDS, dist, loadCases, median, fmt, table, startServer, killChildren, serviceNodeArgs, freshStore, STORE_KEY, seedRecords, cpuSeconds } from './lib.mjs'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const loadAverage = () => os.loadavg().map((l) => fmt(l)).join(' ')
const KEY = STORE_KEY
process.on('exit', () => { killChildren() })
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${RECORDS} records, ${CONNECTIONS} connections, ${DURATION} s per load\n`)

// 1. Replay ---------------------------------------------------------------------------------------
{
  const { loadRules } = await dist('domain/rules/load.js')
  const { openDb } = await dist('records/db.js')
  const { RecordsRepository } = await dist('records/repository.js')
  const { parseDecisionsKeys } = await dist('records/cipher.js')
  const { ReplayPool } = await dist('records/replay-pool.js')
  const { replayStored } = await dist('records/bulk.js')
  const rules = await loadRules(join(ROOT, 'rules'))
  const db = await openDb({ dataDir: freshStore() })
  const repository = new RecordsRepository(db, parseDecisionsKeys(KEY))
  const t0 = performance.now()
  await seedRecords(repository, rules, RECORDS)
  const [{ n }] = await db.query('select count(*)::int as n from decisions')
  const writeS = (performance.now() - t0) / 1000
  const t1 = performance.now()
  const cpu1 = process.cpuUsage()
  // Replay as rules:impact does: the store read page by page here, the evaluations on one thread per core.
  const pool = new ReplayPool()
  let reproduced = 0
  const replayed = await replayStored(repository, pool, (_d, outcome) => { if (outcome.reproduced) reproduced++ })
  await pool.close()
  const replayS = (performance.now() - t1) / 1000
  // CPU of this process, every thread (the workers' evaluations, this thread's reads and decryption):
  // what a machine to itself would need, whatever the load while this runs.
  const { user, system } = process.cpuUsage(cpu1)
  const cpuMsPerRecord = (user + system) / 1000 / replayed
  await db.close()
  console.log(table(['replay', 'records', 'seconds', 'per second', 'reproduced'], [
    ['write (evaluate + record)', String(n), fmt(writeS), fmt(n / writeS, 0), ''],
    ['replay (read + decrypt + evaluate + serialise + digest)', String(replayed), fmt(replayS), fmt(replayed / replayS, 0), `${reproduced}/${replayed}`]
  ]))
  const per100k = replayS * 100_000 / replayed
  if (replayed >= 100_000) {
    console.log(`target: replay 100 000 in ≤ 60 s: ${per100k <= 60 ? 'PASS' : 'MISS'} (${fmt(per100k)} s, ${cpus().length} threads; load average ${loadAverage()})`)
    console.log(`CPU: ${fmt(cpuMsPerRecord, 2)} ms per record (all threads), so 100 000 on ${cpus().length} otherwise idle cores ≈ ${fmt(cpuMsPerRecord * 100_000 / 1000 / cpus().length)} s\n`)
  } else {
    // The workers' start (rules loaded in each, JIT warm-up: 1.5–2 s of CPU) is spread over the records replayed; below
    // some 20 000 it outweighs the replays, so a projection from few records is not a verdict.
    console.log(`target: replay 100 000 in ≤ 60 s: not measured (${replayed} records replayed; ${fmt(per100k)} s projected linearly, which counts the workers' start-up ${fmt(100_000 / replayed, 0)} times over; BENCH_RECORDS=100000 measures it)`)
    console.log(`CPU: ${fmt(cpuMsPerRecord, 2)} ms per record (all threads, the workers' start-up included)\n`)
  }
}

// 2. Recording on the request path -----------------------------------------------------------------
if (process.env.BENCH_PART !== 'replay') {
  const body = JSON.stringify(loadCases().find((c) => c.file === 'reference-dong.json').request)
  const load = async (url, duration) => await autocannon({ url: `${url}/v1/evaluations`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, duration })
  // The PostgreSQL server figure too (the store for load), when Debian's PostgreSQL is installed.
  const { startPostgres } = await import(join(ROOT, 'dist', 'scripts', 'postgres-server.js')).catch(() => ({}))
  const pg = await startPostgres?.().catch((err) => { console.log(`(no PostgreSQL server: ${err.message})`) })
  process.on('exit', () => { pg?.stop() })
  const specs = [['without records', NO_RECORDS, {}], ['embedded store', SERVER, { DATA_DIR: freshStore(), DECISIONS_KEY: KEY }]]
  if (pg !== undefined) specs.push(['PostgreSQL server', SERVER, { DATABASE_URL: pg.url, DECISIONS_KEY: KEY }])
  const services = []
  for (const [name, script, env] of specs) {
    // Both with the image's Node flags and the event-loop guard off (a shed request would not measure latency).
    const server = await startServer(script, { env: { RATE_LIMIT_MAX: '1000000', MAX_EVENT_LOOP_DELAY_MS: '0', ...env }, nodeArgs: script === SERVER ? [] : serviceNodeArgs(), timeoutMs: 60000 })
    await load(server.url, 2)
    services.push({ name, server, rounds: [] })
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < services.length; k++) {
      const s = services[(round + k) % services.length]
      const cpu0 = cpuSeconds(s.server.pid)
      const r = await load(s.server.url, DURATION)
      const answers = r.requests.total - r.non2xx
      s.rounds.push({ p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, non2xx: r.non2xx, cpuMs: (cpuSeconds(s.server.pid) - cpu0) * 1000 / Math.max(1, answers) })
    }
  }
  for (const s of services) await s.server.stop()
  const base = services[0]
  const rows = services.map((s) => {
    const p99ratio = s.rounds.map((r, i) => r.p99 / base.rounds[i].p99)
    const cpuRatio = s.rounds.map((r, i) => r.cpuMs / base.rounds[i].cpuMs)
    s.p99ratio = median(p99ratio)
    return [s.name, fmt(median(s.rounds.map((r) => r.rps)), 0), fmt(median(s.rounds.map((r) => r.p50))), fmt(median(s.rounds.map((r) => r.p99))),
      s === base ? '—' : `×${fmt(s.p99ratio, 2)} (${p99ratio.map((x) => fmt(x, 2)).join(' ')})`, fmt(median(s.rounds.map((r) => r.cpuMs)), 2),
      s === base ? '—' : `×${fmt(median(cpuRatio), 2)}`, String(s.rounds.reduce((n, r) => n + r.non2xx, 0))]
  })
  console.log(table(['service', 'req/s', 'p50 ms', 'p99 ms', 'p99 vs none (per round)', 'CPU ms/answer', 'CPU vs none', 'non-2xx'], rows))
  const embedded = services[1]
  console.log(`target: recording adds ≤ 10 % to p99 at ${CONNECTIONS} connections on the embedded store: ${embedded.p99ratio <= 1.1 ? 'PASS' : 'MISS'} (×${fmt(embedded.p99ratio, 2)}, median of ${ROUNDS} rounds; load average ${loadAverage()})`)
}
