#!/usr/bin/env node
/**
 * Where a record's replay spends its CPU (issue #15): BENCH_RECORDS records (default 2000), the case
 * fixtures over and over, are written to a fresh embedded store as bench/records.mjs does; then each
 * step of a replay is run alone, in this one thread, over all of them, and timed by this thread's CPU
 * time (process.cpuUsage of a process whose other threads are idle): the store read page by page,
 * the facts' decryption and JSON parse, the evaluation (decide, then render), the serialisation as
 * the service sends it, the digest, and the messages to and from a replay worker (structured clone,
 * v8.serialize/deserialize, the same copy postMessage makes). Then the worker pool's fixed cost:
 * starting a worker and loading the rules in it. Run after `npm run build`.
 */
import { serialize, deserialize } from 'node:v8'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, dist, fmt, table, freshStore, STORE_KEY, seedRecords } from './lib.mjs'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 2000)
const PAGE = Number(process.env.BENCH_PAGE ?? 500)
const { loadRules } = await dist('domain/rules/load.js')
const { evaluate } = await dist('domain/evaluate.js')
const { decide } = await dist('domain/decide/decide.js')
const { render } = await dist('domain/render/render.js')
const { openDb } = await dist('records/db.js')
const { RecordsRepository } = await dist('records/repository.js')
const { parseDecisionsKeys } = await dist('records/cipher.js')
const { ReplayPool } = await dist('records/replay-pool.js')
const { digestOf } = await dist('records/digest.js')
const { answerText } = await dist('domain/render/render.js')
const bulk = await dist('records/bulk.js')

const rules = await loadRules(join(ROOT, 'rules'))
const db = await openDb({ dataDir: freshStore() })
const repository = new RecordsRepository(db, parseDecisionsKeys(STORE_KEY))
await seedRecords(repository, rules, RECORDS)

/** CPU ms of each thread of this process (name: ms), from /proc/self/task. */
function threadCpu () {
  const out = {}
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out[`${name} ${tid}`] = (Number(f[11]) + Number(f[12])) * 10
    } catch { /* a thread that ended */ }
  }
  return out
}
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const rows = []
let n = 0
/** Runs fn, returns its CPU ms and wall ms. */
async function step (name, fn) {
  const c0 = cpuMs(); const t0 = performance.now()
  const out = await fn()
  const cpu = cpuMs() - c0; const wall = performance.now() - t0
  rows.push([name, fmt(cpu * 1000 / n, 0), fmt(wall * 1000 / n, 0)])
  return out
}
// The store read, with and without decryption (scanDecisions opens each record's facts).
const rawPages = async () => {
  const all = []
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const page = await db.query(`select d.decision_id, d.evaluated_at, d.rules_revision, d.lang, d.options, d.facts, d.key_id, d.service_version, d.answer_digest, d.summary
      from decisions d where d.decision_id > $1 order by d.decision_id limit $2`, [after, PAGE])
    if (page.length === 0) return all
    after = page[page.length - 1].decision_id
    all.push(...page)
  }
}
n = (await rawPages()).length
const raw = await step('store read (pages of ' + PAGE + ', no review join, no decryption)', rawPages)
await step('store read as scanDecisions (review join, decryption, options parse)', async () => {
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const page = await bulk.scanDecisions(repository, after, PAGE)
    if (page.length === 0) return
    after = page[page.length - 1].decisionId
  }
})
await step('decrypt + JSON.parse facts', () => { for (const r of raw) repository.cipher.open({ keyId: r.key_id, blob: Buffer.from(r.facts) }, r.decision_id) })
const decoded = raw.map((r) => ({ id: r.decision_id, at: r.evaluated_at, lang: r.lang, options: JSON.parse(r.options), facts: repository.cipher.open({ keyId: r.key_id, blob: Buffer.from(r.facts) }, r.decision_id), digest: r.answer_digest }))
const requests = decoded.map((d) => ({ facts: d.facts, options: d.options }))
// Warm the evaluation up first (the JIT), so that the steps after compare.
for (const [i, d] of decoded.slice(0, 300).entries()) await evaluate(rules, requests[i], { now: d.at, decisionId: d.id, lang: d.lang })
const verdicts = await step('decide (json-rules-engine, verdicts, classification)', async () => {
  const out = []
  for (const [i, d] of decoded.entries()) out.push(await decide(rules, requests[i], { now: d.at }))
  return out
})
const answers = await step('render', () => decoded.map((d, i) => render(verdicts[i], { rules, lang: requests[i].options?.lang ?? d.lang ?? 'zh', decisionId: d.id, evaluatedAt: d.at.toISOString() })))
const texts = await step('serialise (JSON.stringify, as sent)', () => answers.map((a) => answerText(a)))
await step('digest (SHA-256)', () => { for (const t of texts) digestOf(t) })
await step('answer JSON size (bytes, not µs)', () => 0)
rows[rows.length - 1][1] = fmt(texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / n, 0)
rows[rows.length - 1][2] = ''
let reproduced = 0
for (const [i, t] of texts.entries()) if (digestOf(t) === decoded[i].digest) reproduced++
const jobs = decoded.map((d, i) => ({ revision: rules.revision, decisionId: d.id, evaluatedAt: d.at.toISOString(), lang: d.lang, facts: d.facts, options: d.options, recorded: { digest: d.digest, serviceVersion: 'x', summary: raw[i].summary }, id: i }))
await step('job message copy (v8 serialize + deserialize, both ends)', () => { for (const j of jobs) deserialize(serialize(j)) })
await step('outcome message copy', () => { for (const j of jobs) deserialize(serialize({ id: j.id, reproduced: true })) })
// The whole replay as bench/records.mjs runs it, with the pool's fixed cost apart.
const t0 = performance.now(); const c0 = cpuMs()
const pool = new ReplayPool()
pool.loadRules(rules.revision, join(ROOT, 'rules'))
await Promise.all(Array.from({ length: pool.size }, () => pool.run(jobs[0])))
const startCpu = cpuMs() - c0; const startWall = performance.now() - t0
const c1 = cpuMs(); const t1 = performance.now(); const th0 = threadCpu()
let again = 0
const count = await bulk.replayStored(repository, pool, (_d, o) => { if (o.reproduced) again++ }, { pageSize: PAGE })
const wholeCpu = cpuMs() - c1; const wholeWall = performance.now() - t1; const th1 = threadCpu()
await pool.close()
await db.close()
console.log(`${n} records (${reproduced} reproduced in the steps above), µs per record, this thread's CPU:\n`)
console.log(table(['step', 'CPU µs', 'wall µs'], rows))
console.log(`\npool of ${pool.size} workers: start + load rules + first job ${fmt(startCpu)} ms CPU, ${fmt(startWall)} ms wall (once per replay)`)
console.log(`replayStored, pool warm: ${count} records (${again} reproduced) in ${fmt(wholeWall / 1000, 2)} s, ${fmt(wholeCpu * 1000 / count, 0)} µs CPU per record (all threads), ${fmt(count / wholeWall * 1000, 0)} /s`)
console.log(table(['thread', 'CPU µs per record'], Object.entries(th1).map(([k, v]) => [k, fmt((v - (th0[k] ?? 0)) * 1000 / count, 0)]).filter((r) => r[1] !== '0')))
