/**
 * Helpers shared by bench/run.mjs and bench/profile.mjs: paths, fixtures, child servers on loopback,
 * statistics, the in-process measurement loops, scaled rule sets and CPU-profile summaries.
 * Every loop here is bounded both in count and in time.
 */
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const SERVER = join(ROOT, 'dist', 'src', 'server.js')
export const BASELINE = join(ROOT, 'bench', 'baseline.mjs')
/** The same app as the service without the records plugin (issue #15). */
export const NO_RECORDS = join(ROOT, 'bench', 'records-baseline.mjs')
export const RULES_DIR = join(ROOT, 'rules')
export const HOST = '127.0.0.1'

/** Imports a compiled module of the service (dist/src/...). */
export const dist = (path) => import(pathToFileURL(join(ROOT, 'dist', 'src', path)).href)

// ---------------------------------------------------------------------------------------------
// Fixtures

/** Every case fixture, sorted by file name; the reference case is reference-dong.json. */
export function loadCases () {
  const dir = join(RULES_DIR, 'cases')
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((file) => {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8'))
    return { file, name: c.name, request: c.request, body: JSON.stringify(c.request) }
  })
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function quantile (sorted, q) {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i]
}
export const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5)
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length
export const fmt = (x, digits = 1) => Number.isFinite(x) ? x.toFixed(digits) : String(x)
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A left-aligned text table. */
export function table (header, rows) {
  const all = [header, ...rows].map((r) => r.map(String))
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const line = (r) => r.map((c, i) => i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])).join('  ').trimEnd()
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Child servers on loopback

export function freePort () {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, HOST, () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/**
 * What the service needs to be loaded by one local client: open mode (no API keys; the service
 * refuses to start without keys unless told) and a rate limit that never trips (the limiter still
 * runs on every request). Variables the service does not know are ignored by its configuration.
 */
export const SERVICE_ENV = { ALLOW_UNAUTHENTICATED: 'true', RATE_LIMIT_MAX: '1000000' }

/**
 * The service records every answer (src/records) before sending it, so the bench measures evaluation
 * with recording, as the service answers. Each start gets an embedded store of its own (DATA_DIR): a
 * copy of one migrated once, so that a start measures opening a store rather than creating one (which
 * takes PGlite several seconds), and nothing is written into the repository. Removed at exit.
 */
const storeDirs = []
let storeTemplate
export function freshStore () {
  if (storeTemplate === undefined) {
    storeTemplate = mkdtempSync(join(tmpdir(), 'bench-store-'))
    storeDirs.push(storeTemplate)
    execFileSync(process.execPath, [join(ROOT, 'dist', 'src', 'tools', 'db-migrate.js')], { env: { ...process.env, DATA_DIR: storeTemplate, DATABASE_URL: '' } })
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'))
  cpSync(storeTemplate, dir, { recursive: true })
  storeDirs.push(dir)
  return dir
}
process.on('exit', () => { for (const dir of storeDirs) rmSync(dir, { recursive: true, force: true }) })
export const STORE_KEY = '55'.repeat(32)

/**
 * The Node flags the image starts the service with: the arguments between `node` and the script in
 * the Dockerfile's CMD (`npm start` uses the same; a test keeps them in step). The bench starts the
 * service this way, so that it measures the service as it is deployed.
 */
export function serviceNodeArgs () {
  const cmd = [...readFileSync(join(ROOT, 'Dockerfile'), 'utf8').matchAll(/^CMD\s+(\[.*\])\s*$/gm)].pop()
  if (cmd === undefined) throw new Error('Dockerfile: no CMD ["node", ..., "dist/src/server.js"]')
  const argv = JSON.parse(cmd[1])
  const script = argv.indexOf('dist/src/server.js')
  if (argv[0] !== 'node' || script < 1) throw new Error(`Dockerfile: CMD ${cmd[1]} does not run node dist/src/server.js`)
  return argv.slice(1, script)
}

const children = new Set()
/** Kills every child still running (by its own pid); installed on exit by run.mjs. */
export function killChildren () {
  for (const child of children) {
    try { child.kill('SIGKILL') } catch {}
  }
}

/**
 * Spawns `node <script>` on a free loopback port and waits for GET /readyz to answer 200. The service
 * gets the image's Node flags (serviceNodeArgs) before any given in nodeArgs, unless imageArgs is false.
 * Returns { child, pid, port, url, readyMs (spawn → first 200), stop() }.
 */
export async function startServer (script, { env = {}, nodeArgs = [], imageArgs = true, timeoutMs = 60000 } = {}) {
  const port = await freePort()
  const store = script === SERVER && env.DATA_DIR === undefined && env.DATABASE_URL === undefined ? { DATA_DIR: freshStore(), DATABASE_URL: '', DECISIONS_KEY: STORE_KEY } : {}
  const childEnv = { ...process.env, PORT: String(port), HOST, LOG_LEVEL: 'warn', ...(script === SERVER ? { ...SERVICE_ENV, ...store } : {}), ...env }
  if (env.RULES_DIR === undefined) delete childEnv.RULES_DIR
  delete childEnv.BODY_LIMIT
  const t0 = performance.now()
  const args = script === SERVER && imageArgs ? [...serviceNodeArgs(), ...nodeArgs] : nodeArgs
  const child = spawn(process.execPath, [...args, script], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  const keep = (d) => { if (output.length < 20000) output += d }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => { children.delete(child); resolve({ code, signal }) }))
  let gone = false
  exited.then(() => { gone = true })
  const url = `http://${HOST}:${port}`
  const until = Date.now() + timeoutMs
  let readyMs
  while (Date.now() < until && !gone) {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) })
      await res.arrayBuffer()
      if (res.status === 200) { readyMs = performance.now() - t0; break }
    } catch {}
    await sleep(5)
  }
  const stop = async () => {
    if (!gone) child.kill('SIGTERM')
    const r = await Promise.race([exited, sleep(10000).then(() => 'timeout')])
    if (r === 'timeout') { child.kill('SIGKILL'); await exited }
  }
  if (readyMs === undefined) {
    await stop()
    throw new Error(`${script} ${gone ? 'exited before it was ready' : `did not become ready within ${timeoutMs} ms`}:\n${output}`)
  }
  return { child, pid: child.pid, port, url, readyMs, stop, output: () => output }
}

