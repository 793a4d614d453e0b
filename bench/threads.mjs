#!/usr/bin/env node
/**
 * Where recording's CPU goes, thread by thread (issue #15): the service without records
 * (records-baseline.mjs) and with the embedded store, loaded in turn with the same fixed number of
 * requests (BENCH_REQUESTS, default 3000, BENCH_CONNECTIONS 10, the reference case), BENCH_ROUNDS
 * rounds. For each thread of each service, from /proc/<pid>/task/<tid>/{stat,schedstat,status}
 * before and after: CPU (user + system), time spent runnable but waiting for a core (the run queue),
 * and context switches, each per answer. Wall-clock-free, so a loaded machine distorts it less than
 * latency. `node bench/threads.mjs` after `npm run build`. BENCH_NODE_ARGS: extra Node flags for both
 * services (e.g. --perf-basic-prof); BENCH_PERF=<dir>: `perf record -g` of each service's first round,
 * to <dir>/<service>.data (read it with `perf report -i … --tid <pid>`, the main thread's id being the pid).
 */
import os from 'node:os'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import autocannon from 'autocannon'
import { SERVER, NO_RECORDS, loadCases, fmt, table, startServer, killChildren, freshStore, STORE_KEY, rssMB, serviceNodeArgs } from './lib.mjs'

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
process.on('exit', () => { killChildren() })

/** Every thread of pid: name, CPU ms, run-queue wait ms, voluntary and involuntary switches. */
function threads (pid) {
  const out = new Map()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const dir = `/proc/${pid}/task/${tid}`
      const stat = readFileSync(`${dir}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const [, waitNs] = readFileSync(`${dir}/schedstat`, 'utf8').split(' ').map(Number)
      const status = readFileSync(`${dir}/status`, 'utf8')
      const sw = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1])
      out.set(tid, { name, cpu: (Number(f[11]) + Number(f[12])) * 10, wait: waitNs / 1e6, vol: sw('voluntary_ctxt_switches'), invol: sw('nonvoluntary_ctxt_switches') })
    } catch { /* a thread that ended meanwhile */ }
  }
  return out
}

/** Per-thread differences, threads grouped by name (the main thread is the process's own id). */
function delta (pid, before, after, answers) {
  const groups = new Map()
  for (const [tid, a] of after) {
    const b = before.get(tid) ?? { cpu: 0, wait: 0, vol: 0, invol: 0 }
    const name = tid === String(pid) ? 'main' : a.name
    const g = groups.get(name) ?? { cpu: 0, wait: 0, vol: 0, invol: 0, n: 0 }
    for (const k of ['cpu', 'wait', 'vol', 'invol']) g[k] += (a[k] - b[k]) / answers
    g.n++
    groups.set(name, g)
  }
  return groups
}

const body = JSON.stringify(loadCases().find((c) => c.file === 'reference-dong.json').request)
const specs = [['without records', NO_RECORDS, {}], ['embedded store', SERVER, { DATA_DIR: freshStore(), DECISIONS_KEY: STORE_KEY }]]
// BENCH_VARIANTS="label:VAR=value;…": more embedded-store services, each with one variable more.
for (const v of (process.env.BENCH_VARIANTS ?? '').split(';').filter((v) => v !== '')) {
  const [label, assignment] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)]
  const [name, value] = [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)]
  specs.push([`embedded, ${label}`, SERVER, { DATA_DIR: freshStore(), DECISIONS_KEY: STORE_KEY, [name]: value }])
}
const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '')
const services = []
for (const [name, script, env] of specs) {
  const server = await startServer(script, { env: { RATE_LIMIT_MAX: '1000000', MAX_EVENT_LOOP_DELAY_MS: '0', ...env }, nodeArgs: script === SERVER ? extra : [...serviceNodeArgs(), ...extra], timeoutMs: 60000 })
  await autocannon({ url: `${server.url}/v1/evaluations`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, amount: 1000 })
  services.push({ name, server, rounds: [], rss: [] })
}
for (let round = 0; round < ROUNDS; round++) {
  for (const s of services) {
    const perf = round === 0 && process.env.BENCH_PERF !== undefined
      ? spawn('perf', ['record', '-F', '999', '-g', '-p', String(s.server.pid), '-o', join(process.env.BENCH_PERF, `${s.name.replace(/ /g, '-')}.data`)], { stdio: 'ignore' })
      : undefined
    const before = threads(s.server.pid)
    const self0 = process.cpuUsage()
    const r = await autocannon({ url: `${s.server.url}/v1/evaluations`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections: CONNECTIONS, amount: REQUESTS })
    s.rss.push(rssMB(s.server.pid))
    const answers = r.requests.total - r.non2xx
    if (perf !== undefined) await new Promise((resolve) => { perf.once('exit', resolve); perf.kill('SIGINT') })
    const self = process.cpuUsage(self0)
    s.rounds.push({ groups: delta(s.server.pid, before, threads(s.server.pid), answers), p99: r.latency.p99, rps: r.requests.average, loader: (self.user + self.system) / 1000 / answers })
  }
}
for (const s of services) {
  const names = [...new Set(s.rounds.flatMap((r) => [...r.groups.keys()]))]
  const med = (f) => { const xs = s.rounds.map(f).sort((a, b) => a - b); return xs[Math.floor((xs.length - 1) / 2)] }
  const rows = names.map((n) => {
    const g = (k) => med((r) => r.groups.get(n)?.[k] ?? 0)
    return [`${n} (${s.rounds[0].groups.get(n)?.n ?? 0})`, fmt(g('cpu'), 3), fmt(g('wait'), 3), fmt(g('vol'), 2), fmt(g('invol'), 2)]
  }).filter((row) => Number(row[1]) > 0 || Number(row[2]) > 0)
  const total = med((r) => [...r.groups.values()].reduce((t, g) => t + g.cpu, 0))
  rows.push(['all threads', fmt(total, 3), fmt(med((r) => [...r.groups.values()].reduce((t, g) => t + g.wait, 0)), 3), '', ''])
  console.log(`\n${s.name}: ready in ${fmt(s.server.readyMs, 0)} ms, req/s ${fmt(med((r) => r.rps), 0)}, p99 ${fmt(med((r) => r.p99))} ms, RSS ${fmt(Math.max(...s.rss), 0)} MB, load generator ${fmt(med((r) => r.loader), 3)} ms CPU/answer`)
  console.log(table(['thread (count)', 'CPU ms/answer', 'run-queue wait ms/answer', 'voluntary switches', 'involuntary'], rows))
}
for (const s of services) await s.server.stop()
console.log(`\n${REQUESTS} requests × ${ROUNDS} rounds per service, medians; load average ${os.loadavg().map((l) => fmt(l)).join(' ')}`)
