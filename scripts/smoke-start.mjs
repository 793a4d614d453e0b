#!/usr/bin/env node
/**
 * Checks that need a real process (run by `npm test` after the build): the compiled server starts,
 * answers, keeps facts out of its info-level log, stops with exit code 0 on SIGTERM while finishing
 * the requests in flight, reloads its rules on SIGHUP (and keeps serving when the new ones are
 * broken), refuses to start without API keys unless told to run open, and refuses to start on a
 * broken rules directory or a bad configuration, saying why. Prints "N passed, M failed".
 */
import { mkdtempSync, writeFileSync, readFileSync, cpSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root, checker, start, waitFor, withTimeout } from './lib/process.mjs'

const reference = JSON.parse(readFileSync(join(root, 'rules', 'cases', 'reference-dong.json'), 'utf8'))
const { check, finish } = checker()

// 1. Start, answer, stay quiet about facts, stop cleanly.
{
  const t0 = Date.now()
  const s = start({})
  const url = await waitFor(() => /listening at (http:\/\/[^"\s]+)/.exec(s.out.stdout)?.[1], 10000)
  check(url !== undefined, `the server starts and listens (${Date.now() - t0} ms)`)
  if (url !== undefined) {
    const ready = await fetch(`${url}/readyz`)
    check(ready.status === 200 && (await ready.json()).rulesRevision.startsWith('sha256:'), '/readyz answers 200 with the rules revision')
    const res = await fetch(`${url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(reference.request) })
    const body = await res.json()
    check(res.status === 200 && body.triggered[0]?.ruleId === reference.expect.triggered[0].ruleId, 'the reference case evaluates')
    const bad = await fetch(`${url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"facts": "秘书长在京老乡精英会' })
    check(bad.status === 400, 'malformed JSON is a 400')
    const log = s.out.stdout
    check(!/秘书长|在京老乡精英会|memberCount|officeTitle/.test(log), 'no fact values in the info-level log')
    check(/"reqId"/.test(log), 'requests are logged with their id')
    const stopAt = Date.now()
    s.child.kill('SIGTERM')
    const exit = await withTimeout(s.exited, 10000)
    check(exit !== 'timeout' && exit.code === 0, `SIGTERM stops it with exit code 0 (${Date.now() - stopAt} ms; got ${JSON.stringify(exit)})`)
  }
  s.child.kill('SIGKILL')
}

// 2. A broken rules directory stops start-up with the file and the problem.
{
  const dir = mkdtempSync(join(tmpdir(), 'rules-'))
  cpSync(join(root, 'rules'), dir, { recursive: true })
  const file = join(dir, 'rulesets', 'association.json')
  const set = JSON.parse(readFileSync(file, 'utf8'))
  set.rules[0].clause = 'ccp.no-such-clause'
  writeFileSync(file, JSON.stringify(set))
  const s = start({ RULES_DIR: dir })
  const exit = await withTimeout(s.exited, 10000)
  check(exit !== 'timeout' && exit.code === 1, 'a broken rule set stops start-up (exit 1)')
  check(/rulesets\/association\.json \/rules\/0\/clause: clause 'ccp\.no-such-clause' is not in the catalog/.test(s.out.stderr), 'the message names the file, the pointer and the problem')
  s.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}

// 3. A bad configuration value stops start-up with the variable named.
{
  const s = start({ PORT: 'eighty' })
  const exit = await withTimeout(s.exited, 10000)
  check(exit !== 'timeout' && exit.code === 1 && /PORT: expected a whole number/.test(s.out.stderr), 'a bad PORT stops start-up and says so')
  s.child.kill('SIGKILL')
}

// 4. Without API keys and without ALLOW_UNAUTHENTICATED the service refuses to start.
{
  const s = start({ ALLOW_UNAUTHENTICATED: '' })
  const exit = await withTimeout(s.exited, 10000)
  check(exit !== 'timeout' && exit.code === 1 && /no API keys configured/.test(s.out.stderr), 'no keys and not told to run open: start-up refused')
  s.child.kill('SIGKILL')
}

// 5. With keys: 401 without one, 200 with one; SIGHUP reloads good rules and rejects broken ones;
//    SIGTERM with requests in flight finishes them and exits 0.
{
  const dir = mkdtempSync(join(tmpdir(), 'rules-'))
  cpSync(join(root, 'rules'), dir, { recursive: true })
  const key = 'smoke-test-key-0123456789'
  // The rate budget is set out of the way: eight batches of 100 spend 800 units, more than the default
  // 600 a minute, and this check is about draining, not about the limiter (test/ops/limits.test.ts).
  const s = start({ ALLOW_UNAUTHENTICATED: '', API_KEYS: `smoke:evaluate+admin:${key}`, RULES_DIR: dir, RATE_LIMIT_MAX: '100000' })
  const url = await waitFor(() => /listening at (http:\/\/[^"\s]+)/.exec(s.out.stdout)?.[1], 10000)
  check(url !== undefined, 'the server starts with API keys')
  if (url !== undefined) {
    const post = (body, headers = {}) => fetch(`${url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
    const auth = { authorization: `Bearer ${key}` }
    check((await post(reference.request)).status === 401, 'an unauthenticated evaluation is refused (401)')
    check((await post(reference.request, auth)).status === 200, 'an authenticated evaluation succeeds')
    check(!s.out.stdout.includes(key), 'the key never appears in the log')
    const revision = async () => (await (await fetch(`${url}/readyz`)).json()).rulesRevision
    const before = await revision()
    const file = join(dir, 'rulesets', 'association.json')
    const set = JSON.parse(readFileSync(file, 'utf8'))
    set.rules[0].title.en += ' (revised)'
    writeFileSync(file, JSON.stringify(set))
    s.child.kill('SIGHUP')
    let after = before
    for (const until = Date.now() + 5000; after === before && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      after = await revision()
    }
    check(after !== before, 'SIGHUP reloads the rules: /readyz reports the new revision')
    set.rules[0].clause = 'ccp.no-such-clause'
    writeFileSync(file, JSON.stringify(set))
    s.child.kill('SIGHUP')
    const rejected = await waitFor(() => /rules reload rejected/.test(s.out.stdout), 5000)
    check(rejected === true && await revision() === after, 'a broken rule set is rejected on SIGHUP and the previous rules keep serving')

    const batch = { cases: Array.from({ length: 100 }, () => reference.request) }
    const inFlight = Array.from({ length: 8 }, () => fetch(`${url}/v1/evaluations/batch`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(batch) })
      .then((r) => r.status, (e) => `error: ${e.message}`))
    await waitFor(() => (s.out.stdout.match(/"url":"\/v1\/evaluations\/batch"/g) ?? []).length >= 1, 5000)
    const stopAt = Date.now()
    s.child.kill('SIGTERM')
    const statuses = await Promise.all(inFlight)
    const exit = await withTimeout(s.exited, 10000)
    const finished = statuses.filter((x) => x === 200).length
    const refused = statuses.filter((x) => x !== 200)
    // Every batch request the server had taken in before the signal (logged as incoming before it
    // logged the shutdown) got its complete answer, 200; those that came after got 503 (draining).
    const log = s.out.stdout.split('\n')
    const signalAt = log.findIndex((l) => l.includes('shutting down: finishing requests in flight'))
    const accepted = log.slice(0, signalAt).filter((l) => l.includes('"msg":"incoming request"') && l.includes('/v1/evaluations/batch')).length
    check(finished >= 1 && accepted === finished, `requests in flight at SIGTERM finish (${accepted} taken in before the signal, ${finished} answered 200, of ${statuses.length} sent)`)
    check(refused.every((x) => x === 503 || String(x).startsWith('error')), `requests after SIGTERM are refused, not half-answered (${JSON.stringify(refused)})`)
    check(exit !== 'timeout' && exit.code === 0, `then it exits with code 0 (${Date.now() - stopAt} ms)`)
  }
  s.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
}

finish()