/** CPU seconds (user + system, every thread) of a process so far, from /proc/<pid>/stat. */
export function cpuSeconds (pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/**
 * Each case's answer from the server at url, sent alone and in turn (parsed). Any status but 200 is
 * handed to `fail` (by default: thrown), and that case's answer is undefined.
 */
export async function answersAlone (url, cases, fail = (message) => { throw new Error(message) }) {
  const answers = []
  for (const c of cases) {
    const res = await fetch(`${url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: c.body, signal: AbortSignal.timeout(10000) })
    const text = await res.text()
    if (res.status !== 200) fail(`${c.file} alone: HTTP ${res.status} ${text.slice(0, 300)}`)
    answers.push(res.status === 200 ? JSON.parse(text) : undefined)
  }
  return answers
}

/** The app without records (NO_RECORDS) started as the image starts the service: its Node flags, then nodeArgs. */
export function startUnrecorded (nodeArgs = []) {
  return startServer(NO_RECORDS, { env: SERVICE_ENV, imageArgs: false, nodeArgs: [...serviceNodeArgs(), ...nodeArgs] })
}

/** A load request for case i: POST /v1/evaluations with its body, and its index in x-bench-case (the baseline answers by it). */
export const benchRequest = (cases, i) => ({ method: 'POST', path: '/v1/evaluations', headers: { 'content-type': 'application/json', 'x-bench-case': String(i) }, body: cases[i].body })

/** One autocannon run of `requests` in turn on `connections` connections for `duration` s (10 s timeout per request). Imported when first used: the in-process scripts never load it. */
export async function cannon (url, requests, duration, connections) {
  const { default: autocannon } = await import('autocannon')
  return await new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, requests, timeout: 10 }, (err, res) => err ? reject(err) : resolve(res))
  })
}

/** VmRSS of a process in MB, from /proc (undefined where there is no /proc). */
export function rssMB (pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** Samples the RSS of pid every intervalMs until stopped; returns { stop(): number[] }. */
export function sampleRss (pid, intervalMs = 200) {
  const samples = []
  const timer = setInterval(() => { const v = rssMB(pid); if (v !== undefined) samples.push(v) }, intervalMs)
  return { stop: () => { clearInterval(timer); return samples } }
}

// ---------------------------------------------------------------------------------------------
// In-process measurement

/**
 * Times `fn(item)` for every item, pass after pass: `warmupMs` (≤ warmupPasses passes) of warm-up,
 * then up to `maxPasses` passes or `maxMs`. Returns every sample in µs.
 */
export async function timeEach (items, fn, { warmupPasses = 1000, warmupMs = 1000, maxPasses = 20000, maxMs = 2000, minSamples = 20 } = {}) {
  let until = performance.now() + warmupMs
  warmup: for (let p = 0; p < warmupPasses; p++) {
    for (const item of items) {
      await fn(item)
      if (performance.now() > until) break warmup
    }
  }
  const samples = []
  until = performance.now() + maxMs
  measure: for (let p = 0; p < maxPasses; p++) {
    for (const item of items) {
      const t = performance.now()
      await fn(item)
      samples.push((performance.now() - t) * 1000)
      if (performance.now() > until && samples.length >= Math.min(minSamples, items.length)) break measure
    }
  }
  return samples
}

export function summary (samples) {
  const s = [...samples].sort((a, b) => a - b)
  return { n: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99), mean: mean(s) }
}

/** Counts the condition nodes of an engine condition tree (all/any/not and leaves). */
function nodes (c) {
  if (c === undefined || c === null) return 0
  if (Array.isArray(c.all)) return 1 + c.all.reduce((n, x) => n + nodes(x), 0)
  if (Array.isArray(c.any)) return 1 + c.any.reduce((n, x) => n + nodes(x), 0)
  if (c.not !== undefined) return 1 + nodes(c.not)
  return 1
}

/** The engines one conduct item runs, as decide runs them: the element engines, then the auxiliary engines of the rules not ruled out. */
async function enginesRun ({ almanacFor, runOn }, sets, facts) {
  const out = new Map()
  const parts = new Map(sets.flatMap((s) => [...s.engines.parts]))
  const elements = sets.map((s) => s.engines.elements)
  await runOn(almanacFor(facts), elements, parts, out)
  const auxiliary = sets.flatMap((s) => s.set.rules.flatMap((r) => {
    const e = s.engines.auxiliary.get(r.id)
    return e !== undefined && out.get(r.id).value !== 'false' ? [e] : []
  }))
  return { elements, auxiliary, all: sets.flatMap((s) => [...s.engines.auxiliary.values()]) }
}

/**
 * What one evaluation of a request asks of json-rules-engine: engine runs, engine rules evaluated
 * (element rules, and the one combined auxiliary rule of each rule whose elements are not false),
 * flat facts (per conduct item; every run on an item reads them through one almanac, without Fact objects),
 * condition nodes deep-cloned (RuleResult clones each rule's conditions on every run), and the
 * auxiliary rules not run because their rule's elements are false.
 */
export async function workOf (mods, request) {
  const { rules, flattenFacts } = mods
  const w = { conduct: 0, engineRuns: 0, engineRules: 0, elementRules: 0, facts: 0, conditionNodes: 0, auxiliarySkipped: 0, auxiliaryRules: 0 }
  for (const conduct of request.facts.conduct) {
    w.conduct++
    const facts = flattenFacts(request.facts.subject, conduct)
    const sets = rules.byConductType.get(conduct.type) ?? []
    const ran = await enginesRun(mods, sets, facts)
    w.facts += Object.keys(facts).length
    for (const e of [...ran.elements, ...ran.auxiliary]) {
      w.engineRuns++
      w.engineRules += e.rules.length
      for (const r of e.rules) w.conditionNodes += nodes(r.conditions)
    }
    w.elementRules += sets.reduce((n, s) => n + s.set.rules.length, 0)
    w.auxiliaryRules += ran.all.length
    w.auxiliarySkipped += ran.all.length - ran.auxiliary.length
  }
  return w
}

/**
 * The in-process costs for a set of cases, µs per case: the json-rules-engine runs as decide makes
 * them (engines), decide (engines, verdicts, classification), render (one pass over the verdicts),
 * flattenFacts, and the whole evaluation (decide, then render: what the service answers with).
 */
export async function inProcessCosts (mods, cases, budget, only = ['engines', 'decide', 'render', 'flatten', 'pipeline']) {
  const { rules, evaluate, decide, render, flattenFacts } = mods
  const now = new Date()
  const prepared = []
  for (const c of cases) {
    prepared.push({
      request: c.request,
      conduct: c.request.facts.conduct.map((conduct) => ({ sets: rules.byConductType.get(conduct.type) ?? [], facts: flattenFacts(c.request.facts.subject, conduct) })),
      verdicts: await decide(rules, c.request, { now })
    })
  }
  const ctx = { now, decisionId: '00000000-0000-4000-8000-000000000000' }
  const loops = {
    engines: async (p) => { for (const x of p.conduct) await enginesRun(mods, x.sets, x.facts) },
    decide: (p) => decide(rules, p.request, ctx),
    render: (p) => render(p.verdicts, { rules, lang: 'zh', decisionId: ctx.decisionId, evaluatedAt: now.toISOString() }),
    flatten: (p) => { for (const c of p.request.facts.conduct) flattenFacts(p.request.facts.subject, c) },
    pipeline: (p) => evaluate(rules, p.request, ctx)
  }
  const out = {}
  for (const k of only) out[k] = summary(await timeEach(prepared, loops[k], budget))
  return out
}

/**
 * One rule decided alone, per awaited call: the engines json-rules-engine runs for it on one conduct
 * item (its elements, then its auxiliary conditions when the elements are not false). For the
 * comparison with other engines on the same rule (bench/README.md).
 */
export async function oneRuleCost (mods, loaded, ruleId, facts, budget) {
  const { rules, compileEngines } = mods
  // The rule's own engines, built as the service builds a rule set's, for a set holding this rule only.
  const alone = { ...loaded, set: { ...loaded.set, rules: [loaded.rules.get(ruleId)] } }
  alone.engines = compileEngines(alone.set, rules.sharedConditions)
  return summary(await timeEach([0], () => enginesRun(mods, [alone], facts), budget))
}

// ---------------------------------------------------------------------------------------------
// Scaled rule sets

/**
 * Copies the bundled rules directory to a temp dir and makes every rule set `factor` times as large:
 * each rule is kept and followed by factor-1 copies whose id is suffixed `-x<k>` and whose yieldsTo
 * references point at the copies with the same suffix (so ids stay unique and every yieldsTo stays
 * within the copy). Returns { dir, rules: total element rules, cleanup() }.
 */
export function scaledRulesDir (factor) {
  const dir = mkdtempSync(join(tmpdir(), `discipline-rules-bench-x${factor}-`))
  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  try {
    cpSync(RULES_DIR, dir, { recursive: true })
    const setsDir = join(dir, 'rulesets')
    let total = 0
    for (const name of readdirSync(setsDir).filter((n) => n.endsWith('.json'))) {
      const file = join(setsDir, name)
      const set = JSON.parse(readFileSync(file, 'utf8'))
      const copies = []
      for (let k = 1; k < factor; k++) {
        for (const rule of set.rules) {
          const copy = structuredClone(rule)
          copy.id = `${rule.id}-x${k}`
          for (const y of copy.yieldsTo ?? []) y.rule = `${y.rule}-x${k}`
          copies.push(copy)
        }
      }
      set.rules = [...set.rules, ...copies]
      total += set.rules.length
      writeFileSync(file, JSON.stringify(set, null, 2))
    }
    return { dir, rules: total, cleanup }
  } catch (err) {
    cleanup()
    throw err
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profiles

/** A copy of an evaluation response without the per-request fields (decisionId, evaluatedAt), at any depth. */
export function stripVolatile (value) {
  if (Array.isArray(value)) return value.map(stripVolatile)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const [k, v] of Object.entries(value)) if (k !== 'decisionId' && k !== 'evaluatedAt') out[k] = stripVolatile(v)
  return out
}

/** Where a profiled function comes from, for the per-category shares. */
export function categoryOf (frame) {
  const { url, functionName } = frame
  if (url === '') {
    if (/^\((garbage collector|program|idle|root)\)$/.test(functionName)) return functionName
    if (/^(check_|anonymous\d*$)/.test(functionName)) return 'generated code (TypeBox checks, fast-json-stringify)'
    if (functionName === 'runMicrotasks') return 'microtask queue (Promise jobs)'
    if (functionName.startsWith('RegExp:')) return 'regular expressions'
    return 'native (socket writes, JSON, builtins)'
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (pkg) return pkg[1] === 'json-rules-engine' ? 'json-rules-engine' : `npm: ${pkg[1]}`
  const ours = /\/dist\/src\/(.+)\.js$/.exec(url)
  if (ours) return `ours: ${ours[1]}`
  if (url.startsWith('node:')) return 'node internals'
  if (/\/bench\//.test(url)) return 'bench harness'
  return url
}

/** Self time per function and per category from a .cpuprofile (V8 format). */
export function summariseProfile (profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map()
  let total = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt)
    total += dt
  }
  const fns = new Map()
  const cats = new Map()
  for (const [id, us] of self) {
    const f = byId.get(id).callFrame
    const file = f.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\/src\//, 'dist/src/').replace(/^file:\/\//, '')
    const key = `${f.functionName || '(anonymous)'}  ${file}${file ? ':' + (f.lineNumber + 1) : ''}`
    fns.set(key, (fns.get(key) ?? 0) + us)
    const cat = categoryOf(f)
    cats.set(cat, (cats.get(cat) ?? 0) + us)
  }
  const pct = (us) => 100 * us / total
  return {
    totalMs: total / 1000,
    functions: [...fns].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ fn: k, ms: us / 1000, pct: pct(us) })),
    categories: [...cats].sort((a, b) => b[1] - a[1]).map(([k, us]) => ({ category: k, ms: us / 1000, pct: pct(us) }))
  }
}

/**
 * Writes `count` decision records into `repository` as the service records them: the golden cases in
 * turn, one second apart from 2026-01-01, in batches of 500 (bench/records.mjs and bench/replay-parts.mjs).
 * A fixture whose facts are refused (422) records nothing, as in the service. Run after `npm run build`.
 */
export async function seedRecords (repository, rules, count) {
  const { evaluate } = await dist('domain/evaluate.js')
  const { digestOf } = await dist('records/digest.js')
  const { answerText } = await dist('domain/render/render.js')
  const { summaryOf } = await dist('records/impact.js')
  const { randomUUID } = await import('node:crypto')
  const cases = loadCases().map((c) => c.request)
  const base = Date.parse('2026-01-01T00:00:00Z')
  for (let i = 0; i < count; i += 500) {
    const batch = []
    for (let j = i; j < Math.min(count, i + 500); j++) {
      const request = cases[j % cases.length]
      const decisionId = randomUUID()
      try {
        const answer = await evaluate(rules, request, { now: new Date(base + j * 1000), decisionId })
        batch.push({ decisionId, evaluatedAt: answer.evaluatedAt, client: 'bench', requestId: String(j), serviceVersion: answer.provenance.serviceVersion, rulesRevision: rules.revision, lang: answer.lang, options: request.options ?? {}, facts: request.facts, digest: digestOf(answerText(answer)), summary: summaryOf(answer) })
      } catch { /* refused facts record nothing */ }
    }
    await repository.saveDecisions(batch, () => rules.files)
  }
}
