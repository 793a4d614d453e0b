#!/usr/bin/env node
/**
 * `npm run bench`: how close is an evaluation to the cost of the HTTP stack itself?
 *
 *  1. HTTP: the real service (dist/src/server.js, child process) against a bare Fastify baseline with
 *     the same validation and serialisation and a canned answer (bench/baseline.mjs), one after the
 *     other, under autocannon (same connections, duration, bodies): the reference case alone and the
 *     mix of every fixture in rules/cases. Requests/s, p50, p99, the ratio, RSS under load, and
 *     start-to-ready (spawn → /readyz 200, median of 3). The same app without decision records
 *     (bench/records-baseline.mjs, issue #15) is loaded after the service, so one run shows what
 *     recording costs and what the evaluation alone gives against the same baseline.
 *  2. Correctness under load: responses captured while the service is loaded must equal the answer
 *     the same request gets alone (decisionId and evaluatedAt aside). A difference exits non-zero.
 *  3. In process (bench/inprocess.mjs): µs per case for the json-rules-engine runs as the service makes
 *     them, decide, render, flattenFacts and the whole evaluation (decide, then render), for the
 *     reference case and the mix, and one rule alone. `node bench/run.mjs --in-process` runs part 3 only.
 *  4. The targets with PASS/MISS (a MISS is a measurement and does not fail the run).
 *  5. Rule sets 10× and 100× as large: load time, start-to-ready and evaluation cost.
 *
 * Environment: BENCH_DURATION (s per measured load, default 10), BENCH_WARMUP (s, default 2),
 * BENCH_CONNECTIONS (default 10), BENCH_CHECK_DURATION (s of load for the correctness check,
 * default 3), BENCH_SCALES (default "10,100"; "" skips), BENCH_INPROCESS_MS (time per in-process
 * measurement, default 2000). Only loopback addresses; temp dirs are removed; every loop is bounded.
 */
import { cpus, totalmem, loadavg, tmpdir } from 'node:os'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { createRequire } from 'node:module'
import {
  SERVER, BASELINE, RULES_DIR, dist, loadCases, median, mean, fmt, table, startServer, killChildren,
  sampleRss, inProcessCosts, scaledRulesDir, stripVolatile, serviceNodeArgs, answersAlone, startUnrecorded, benchRequest, cannon as load
} from './lib.mjs'
import { inProcess, loadTimes } from './inprocess.mjs'

const num = (name, def) => {
  const v = process.env[name]
  if (v === undefined || v === '') return def
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0) { console.error(`bench: ${name} must be a positive number`); process.exit(2) }
  return n
}
const DURATION = num('BENCH_DURATION', 10)
const WARMUP = num('BENCH_WARMUP', 2)
const CONNECTIONS = Math.round(num('BENCH_CONNECTIONS', 10))
const CHECK_DURATION = num('BENCH_CHECK_DURATION', 3)
const INPROCESS_MS = num('BENCH_INPROCESS_MS', 2000)
const SCALED_MAX_FILE_BYTES = 64 * 1024 * 1024
const SCALES = (process.env.BENCH_SCALES ?? '10,100').split(',').map((s) => s.trim()).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 1)
const STARTS = 3
/** The name in the tables of the same app without decision records (issue #15). */
const UNRECORDED = 'no records'
/** The throughput targets, service / same-validation baseline: reference case, then the mix. */
const TARGET_RATIOS = [0.4, 0.35]

const require = createRequire(import.meta.url)
const version = (pkg) => require(`${pkg}/package.json`).version

// Cleanup: temp dirs and children, whatever happens; an overall watchdog bounds the run.
const temps = []
const cleanup = () => { killChildren(); for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true }) }
process.on('exit', cleanup)
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { cleanup(); process.exit(130) })
const budgetS = 120 + 8 * (DURATION + WARMUP) + 60 * SCALES.length
setTimeout(() => { console.error(`bench: still running after ${budgetS} s, giving up`); cleanup(); process.exit(3) }, budgetS * 1000).unref()

const failures = []
const fail = (msg) => {
  failures.push(msg)
  if (failures.length <= 10) console.error(`CORRECTNESS FAILURE: ${msg}`)
  else if (failures.length === 11) console.error('CORRECTNESS FAILURE: more failures follow; the list is at the end')
}
const out = (s = '') => process.stdout.write(s + '\n')

if (!existsSync(SERVER)) { console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)'); process.exit(2) }

const cases = loadCases()
const refIndex = cases.findIndex((c) => c.file === 'reference-dong.json')
if (refIndex < 0) { console.error('bench: rules/cases/reference-dong.json is missing'); process.exit(2) }

