#!/usr/bin/env node
/**
 * Faults under load (`npm run faults`; `--short` in `npm test`): starts the real service on a copy of the
 * rules directory, keeps keep-alive clients sending evaluations on loopback, and meanwhile
 *  1. breaks the copy in each way issue 14 names (a rule-set file deleted, a FIFO, a link to /dev/zero,
 *     a link to a directory, a link loop, a file over RULES_MAX_FILE_BYTES, an unlisted file), asks for
 *     a reload (POST /admin/reload and SIGHUP in turn), checks it is refused naming the file while the
 *     old rules keep serving, and restores the copy;
 *  2. leaves a FIFO in place, asks for one more reload and sends SIGTERM: every request is answered
 *     (200, or 503 with Connection: close while draining), none meets a reset, and the process exits 0
 *     within its bound.
 * Before that it checks that the service refuses to start on a copy with a rule-set file missing, in one
 * line naming the file. Prints requests sent, answered, failed and each refused reload with its reason.
 * Bounded in count and time; everything it creates is under one temporary directory, removed at the end.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root, checker, start, withTimeout, listening, waitFor } from './lib/process.mjs'

const short = process.argv.includes('--short')
const CLIENTS = short ? 4 : 16
const MAX_REQUESTS = short ? 3000 : 50000
const DEADLINE = Date.now() + (short ? 30000 : 120000)
const SET = 'rulesets/speech.json'
const { check, finish } = checker()
const work = mkdtempSync(join(tmpdir(), 'faults-'))
const rulesCopy = (name) => {
  const dir = join(work, name)
  cpSync(join(root, 'rules'), dir, { recursive: true, filter: (src) => !src.includes(`${join(root, 'rules', 'cases')}`) })
  return dir
}
const line = (text) => process.stdout.write(text + '\n')

try {
  // 0. A rule-set file missing at start-up: no start, one line naming the file.
  {
    const dir = rulesCopy('missing')
    rmSync(join(dir, SET))
    const s = start({ RULES_DIR: dir })
    const exit = await withTimeout(s.exited, 15000)
    s.child.kill('SIGKILL')
    const lines = s.out.stderr.trim().split('\n')
    check(exit?.code === 1 && lines.length === 1 && lines[0] === `discipline-rules: RULES_DIR: ${SET}: listed in index.json but missing`,
      `start-up with ${SET} missing is refused in one line: ${lines.join(' | ').slice(0, 200)}`)
  }

  const dir = rulesCopy('live')
  const maxBytes = 1024 * 1024
  const s = start({ RULES_DIR: dir, RULES_MAX_FILE_BYTES: String(maxBytes), RULES_RELOAD_TIMEOUT_MS: '5000', SHUTDOWN_TIMEOUT_MS: '8000', MAX_EVENT_LOOP_DELAY_MS: '0', RATE_LIMIT_MAX: '1000000' })
  const base = new URL(await listening(s, 20000))
  const revision = (await (await fetch(`${base}readyz`)).json()).rulesRevision

  // The load: keep-alive clients that send until told to stop, or until this replica says it is going.
  const body = JSON.stringify(JSON.parse(readFileSync(join(root, 'rules', 'cases', 'reference-dong.json'), 'utf8')).request)
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  const counts = { sent: 0, byStatus: {}, failed: {}, afterSignal: { sent: 0, ok: 0, shed: 0, refused: 0, reset: 0 }, wrongRevision: 0 }
  let signalled = false
  let stop = false
  const send = () => new Promise((resolve) => {
    const req = request({ host: base.hostname, port: base.port, path: '/v1/evaluations', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.on('data', (d) => { text += d })
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, text }))
    })
    req.on('error', (e) => resolve({ error: e.code ?? e.message }))
    req.end(body)
  })
  const client = async () => {
    while (!stop && counts.sent < MAX_REQUESTS && Date.now() < DEADLINE) {
      const after = signalled
      counts.sent++
      if (after) counts.afterSignal.sent++
      const r = await send()
      if (r.error !== undefined) {
        counts.failed[r.error] = (counts.failed[r.error] ?? 0) + 1
        if (after) counts.afterSignal[r.error === 'ECONNREFUSED' ? 'refused' : 'reset']++
        return
      }
      counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + 1
      if (r.status === 200 && JSON.parse(r.text).rulesRevision !== revision) counts.wrongRevision++
      if (after) counts.afterSignal[r.status === 200 ? 'ok' : 'shed']++
      if (r.status === 503) return
    }
  }
  const clients = Array.from({ length: CLIENTS }, client)

  // 1. Each file fault, under load, by POST /admin/reload and SIGHUP in turn.
  const target = join(dir, SET)
  const original = readFileSync(target)
  const faults = [
    ['rule-set file deleted', () => {}, 'listed in index.json but missing'],
    ['FIFO', () => execFileSync('mkfifo', [target]), 'not read: a FIFO, not a regular file'],
    ['link to /dev/zero', () => symlinkSync('/dev/zero', target), 'not read: a device, not a regular file'],
    ['link to a directory', () => symlinkSync(dir, target), 'not read: a directory, not a regular file'],
    ['link loop', () => symlinkSync(target, target), 'not read: a symbolic link loop'],
    ['file over RULES_MAX_FILE_BYTES', () => writeFileSync(target, ' '.repeat(maxBytes + 1)), `more than RULES_MAX_FILE_BYTES (${maxBytes})`],
    ['unlisted file', () => { writeFileSync(target, original); writeFileSync(join(dir, 'rulesets', 'extra.json'), '{}') }, 'not listed in index.json']
  ]
  const refusals = []
  for (const [i, [what, make, reason]] of faults.entries()) {
    rmSync(target, { force: true })
    make()
    const file = what === 'unlisted file' ? 'rulesets/extra.json' : SET
    let got
    // Each refusal is logged; a log line can come after the answer, so every reload waits for its own line.
    const rejected = () => s.out.stdout.split('\n').filter((l) => l.includes('rules reload rejected'))
    const before = rejected().length
    if (i % 2 === 0) {
      const res = await fetch(`${base}admin/reload`, { method: 'POST' })
      const problem = await res.json()
      got = { how: 'POST /admin/reload', status: res.status, type: res.headers.get('content-type'), reason: problem.errors?.map((e) => `${e.pointer} ${e.detail}`).join('; ') }
      await waitFor(() => rejected().length > before, 10000)
      check(res.status === 422 && /^application\/problem\+json/.test(got.type) && got.reason.includes(`${file}#`) && got.reason.includes(reason), `${what}: POST /admin/reload refused, 422 naming ${file}`)
    } else {
      s.child.kill('SIGHUP')
      const logged = await waitFor(() => rejected().length > before, 10000)
      const last = rejected().at(-1) ?? '{}'
      got = { how: 'SIGHUP', reason: JSON.parse(last).err?.message?.replace(/\s+/g, ' ').replace('rules failed to load: ', '') }
      check(logged === true && got.reason.includes(file) && got.reason.includes(reason), `${what}: SIGHUP refused, logged naming ${file}`)
    }
    refusals.push({ what, ...got })
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${s.child.pid}/status`, 'utf8'))?.[1] ?? 0)
    refusals.at(-1).rssMB = Math.round(rss / 1024)
    rmSync(target, { force: true })
    rmSync(join(dir, 'rulesets', 'extra.json'), { force: true })
    writeFileSync(target, original)
    const ready = await (await fetch(`${base}readyz`)).json()
    check(ready.rulesRevision === revision, `${what}: the previous rules keep serving`)
  }
  const restored = await (await fetch(`${base}admin/reload`, { method: 'POST' })).json()
  check(restored.status === 'unchanged', `restored: reload answers unchanged (${restored.status})`)

  // 2. A FIFO left in place, one more reload asked, then SIGTERM under the same load.
  rmSync(target)
  execFileSync('mkfifo', [target])
  s.child.kill('SIGHUP')
  await new Promise((resolve) => setTimeout(resolve, short ? 200 : 1000))
  signalled = true
  const termAt = Date.now()
  s.child.kill('SIGTERM')
  const exit = await withTimeout(s.exited, 12000)
  const tookMs = Date.now() - termAt
  stop = true
  await Promise.all(clients)
  agent.destroy()
  s.child.kill('SIGKILL')

  const answered = Object.values(counts.byStatus).reduce((a, b) => a + b, 0)
  const failed = Object.values(counts.failed).reduce((a, b) => a + b, 0)
  line(`# load: ${CLIENTS} keep-alive clients on loopback; requests sent ${counts.sent}, answered ${answered} ${JSON.stringify(counts.byStatus)}, failed ${failed} ${JSON.stringify(counts.failed)}`)
  line(`# every 200 on the revision loaded at start: ${counts.wrongRevision === 0 ? 'yes' : `no (${counts.wrongRevision})`}`)
  line(`# reloads refused (${refusals.length}):`)
  for (const r of refusals) line(`#   ${r.what} [${r.how}${r.status === undefined ? '' : ' ' + r.status}, rss ${r.rssMB} MB]: ${r.reason}`)
  line(`# SIGTERM with a FIFO in the rules and a reload asked: exit ${JSON.stringify(exit)} after ${tookMs} ms; after the signal ${counts.afterSignal.sent} sent, ${counts.afterSignal.ok} answered 200, ${counts.afterSignal.shed} got 503, ${counts.afterSignal.refused} refused (listener closed), ${counts.afterSignal.reset} reset`)
  check(counts.byStatus[500] === undefined && counts.wrongRevision === 0, 'no 500 and no answer on another revision during the faults')
  check(failed === counts.afterSignal.refused, 'no request failed except those refused after the listener closed')
  check(counts.afterSignal.reset === 0, 'no keep-alive request meets a reset connection after SIGTERM')
  check(exit !== 'timeout' && exit.code === 0 && tookMs < 8000, `the service exits 0 within SHUTDOWN_TIMEOUT_MS despite the FIFO (${tookMs} ms)`)
  check(refusals.every((r) => r.rssMB < 1024), `memory stays bounded (largest rss ${Math.max(...refusals.map((r) => r.rssMB))} MB)`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
finish()
