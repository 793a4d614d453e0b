#!/usr/bin/env node
/**
 * `npm run bench:records`: what decision records cost (issue #15's two targets; figures, not tests).
 *
 *  1. Replay: BENCH_RECORDS (default 100 000) decisions, the case fixtures over and over, are written
 *     to a fresh embedded store; then every one is read back page by page (facts decrypted), re-evaluated
 *     on its recorded rules revision on one worker thread per core (src/records/bulk.ts) and compared
 *     with the recorded answer's JSON text. Target: ≤ 60 s.
 *  2. Recording on the request path: the real service (dist/src/server.js, embedded store) against
 *     the same app without records (bench/records-baseline.mjs), one after the other, under
 *     autocannon with BENCH_CONNECTIONS (10) on the reference case: p50, p99 and their ratio.
 *     Target: p99 at most +10 %.
 *
 * BENCH_RECORDS, BENCH_DURATION (s, default 10), BENCH_CONNECTIONS. Temp dirs are removed.
 */
import os, { cpus } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { ROOT, SERVER, dist, loadCases, fmt, table, startServer, killChildren, serviceNodeArgs, freshStore, STORE_KEY } from './lib.mjs'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000)
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const KEY = STORE_KEY
process.on('exit', () => { killChildren() })
console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model}), ${RECORDS} records, ${CONNECTIONS} connections, ${DURATION} s per load\n`)

// 1. Replay ---------------------------------------------------------------------------------------
{
  const { loadRules } = await dist('domain/rules/load.js')
  const { evaluate } = await dist('domain/evaluate.js')
  const { openDb } = await dist('records/db.js')
  const { RecordsRepository } = await dist('records/repository.js')
  const { parseDecisionsKeys } = await dist('records/cipher.js')
  const { ReplayPool } = await dist('records/replay-pool.js')
  const { replayStored } = await dist('records/bulk.js')
  const rules = await loadRules(join(ROOT, 'rules'))
  const db = await openDb({ dataDir: freshStore() })
  const repository = new RecordsRepository(db, parseDecisionsKeys(KEY))
  const cases = loadCases().map((c) => c.request)
  const t0 = performance.now()
  const base = Date.parse('2026-01-01T00:00:00Z')
  for (let i = 0; i < RECORDS; i += 500) {
    const batch = []
    for (let j = i; j < Math.min(RECORDS, i + 500); j++) {
      const request = cases[j % cases.length]
      const decisionId = randomUUID()
      try {
        const answer = await evaluate(rules, request, { now: new Date(base + j * 1000), decisionId })
        batch.push({ decisionId, evaluatedAt: answer.evaluatedAt, client: 'bench', requestId: String(j), serviceVersion: 'bench', rulesRevision: rules.revision, lang: answer.lang, options: request.options ?? {}, facts: request.facts, answer })
      } catch { /* a fixture whose facts are refused (422) records nothing, as in the service */ }
    }
    await repository.saveDecisions(batch, () => rules.files)
  }
  const [{ n }] = await db.query('select count(*)::int as n from decisions')
  const writeS = (performance.now() - t0) / 1000
  const t1 = performance.now()
  // Replay as rules:impact does: the store read page by page here, the evaluations on one thread per core.
  const pool = new ReplayPool()
  let reproduced = 0
  const replayed = await replayStored(repository, pool, (_d, outcome) => { if (outcome.reproduced) reproduced++ })
  await pool.close()
  const replayS = (performance.now() - t1) / 1000
  await db.close()
  console.log(table(['replay', 'records', 'seconds', 'per second', 'reproduced'], [
    ['write (evaluate + record)', String(n), fmt(writeS), fmt(n / writeS, 0), ''],
    ['replay (read + decrypt + evaluate + compare)', String(replayed), fmt(replayS), fmt(replayed / replayS, 0), `${reproduced}/${replayed}`]
  ]))
  const projected = replayS * 100_000 / replayed
  console.log(`target: replay 100 000 in ≤ 60 s: ${projected <= 60 ? 'PASS' : 'MISS'} (${fmt(projected)} s${replayed === 100_000 ? '' : `, projected from ${replayed}`}, ${cpus().length} threads; load average ${os.loadavg().map((l) => fmt(l)).join(' ')})\n`)
}

// 2. Recording on the request path -----------------------------------------------------------------
{
  const body = JSON.stringify(loadCases().find((c) => c.file === 'reference-dong.json').request)
  const load = async (url) => {
    const opts = { url: `${url}/v1/evaluations`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS }
    await autocannon({ ...opts, duration: 2 })
    return await autocannon({ ...opts, duration: DURATION })
  }
  const rows = []
  const results = {}
  // The PostgreSQL server figure too (the store for load), when Debian's PostgreSQL 15 is installed.
  const { startPostgres } = await import(join(ROOT, 'dist', 'scripts', 'postgres-server.js')).catch(() => ({}))
  const pg = await startPostgres?.().catch((err) => { console.log(`(no PostgreSQL server: ${err.message})`) })
  process.on('exit', () => { pg?.stop() })
  const services = [['without records', join(ROOT, 'bench', 'records-baseline.mjs'), {}], ['with records (embedded)', SERVER, { DATA_DIR: freshStore(), DECISIONS_KEY: KEY }]]
  if (pg !== undefined) services.push(['with records (PostgreSQL server)', SERVER, { DATABASE_URL: pg.url, DECISIONS_KEY: KEY }])
  for (const [name, script, env] of services) {
    // Both with the image's Node flags and the event-loop guard off (a shed request would not measure latency).
    const server = await startServer(script, { env: { RATE_LIMIT_MAX: '1000000', MAX_EVENT_LOOP_DELAY_MS: '0', ...env }, nodeArgs: script === SERVER ? [] : serviceNodeArgs(), timeoutMs: 60000 })
    const r = await load(server.url)
    await server.stop()
    results[name] = r
    rows.push([name, fmt(r.requests.average, 0), fmt(r.latency.p50), fmt(r.latency.p99), String(r.non2xx)])
  }
  console.log(table(['service', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx'], rows))
  const ratio = results['with records (embedded)'].latency.p99 / results['without records'].latency.p99
  console.log(`target: recording adds ≤ 10 % to p99 at ${CONNECTIONS} connections: ${ratio <= 1.1 ? 'PASS' : 'MISS'} (×${fmt(ratio, 2)}; load average ${os.loadavg().map((l) => fmt(l)).join(' ')})`)
  const server = results['with records (PostgreSQL server)']
  if (server !== undefined) console.log(`PostgreSQL server: p99 ×${fmt(server.latency.p99 / results['without records'].latency.p99, 2)}`)
}
