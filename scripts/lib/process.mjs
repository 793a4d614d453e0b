/**
 * Helpers for the checks that need a real process (scripts/smoke-start.mjs, scripts/ops-check.mjs):
 * start the compiled server with an environment, wait for a condition, count checks.
 */
import { spawn, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const server = join(root, 'dist', 'src', 'server.js')

// Every server started here records decisions (src/records) in an embedded store of its own: a copy of
// one migrated beforehand, since creating one takes PGlite several seconds and two processes must never
// open one PGlite directory at once. All are removed when the script finishes.
const dataDirs = []
let template
function freshDataDir () {
  if (template === undefined) {
    template = mkdtempSync(join(tmpdir(), 'check-data-'))
    dataDirs.push(template)
    execFileSync(process.execPath, [join(root, 'dist', 'src', 'tools', 'db-migrate.js')], { env: { ...process.env, DATA_DIR: template, DATABASE_URL: '' } })
  }
  const dir = mkdtempSync(join(tmpdir(), 'check-data-'))
  cpSync(template, dir, { recursive: true })
  dataDirs.push(dir)
  return dir
}
process.on('exit', () => { for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true }) })

export function checker () {
  const counts = { passed: 0, failed: 0 }
  const check = (ok, what) => {
    if (ok) counts.passed++
    else counts.failed++
    process.stdout.write(`${ok ? 'ok' : 'not ok'} - ${what}\n`)
  }
  const finish = () => {
    process.stdout.write(`${counts.passed} passed, ${counts.failed} failed\n`)
    process.exit(counts.failed === 0 ? 0 : 1)
  }
  return { check, finish }
}

/** The compiled server with PORT=0, open (unless env says otherwise), logging at info, with its own decision store. */
export function start (env) {
  const child = spawn(process.execPath, [server], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ALLOW_UNAUTHENTICATED: 'true', DATA_DIR: freshDataDir(), DATABASE_URL: '', DECISIONS_KEY: '33'.repeat(32), ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const out = { stdout: '', stderr: '' }
  child.stdout.on('data', (d) => { out.stdout += d })
  child.stderr.on('data', (d) => { out.stderr += d })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, out, exited }
}

export async function waitFor (predicate, ms) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    const v = predicate()
    if (v) return v
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return undefined
}

export const withTimeout = (p, ms) => Promise.race([p, new Promise((resolve) => setTimeout(() => resolve('timeout'), ms))])

/** The URL the server says it listens at, once it does. */
export const listening = (s, ms = 10000) => waitFor(() => /listening at (http:\/\/[^"\s]+)/.exec(s.out.stdout)?.[1], ms)
