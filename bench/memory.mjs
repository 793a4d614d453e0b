#!/usr/bin/env node
/**
 * Memory under load, by young-generation size: the evidence behind the image's --max-semi-space-size
 * (bench/README.md, "Memory"). For each setting, in turn and `rounds` times over, it starts the service
 * (dist/src/server.js, open mode, LOG_LEVEL=warn), loads it with the mix of every fixture under
 * autocannon (10 connections, `seconds` s after a 2 s warm-up), and prints req/s, the resident set
 * (VmRSS every 200 ms: max and median) and the largest V8 old and new spaces seen in /metrics (every
 * second). Run after `npm run build`:
 *
 *   node bench/memory.mjs [settings] [rounds] [seconds]     default: "default,8,4" 2 12
 *
 * "default" starts Node without the flag; a number n starts it with --max-semi-space-size=n.
 */
import autocannon from 'autocannon'
import { SERVER, loadCases, startServer, killChildren, sampleRss, median, fmt, table, sleep, serviceNodeArgs } from './lib.mjs'

const [settingsArg = 'default,8,4', roundsArg = '2', secondsArg = '12'] = process.argv.slice(2)
const settings = settingsArg.split(',').map((x) => x.trim()).filter((x) => x === 'default' || /^\d+$/.test(x))
const rounds = Math.min(10, Math.max(1, Number(roundsArg) || 2))
const seconds = Math.min(120, Math.max(2, Number(secondsArg) || 12))
if (settings.length === 0) { console.error('usage: node bench/memory.mjs [default,8,4] [rounds] [seconds]'); process.exit(2) }
process.on('exit', killChildren)

const cases = loadCases()
const requests = cases.map((c) => ({ method: 'POST', path: '/v1/evaluations', headers: { 'content-type': 'application/json' }, body: c.body }))
const MB = (bytes) => bytes / 2 ** 20

/** The largest old and new space totals in /metrics (prom-client's heap-space gauges), polled every second. */
function pollSpaces (url) {
  let stopped = false
  const max = { old: 0, new: 0 }
  const loop = (async () => {
    while (!stopped) {
      try {
        const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(2000) })).text()
        for (const space of ['old', 'new']) {
          const line = text.split('\n').find((l) => l.startsWith(`nodejs_heap_space_size_total_bytes{space="${space}"}`))
          if (line !== undefined) max[space] = Math.max(max[space], MB(Number(line.split(' ').pop())))
        }
      } catch {}
      await sleep(1000)
    }
  })()
  return { stop: async () => { stopped = true; await loop; return max } }
}

const cannon = (url, duration) => new Promise((resolve, reject) =>
  autocannon({ url, connections: 10, duration, requests }, (err, res) => err ? reject(err) : resolve(res)))

console.log(`memory under the mix load (${cases.length} fixtures), 10 connections, 2 s warm-up + ${seconds} s; the image runs: node ${serviceNodeArgs().join(' ')} dist/src/server.js`)
const rows = []
for (let round = 1; round <= rounds; round++) {
  for (const setting of settings) {
    const nodeArgs = setting === 'default' ? [] : [`--max-semi-space-size=${setting}`]
    const s = await startServer(SERVER, { imageArgs: false, nodeArgs })
    try {
      await cannon(s.url, 2)
      const rss = sampleRss(s.pid)
      const spaces = pollSpaces(s.url)
      const r = await cannon(s.url, seconds)
      const samples = rss.stop()
      const max = await spaces.stop()
      rows.push([setting === 'default' ? 'Node default' : `--max-semi-space-size=${setting}`, String(round), fmt(r.requests.average, 0), fmt(Math.max(...samples)), fmt(median(samples)), fmt(max.new, 0), fmt(max.old, 0), String(r.non2xx + r.errors)])
    } finally {
      await s.stop()
    }
  }
}
console.log(table(['young generation', 'round', 'req/s', 'RSS max MB', 'RSS median MB', 'new space MB', 'old space max MB', 'non-2xx/err'], rows))
