#!/usr/bin/env node
/**
 * Where the time goes: a V8 CPU profile of the evaluation, summarised as self time per function and
 * per origin (json-rules-engine, its dependencies, our dist/src/domain files, V8/Promise machinery,
 * GC). Run after `npm run build`:
 *
 *   node bench/profile.mjs                    in-process loop of evaluate() over every fixture, 8 s
 *   node bench/profile.mjs inprocess ref 8    the same over the reference case only
 *   node bench/profile.mjs http mix 8         the real server (--cpu-prof) under autocannon load
 *
 * BENCH_SCALE=100 profiles the in-process loop over rule sets 100× as large (see run.mjs, part 5).
 * The .cpuprofile is written under /tmp (its path is printed; open it in Chrome DevTools or
 * speedscope). Nothing is written in the repository.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER, RULES_DIR, dist, loadCases, fmt, table, startServer, killChildren, summariseProfile, scaledRulesDir } from './lib.mjs'

const [mode = 'inprocess', which = 'mix', secondsArg = '8'] = process.argv.slice(2)
const seconds = Math.min(120, Math.max(1, Number(secondsArg) || 8))
const cases = loadCases()
const chosen = which === 'ref' ? cases.filter((c) => c.file === 'reference-dong.json') : cases

if (mode === '--child') {
  // The profiled process: warm up, then evaluate the chosen cases in a loop for `seconds`.
  const { loadRules } = await dist('domain/rules/load.js')
  const { evaluate } = await dist('domain/evaluate.js')
  const scale = Number(process.env.BENCH_SCALE ?? 1)
  const scaled = scale > 1 ? scaledRulesDir(scale) : undefined
  let rules
  try { rules = await loadRules(scaled?.dir ?? RULES_DIR) } finally { scaled?.cleanup() }
  const ctx = { now: new Date(), decisionId: '00000000-0000-4000-8000-000000000000' }
  let n = 0
  const warm = performance.now() + 2000
  for (let i = 0; i < 2000 && performance.now() < warm; i++) for (const c of chosen) await evaluate(rules, c.request, ctx)
  const until = performance.now() + seconds * 1000
  for (let pass = 0; pass < 1e6 && performance.now() < until; pass++) {
    for (const c of chosen) { await evaluate(rules, c.request, ctx); n++ }
  }
  process.stdout.write(`${n}\n`)
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'discipline-rules-profile-'))
const profArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100']
let header
if (mode === 'inprocess') {
  const self = fileURLToPath(import.meta.url)
  const child = spawn(process.execPath, [...profArgs, self, '--child', which, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', (d) => { stdout += d })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  if (code !== 0) { console.error(`profile: child exited with ${code}`); process.exit(1) }
  const n = Number(stdout.trim())
  header = `in-process evaluate() loop over ${which === 'ref' ? 'the reference case' : `${chosen.length} fixtures`}${process.env.BENCH_SCALE ? `, rule sets ${process.env.BENCH_SCALE}×` : ''}: ${n} evaluations in ${seconds} s = ${fmt(seconds * 1e6 / n)} µs each (profiler on)`
} else if (mode === 'http') {
  const { default: autocannon } = await import('autocannon')
  process.on('exit', killChildren)
  const s = await startServer(SERVER, { nodeArgs: profArgs })
  const requests = chosen.map((c) => ({ method: 'POST', path: '/v1/evaluations', headers: { 'content-type': 'application/json' }, body: c.body }))
  const r = await new Promise((resolve, reject) => autocannon({ url: s.url, connections: 10, duration: seconds, requests }, (e, res) => e ? reject(e) : resolve(res)))
  await s.stop()
  header = `server under autocannon (10 connections, ${seconds} s, ${which}): ${fmt(r.requests.average, 0)} req/s with the profiler on, ${r.non2xx} non-2xx`
} else {
  console.error('usage: node bench/profile.mjs [inprocess|http] [mix|ref] [seconds]')
  process.exit(2)
}

const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
if (file === undefined) { console.error(`profile: no .cpuprofile written in ${dir}`); process.exit(1) }
const s = summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), 30)
console.log(header)
console.log(`profile: ${join(dir, file)} (${fmt(s.totalMs, 0)} ms sampled)`)
console.log()
console.log('self time by origin')
console.log(table(['origin', 'ms', '%'], s.categories.map((c) => [c.category, fmt(c.ms, 0), fmt(c.pct)])))
console.log()
console.log('top functions by self time')
console.log(table(['function  file:line', 'ms', '%'], s.functions.map((f) => [f.fn, fmt(f.ms, 0), fmt(f.pct)])))
