#!/usr/bin/env node
/**
 * Checks of the decision records that need real processes (run by `npm test` after the build):
 * two service processes sharing one PostgreSQL database (started here, on a free loopback port) see
 * each other's records and reviews; a service killed with SIGKILL while answering never leaves an
 * answer without its record, on either store; records survive the restart; and without
 * DECISIONS_KEY outside local mode the service refuses to start. Prints "N passed, M failed".
 */
import { spawn, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { checker } from './lib/process.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { startPostgres } = await import(join(root, 'dist', 'scripts', 'postgres-server.js'))
const server = join(root, 'dist', 'src', 'server.js')
const reference = JSON.parse(readFileSync(join(root, 'rules', 'cases', 'reference-dong.json'), 'utf8')).request
const KEY = '44'.repeat(32)
const API_KEYS = 'app:evaluate:app-key-0123456789,aud:audit+review:aud-key-0123456789'
const as = (who) => ({ authorization: `Bearer ${who}-key-0123456789`, 'content-type': 'application/json' })
const { check, finish } = checker()

function start (env) {
  const child = spawn(process.execPath, [server], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ALLOW_UNAUTHENTICATED: '', API_KEYS, DECISIONS_KEY: KEY, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d) => { out.stdout += d })
  child.stderr.on('data', (d) => { out.stderr += d })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const url = (async () => {
    for (const until = Date.now() + 60000; Date.now() < until;) {
      const m = /listening at (http:\/\/[^"\s]+)/.exec(out.stdout)
      if (m !== null) return m[1]
      if (child.exitCode !== null) return undefined
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return undefined
  })()
  return { child, out, exited, url }
}

const evaluate = (url) => fetch(`${url}/v1/evaluations`, { method: 'POST', headers: as('app'), body: JSON.stringify(reference) })

/** Keeps 8 evaluations in flight, SIGKILLs the service after `ms`, returns the answers received in full (id and digest of the body). */
async function killWhileAnswering (s, url, ms) {
  const answered = []
  let stop = false
  const worker = async () => {
    while (!stop) {
      try {
        const res = await evaluate(url)
        const body = await res.text()
        if (res.status === 200) answered.push({ id: JSON.parse(body).decisionId, digest: createHash('sha256').update(body).digest('base64url') })
      } catch { /* the connection died with the process */ }
    }
  }
  const workers = Array.from({ length: 8 }, worker)
  await new Promise((resolve) => setTimeout(resolve, ms))
  s.child.kill('SIGKILL')
  await s.exited
  stop = true
  await Promise.all(workers)
  return answered
}

/**
 * A record read as a client reads it: a 503 (the service sheds load while it is busy, as a restarted
 * one is in its first seconds) or a 429 is retried after its Retry-After, for up to a minute. Only a
 * 404 (or a read still refused after that) is a record missing. (Session 4's check counted every
 * non-200 as missing: at load 15 the restarted service shed its first reads with 503.)
 */
async function readRecord (url, id) {
  let first
  for (const until = Date.now() + 60000; ;) {
    const res = await fetch(`${url}/v1/decisions/${id}`, { headers: as('aud') })
    first ??= res.status
    if ((res.status !== 503 && res.status !== 429) || Date.now() > until) return { status: first === res.status ? `${res.status}` : `${first} then ${res.status}`, body: await res.json() }
    await res.arrayBuffer()
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? 1)))
  }
}

