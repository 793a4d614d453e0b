#!/usr/bin/env node
/**
 * Operator faults that need a real process (run by `npm test` after the build): start-up failures
 * name the variable and say what is wrong, in one line without a stack trace (numbers that are not
 * plain decimal integers, a missing or directory API_KEYS_FILE, keys that can never work, a port in
 * use, an invalid HOST, a missing RULES_DIR); a body over the limit gets a readable 413; and SIGTERM
 * with keep-alive clients sending all the time answers every request (200 before, 503 problem with
 * Connection: close after) without a reset connection; SIGHUP rotates the API keys from API_KEYS_FILE,
 * and a broken file keeps the previous keys with the reason in the log. Prints "N passed, M failed".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root, checker, start, withTimeout, listening, waitFor } from './lib/process.mjs'

const reference = JSON.parse(readFileSync(join(root, 'rules', 'cases', 'reference-dong.json'), 'utf8')).request
const { check, finish } = checker()

/**
 * Starts with env, expects exit 1 within 30 s and one stderr line matching `message`, with no stack.
 * (A HOST or PORT fault shows at listen, after the decision store has been opened: seconds with PGlite.)
 */
async function refused (env, message, what) {
  const s = start(env)
  const exit = await withTimeout(s.exited, 30000)
  s.child.kill('SIGKILL')
  const lines = s.out.stderr.trim().split('\n')
  const ok = exit !== 'timeout' && exit.code === 1 && lines.length === 1 && message.test(lines[0]) && !/\n\s+at /.test(s.out.stderr)
  check(ok, `${what}: ${ok ? lines[0] : JSON.stringify({ exit, stderr: s.out.stderr.slice(0, 300) })}`)
}