out(`discipline-rules bench — ${new Date().toISOString()}`)
out(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM; node ${process.version}; fastify ${version('fastify')}, json-rules-engine ${version('json-rules-engine')}, autocannon ${version('autocannon')}`)
const loadNote = () => `load average ${loadavg().map((x) => fmt(x, 2)).join(' ')}${loadavg()[0] > 0.5 ? ' (other work on the machine: figures are noisy)' : ''}`
out(loadNote())
out(`service started as the image starts it: node ${[...serviceNodeArgs(), 'dist/src/server.js'].join(' ')} (Dockerfile CMD); the baseline with Node's defaults`)
out(`load: ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s measured per run, per body set the baseline then the service (never both at once); fixtures: ${cases.length} cases (reference: ${cases[refIndex].file})`)
out()

if (process.argv.includes('--in-process')) {
  // Part 3 only: no servers, no load (for measuring a change to the evaluation itself).
  const { ref } = await inProcess({ out, cases, refIndex, ms: INPROCESS_MS })
  out(`target: in-process evaluation of the reference case ≤ 70 µs median: ${fmt(ref.pipeline.median)} µs, ${ref.pipeline.median <= 70 ? 'PASS' : 'MISS'}`)
  out(loadNote())
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// Start-to-ready

const readyTimes = []
for (let i = 0; i < STARTS; i++) {
  const s = await startServer(SERVER)
  readyTimes.push(s.readyMs)
  await s.stop()
}

// ---------------------------------------------------------------------------------------------
// The answer each fixture gets alone (the correctness reference, and the baseline's canned answers)

const strip = stripVolatile
const solo = await (async () => {
  const s = await startServer(SERVER)
  try {
    return await answersAlone(s.url, cases, fail)
  } finally {
    await s.stop()
  }
})()
const cannedDir = mkdtempSync(join(tmpdir(), 'discipline-rules-bench-canned-'))
temps.push(cannedDir)
const cannedFile = join(cannedDir, 'canned.json')
writeFileSync(cannedFile, JSON.stringify(solo.map((r) => r ?? solo[refIndex])))

// ---------------------------------------------------------------------------------------------
// Load

const requestFor = (i) => benchRequest(cases, i)
const BODY_SETS = [
  { name: 'reference', requests: [requestFor(refIndex)] },
  { name: `mix (${cases.length})`, requests: cases.map((_, i) => requestFor(i)) }
]

const cannon = (url, requests, duration) => load(url, requests, duration, CONNECTIONS)

async function loadOne (label, server, set) {
  await cannon(server.url, set.requests, WARMUP)
  const rss = sampleRss(server.pid)
  const r = await cannon(server.url, set.requests, DURATION)
  const samples = rss.stop()
  const bad = r.non2xx + r.errors + r.timeouts
  if (bad > 0) fail(`${label}, ${set.name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts under load`)
  return { set: set.name, server: label, rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99, bytes: r.throughput.total / Math.max(1, r.requests.total), bad, rssMedian: median(samples), rssMax: Math.max(...samples) }
}

// Both servers are up (the idle one costs nothing); for each body set the baseline is loaded, then
// the service, back to back, so that both see the same background on the machine. Never both at once.
const http = []
let checked = 0
const mismatches = []
{
  const b = await startServer(BASELINE, { env: { BENCH_CANNED: cannedFile } })
  const s = await startServer(SERVER).catch(async (err) => { await b.stop(); throw err })
  const n = await startUnrecorded().catch(async (err) => { await b.stop(); await s.stop(); throw err })
  try {
    for (const set of BODY_SETS) {
      http.push(await loadOne('baseline', b, set))
      http.push(await loadOne('service', s, set))
      http.push(await loadOne(UNRECORDED, n, set))
    }
    await b.stop()
    await n.stop()

    // Correctness under load: capture responses from a loaded run (≤ 2 per fixture) and, in
    // parallel with it, fetch every fixture once; each must equal the answer it got alone.
    const captured = []
    const perCase = new Map()
    const checkRequests = cases.map((_, i) => ({
      ...requestFor(i),
      onResponse: (status, body) => {
        const n = perCase.get(i) ?? 0
        if (n < 2) { perCase.set(i, n + 1); captured.push({ i, status, body }) }
      }
    }))
    const load = cannon(s.url, checkRequests, CHECK_DURATION)
    const fetched = []
    const order = cases.map((_, i) => i).reverse()
    for (let k = 0; k < order.length; k += 16) {
      await Promise.all(order.slice(k, k + 16).map(async (i) => {
        try {
          const res = await fetch(`${s.url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: cases[i].body, signal: AbortSignal.timeout(10000) })
          fetched.push({ i, status: res.status, body: await res.text() })
        } catch (err) {
          fetched.push({ i, status: 0, body: String(err) })
        }
      }))
    }
    const checkRun = await load
    if (checkRun.non2xx + checkRun.errors + checkRun.timeouts > 0) fail(`service, correctness run: ${checkRun.non2xx} non-2xx, ${checkRun.errors} errors, ${checkRun.timeouts} timeouts`)
    for (const { i, status, body } of [...captured, ...fetched]) {
      checked++
      const alone = solo[i]
      let same = false
      let got
      if (status === 200 && alone !== undefined) {
        try { got = JSON.parse(body); same = isDeepStrictEqual(strip(got), strip(alone)) } catch {}
      }
      if (!same) {
        mismatches.push(cases[i].file)
        fail(`${cases[i].file}: the response under load differs from the one alone (HTTP ${status}; first difference at ${got ? firstDifference(strip(got), strip(alone ?? {})) : 'body'})`)
      }
    }
  } finally {
    await b.stop()
    await s.stop()
    await n.stop()
  }
}

function firstDifference (a, b, path = '') {
  if (isDeepStrictEqual(a, b)) return undefined
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}/${k}`)
      if (d !== undefined) return d
    }
  }
  return path || '/'
}

const row = (set, server) => http.find((r) => r.set === set && r.server === server)
out('1. HTTP under load (req/s: autocannon mean of per-second samples; latency in ms; bytes = mean response bytes incl. headers)')
out(table(['body', 'server', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'bytes/resp', 'non-2xx/err', 'RSS MB med/max'],
  http.map((r) => [r.set, r.server, fmt(r.rps, 0), fmt(r.p50, 2), fmt(r.p99, 2), r.total, fmt(r.bytes, 0), r.bad, `${fmt(r.rssMedian)}/${fmt(r.rssMax)}`])))
const ratioOf = (server) => BODY_SETS.map((set) => ({ set: set.name, ratio: row(set.name, server).rps / row(set.name, 'baseline').rps }))
const ratiosText = (server) => ratioOf(server).map((r) => `${r.set} ${fmt(100 * r.ratio)} %`).join(', ')
out(`throughput service / baseline: ${ratiosText('service')}; without records: ${ratiosText(UNRECORDED)}`)
const serviceRssMax = Math.max(...http.filter((r) => r.server === 'service').map((r) => r.rssMax))
out(`RSS of the service under load (VmRSS sampled every 200 ms): max ${fmt(serviceRssMax)} MB`)
out(`start to ready (spawn → GET /readyz 200): ${readyTimes.map((t) => fmt(t, 0)).join(', ')} ms → median ${fmt(median(readyTimes), 0)} ms`)
out()
out(`2. Correctness under load: ${checked} responses checked (${cases.length} fetched in parallel with a ${CHECK_DURATION} s load plus up to 2 per fixture captured from that load), ${mismatches.length} differ from the answer alone`)
out()

// ---------------------------------------------------------------------------------------------
// In process

const { ref, base, mods } = await inProcess({ out, cases, refIndex, ms: INPROCESS_MS })
const responses = solo.filter(Boolean)
const count = (k) => mean(responses.map((r) => r[k]?.length ?? 0))
out(`response shape (mix mean per response, as the service sends it): triggered ${fmt(count('triggered'), 2)}, undetermined ${fmt(count('undetermined'), 2)}, findings ${fmt(count('findings'), 2)}, notTriggered ${fmt(count('notTriggered'), 2)}`)
out()

// ---------------------------------------------------------------------------------------------
// Targets

const verdict = (ok) => ok ? 'PASS' : 'MISS'
const httpTargets = (server, label) => [
  ...ratioOf(server).map((r, i) => [`${label} throughput ≥ ${TARGET_RATIOS[i] * 100} % of baseline (${r.set})`, `${fmt(100 * r.ratio)} %`, verdict(r.ratio >= TARGET_RATIOS[i])]),
  ...BODY_SETS.map((set) => { const r = row(set.name, server); return [`${label} p99 ≤ 10 ms at ${CONNECTIONS} connections (${set.name})`, `${fmt(r.p99, 2)} ms`, verdict(r.p99 <= 10)] })
]
const targets = [
  ...httpTargets('service', 'service'),
  ...httpTargets(UNRECORDED, 'without records:'),
  ['in-process evaluation of the reference case ≤ 70 µs median', `${fmt(ref.pipeline.median)} µs`, verdict(ref.pipeline.median <= 70)],
  ['service RSS under load ≤ 150 MB', `${fmt(serviceRssMax)} MB`, verdict(serviceRssMax <= 150)],
  ['start to ready ≤ 1 s (median of 3)', `${fmt(median(readyTimes), 0)} ms`, verdict(median(readyTimes) <= 1000)]
]
out(`4. Targets (issue "Decide, then render", json-rules-engine deciding; this machine: ${cpus().length} cores)`)
out(table(['target', 'measured', 'verdict'], targets))
out('("service" is the service as the image starts it, recording every answer in its embedded store; "without records:" is the same app without the records plugin (issue #15\'s cost set aside), loaded in the same run.)')
out()

// ---------------------------------------------------------------------------------------------
// Larger rule sets

if (SCALES.length > 0) {
  const engineRules = (rules) => [...rules.ruleSets.values()].reduce((n, l) => n + l.engines.elements.rules.length + l.engines.auxiliary.size, 0)
  const elementRules = (rules) => [...rules.ruleSets.values()].reduce((n, l) => n + l.set.rules.length, 0)
  // Every k-th fixture (≤ 40) keeps the 100× pass short; 1× is measured on the same subset.
  const step = Math.ceil(cases.length / 40)
  const subset = cases.filter((_, i) => i % step === 0)
  const small = { warmupPasses: 200, warmupMs: 300, maxPasses: 20000, maxMs: Math.min(INPROCESS_MS, 1000) }
  const measure = async (rules) => {
    const m = { ...mods, rules }
    return {
      ref: await inProcessCosts(m, [cases[refIndex]], small, ['engines', 'pipeline']),
      mix: await inProcessCosts(m, subset, small, ['engines', 'pipeline'])
    }
  }
  const scaleRows = [{ factor: 1, rules: elementRules(base.rules), engineRules: engineRules(base.rules), loadMs: base.ms, readyMs: median(readyTimes), ...await measure(base.rules) }]
  for (const factor of SCALES) {
    const scaled = scaledRulesDir(factor)
    temps.push(scaled.dir)
    try {
      // A scaled rule set file outgrows the default RULES_MAX_FILE_BYTES (4 MB: speech.json ×100 is 4.5 MB); allow it.
      const loaded = await loadTimes(mods.loadRules, scaled.dir, 3, 8000, { maxFileBytes: SCALED_MAX_FILE_BYTES })
      const costs = await measure(loaded.rules)
      const starts = []
      for (let i = 0; i < STARTS; i++) {
        const s = await startServer(SERVER, { env: { RULES_DIR: scaled.dir, RULES_MAX_FILE_BYTES: String(SCALED_MAX_FILE_BYTES) }, timeoutMs: 30000 })
        starts.push(s.readyMs)
        await s.stop()
      }
      scaleRows.push({ factor, rules: elementRules(loaded.rules), engineRules: engineRules(loaded.rules), loadMs: loaded.ms, readyMs: median(starts), ...costs })
    } finally {
      scaled.cleanup()
    }
  }
  const one = scaleRows[0]
  const g = (v, v1) => `${fmt(v)} (${fmt(v / v1)}×)`
  out(`5. Larger rule sets (every rule set duplicated with suffixed ids; in-process µs per case, medians; mix = ${subset.length} of the ${cases.length} fixtures, every ${step}th; loadRules: median of up to 3 in process; start→ready: median of 3)`)
  out(table(['size', 'rules', 'engine rules', 'loadRules ms', 'start→ready ms', 'engines ref µs', 'evaluate ref µs', 'engines mix µs', 'evaluate mix µs'],
    scaleRows.map((s) => [`${s.factor}×`, s.rules, s.engineRules, g(s.loadMs, one.loadMs), g(s.readyMs, one.readyMs),
      g(s.ref.engines.median, one.ref.engines.median), g(s.ref.pipeline.median, one.ref.pipeline.median),
      g(s.mix.engines.median, one.mix.engines.median), g(s.mix.pipeline.median, one.mix.pipeline.median)])))
  out()
}

out(loadNote())
cleanup()
if (failures.length > 0) {
  out(`CORRECTNESS: FAILED (${failures.length}):`)
  for (const f of failures.slice(0, 30)) out(`  - ${f}`)
  if (failures.length > 30) out(`  … and ${failures.length - 30} more`)
  process.exit(1)
}
out(`correctness: OK (${checked} responses under load equal their answer alone; no non-2xx, errors or timeouts under load)`)