async function killCheck (name, env) {
  const s = start(env)
  const url = await s.url
  check(url !== undefined, `${name}: the service starts`)
  if (url === undefined) return process.stdout.write(s.out.stderr)
  await evaluate(url)
  const answered = await killWhileAnswering(s, url, 400 + Math.floor(Math.random() * 400))
  const again = start(env)
  const url2 = await again.url
  check(url2 !== undefined, `${name}: it starts again on the same store after SIGKILL`)
  if (url2 === undefined) return process.stdout.write(again.out.stderr)
  const missing = []
  const statuses = {}
  for (const { id, digest } of answered) {
    const res = await readRecord(url2, id)
    statuses[res.status] = (statuses[res.status] ?? 0) + 1
    if (!res.status.endsWith('200') || res.body.answerDigest !== digest) missing.push(id)
  }
  check(answered.length > 0 && missing.length === 0, `${name}: every answer sent before SIGKILL has its record, with the digest of the body received, after the restart (${answered.length} answered, ${missing.length} without one; reads: ${JSON.stringify(statuses)})`)
  again.child.kill('SIGTERM')
  await again.exited
}

/** The embedded store's kill check alone, `n` times (`node scripts/records-check.mjs --embedded-kill 10`). */
async function embeddedKill () {
  const dataDir = mkdtempSync(join(tmpdir(), 'records-check-'))
  execFileSync(process.execPath, [join(root, 'dist', 'src', 'tools', 'db-migrate.js')], { env: { ...process.env, DATA_DIR: dataDir } })
  await killCheck('embedded', { DATA_DIR: dataDir })
  rmSync(dataDir, { recursive: true, force: true })
}

const repeat = process.argv[2] === '--embedded-kill' ? Number(process.argv[3] ?? 1) : 0
for (let i = 0; i < repeat; i++) await embeddedKill()
if (repeat > 0) finish()

const pg = await startPostgres()
try {
  // 1. Two processes, one database: both migrate at start (one waits for the other), each reads the other's records.
  const a = start({ DATABASE_URL: pg.url })
  const b = start({ DATABASE_URL: pg.url })
  const [urlA, urlB] = await Promise.all([a.url, b.url])
  check(urlA !== undefined && urlB !== undefined, 'two service processes start on one PostgreSQL database')
  if (urlA !== undefined && urlB !== undefined) {
    const answer = await (await evaluate(urlA)).json()
    const record = await fetch(`${urlB}/v1/decisions/${answer.decisionId}`, { headers: as('aud') })
    const body = await record.json()
    check(record.status === 200 && body.answer.decisionId === answer.decisionId && isDeepStrictEqual(body.facts, reference.facts), 'a decision answered by one process is read, with its facts, from the other')
    const review = await fetch(`${urlB}/v1/decisions/${answer.decisionId}/reviews`, { method: 'POST', headers: as('aud'), body: JSON.stringify({ sanction: answer.classification.recommended, articles: [], reviewer: 'R', reason: 'as proposed', decidedOn: '2026-01-01' }) })
    const stats = await (await fetch(`${urlA}/v1/stats/agreement`, { headers: as('aud') })).json()
    check(review.status === 201 && stats.reviewed === 1, 'a review recorded through one process counts in the other\'s statistics')
    const replay = await (await fetch(`${urlA}/v1/decisions/${answer.decisionId}/replay`, { method: 'POST', headers: { authorization: as('aud').authorization } })).json()
    check(replay.reproduced === true, `the decision replays with reproduced: true (${JSON.stringify(replay.differences ?? replay).slice(0, 300)})`)
    check(!/秘书长|在京老乡精英会/.test(a.out.stdout + b.out.stdout), 'no fact values in either log')
  }
  for (const s of [a, b]) s.child.kill('SIGTERM')
  await Promise.all([a.exited, b.exited])

  // 2. SIGKILL between the record and the answer, on each store.
  await killCheck('postgres', { DATABASE_URL: pg.url })
  await embeddedKill()

  // 3. Outside local mode, no DECISIONS_KEY: no start.
  const s = start({ DATABASE_URL: pg.url, DECISIONS_KEY: '' })
  const exit = await s.exited
  check(exit.code === 1 && /DECISIONS_KEY is required/.test(s.out.stderr), 'without DECISIONS_KEY (and not in local mode) the service refuses to start and says why')
} finally {
  pg.stop()
}

finish()