// 1. Start-up failures an operator can fix.
const dir = mkdtempSync(join(tmpdir(), 'ops-check-'))
try {
  await refused({ RATE_LIMIT_MAX: '1e6' }, /^discipline-rules: RATE_LIMIT_MAX: expected a whole number written in decimal digits, got '1e6'$/, 'RATE_LIMIT_MAX=1e6 is refused, not read as 1')
  await refused({ PORT: '0x10' }, /^discipline-rules: PORT: expected a whole number .* got '0x10'$/, 'PORT=0x10 is refused, not read as 16')
  await refused({ PORT: '3.5' }, /^discipline-rules: PORT: expected a whole number .* got '3\.5'$/, 'PORT=3.5 is refused, not read as 3')
  await refused({ API_KEYS_FILE: join(dir, 'missing.keys') }, /^discipline-rules: API_KEYS_FILE: cannot read '.*missing\.keys' \(ENOENT\)$/, 'a missing API_KEYS_FILE')
  await refused({ API_KEYS_FILE: dir }, /^discipline-rules: API_KEYS_FILE: '.*' is not a file$/, 'an API_KEYS_FILE that is a directory')
  await refused({ API_KEYS: 'ops:admin:correct horse battery staple' }, /^discipline-rules: API_KEYS, entry 1: a key must be printable ASCII without spaces/, 'a key with spaces')
  await refused({ API_KEYS: 'a:evaluate:same-secret-0123456789,b:admin:same-secret-0123456789' }, /^discipline-rules: API_KEYS, entry 2: client 'b' has the same key as client 'a'/, 'one secret for two clients')
  await refused({ RULES_DIR: join(dir, 'no-rules') }, /^discipline-rules: RULES_DIR: cannot read '.*no-rules' \(ENOENT\)$/, 'a missing RULES_DIR')
  await refused({ HOST: 'no-such-host.invalid' }, /^discipline-rules: HOST: 'no-such-host\.invalid' is not a valid address or known host name$/, 'an invalid HOST name')
  await refused({ HOST: '192.0.2.123' }, /^discipline-rules: HOST: '192\.0\.2\.123' is not an address of this machine$/, 'a HOST that is not this machine\'s')
  const blocker = createServer()
  await new Promise((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  await refused({ PORT: String(blocker.address().port) }, /^discipline-rules: PORT: 127\.0\.0\.1:\d+ is already in use$/, 'a port in use')
  blocker.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

// 2. A body over the limit: a readable 413 problem, not a reset connection.
{
  const s = start({ BODY_LIMIT: '65536' })
  const url = await listening(s)
  for (const size of [100_000, 8_000_000]) {
    const body = JSON.stringify({ ...reference, pad: 'x'.repeat(size) })
    const res = await fetch(`${url}/v1/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() }), (e) => ({ error: e.cause?.code ?? e.message }))
    check(res.status === 413 && /^application\/problem\+json/.test(res.type) && res.body.type === 'urn:discipline-rules:problem:payload-too-large', `a ${size}-byte body gets a 413 problem (${JSON.stringify(res).slice(0, 160)})`)
  }
  s.child.kill('SIGKILL')
}

// 3. SIGTERM with keep-alive clients that send all the time: no request meets a reset connection.
{
  const s = start({ SHUTDOWN_DRAIN_MS: process.env.DRAIN ?? '1000' })
  const url = new URL(await listening(s))
  const agent = new Agent({ keepAlive: true, maxSockets: 6 })
  const body = JSON.stringify(reference)
  const send = () => new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: '/v1/evaluations', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.on('data', (d) => { text += d })
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, type: res.headers['content-type'], text }))
    })
    req.on('error', (e) => resolve({ error: e.code ?? e.message }))
    req.end(body)
  })
  const results = []
  let signalled = false
  let stop = false
  // A well-behaved client: it sends until this replica says it is going (503) or is gone (refused).
  const client = async () => {
    while (!stop) {
      const result = { afterSignal: signalled, ...await send() }
      results.push(result)
      if (result.status === 503 || result.error !== undefined) return
    }
  }
  const clients = Array.from({ length: 6 }, client)
  await new Promise((resolve) => setTimeout(resolve, 500))
  signalled = true
  s.child.kill('SIGTERM')
  const exit = await withTimeout(s.exited, 10000)
  stop = true
  await Promise.all(clients)
  agent.destroy()
  const after = results.filter((r) => r.afterSignal)
  const resets = after.filter((r) => r.error !== undefined && r.error !== 'ECONNREFUSED')
  const shed = after.filter((r) => r.status === 503)
  const shedOk = shed.every((r) => r.connection === 'close' && /^application\/problem\+json/.test(r.type) && JSON.parse(r.text).type === 'urn:discipline-rules:problem:shutting-down')
  const answered = after.filter((r) => r.status === 200).length
  process.stdout.write(`# drain: ${results.length} requests, ${after.length} sent after SIGTERM: ${answered} answered 200, ${shed.length} got 503, ${after.filter((r) => r.error === 'ECONNREFUSED').length} refused (listener closed), ${resets.length} reset\n`)
  check(resets.length === 0, `no keep-alive request meets a reset connection after SIGTERM (${JSON.stringify(resets.slice(0, 3))})`)
  check(shed.length > 0 && shedOk, `requests that arrive while draining get a 503 problem with Connection: close (${shed.length})`)
  check(exit !== 'timeout' && exit.code === 0, `then the service exits 0 (${JSON.stringify(exit)})`)
  s.child.kill('SIGKILL')
}

// 4. Key rotation without a restart: SIGHUP re-reads API_KEYS_FILE; a broken file keeps the old keys.
{
  const dir = mkdtempSync(join(tmpdir(), 'ops-check-keys-'))
  const file = join(dir, 'keys')
  const OLD = 'rotate-old-0123456789abcdef'
  const NEW = 'rotate-new-0123456789abcdef'
  writeFileSync(file, `case-system:evaluate:${OLD}\n`)
  const s = start({ API_KEYS_FILE: file, ALLOW_UNAUTHENTICATED: 'false' })
  try {
    const url = await listening(s)
    const status = (key) => fetch(`${url}/v1/rulesets`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status)
    const hup = async (logged) => {
      s.child.kill('SIGHUP')
      return waitFor(() => logged.test(s.out.stdout), 5000)
    }
    check(await status(OLD) === 200 && await status(NEW) === 401, 'before the rotation: the old key works, the new one is refused')
    writeFileSync(file, `case-system:evaluate:${NEW}\n`)
    check(await hup(/"msg":"API keys reloaded"/) !== undefined, 'SIGHUP: the log says the keys were reloaded')
    check(await status(NEW) === 200 && await status(OLD) === 401, 'after SIGHUP: the new key works, the old one is refused')
    writeFileSync(file, `case-system:evaluate:${NEW}\nnot a key line\n`)
    const rejected = await hup(/"msg":"API keys reload rejected/)
    check(rejected !== undefined && /entry 2: expected client:scope/.test(s.out.stdout), `a broken file: the log says why (${(/.*API keys reload rejected.*/.exec(s.out.stdout) ?? [''])[0].slice(0, 240)})`)
    check(await status(NEW) === 200, 'and the previous keys keep working')
    check(!s.out.stdout.includes(NEW) && !s.out.stdout.includes(OLD), 'no key in the log')
  } finally {
    s.child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}

finish()
