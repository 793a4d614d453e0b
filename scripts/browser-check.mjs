#!/usr/bin/env node
/**
 * Browser test of /docs (run by `npm test` after the build): headless Debian Chromium driven by
 * playwright-core opens the service's own Swagger UI, checks that it loads with no request to
 * another host, runs the documented example (the reference case) with "Try it out" → "Execute",
 * and checks that the page shows a 200 answer with the triggered rule, and that the documented
 * responses show their examples (a real answer, a real problem). Prints "N passed, M failed".
 * Without /usr/bin/chromium (CI installs Debian's package) it says so and exits 0 having run nothing.
 */
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, networkInterfaces } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(CHROMIUM)) {
  process.stdout.write(`browser check skipped: ${CHROMIUM} is not installed (apt-get install chromium; .ci/run does)\n`)
  process.exit(0)
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let passed = 0
let failed = 0
const check = (ok, what) => {
  if (ok) passed++
  else failed++
  process.stdout.write(`${ok ? 'ok' : 'not ok'} - ${what}\n`)
}

// Its own embedded decision store, created beforehand (creating one takes PGlite several seconds).
const dataDir = mkdtempSync(join(tmpdir(), 'browser-data-'))
execFileSync(process.execPath, [join(root, 'dist', 'src', 'tools', 'db-migrate.js')], { env: { ...process.env, DATA_DIR: dataDir } })
// Bound to every address, so that the page can also be opened by a non-loopback address over plain
// http: a browser treats 127.0.0.1 as secure, which once hid a CSP that upgraded the page's own assets
// to https (a blank page on any other host).
const external = Object.values(networkInterfaces()).flat().find((a) => a.family === 'IPv4' && !a.internal)?.address
const server = spawn(process.execPath, [join(root, 'dist', 'src', 'server.js')], { env: { ...process.env, PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'info', ALLOW_UNAUTHENTICATED: 'true', DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
let out = ''
server.stdout.on('data', (d) => { out += d })
const profile = mkdtempSync(join(tmpdir(), 'chromium-'))
let browser
try {
  const until = Date.now() + 15000
  let base
  while (base === undefined && Date.now() < until) {
    base = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
    if (base === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  if (base === undefined) throw new Error('the server did not start')

  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const page = await browser.newPage()
  const foreign = []
  page.on('request', (req) => { if (!req.url().startsWith(base) && !req.url().startsWith('data:')) foreign.push(req.url()) })
  const errors = []
  page.on('pageerror', (err) => errors.push(err.message))

  const res = await page.goto(`${base}/docs/`, { waitUntil: 'networkidle', timeout: 20000 })
  check(res?.status() === 200, '/docs loads (200)')
  const op = page.locator('#operations-evaluations-evaluate')
  await op.waitFor({ timeout: 15000 })
  check(await page.locator('.info .title').innerText().then((s) => s.includes('discipline-rules')), 'the page shows the API title')
  await op.locator('.opblock-summary').click()
  // tryItOutEnabled puts the operation in edit mode already; click "Try it out" only if it is not.
  const tryOut = op.locator('button.try-out__btn')
  if ((await tryOut.innerText()).includes('Try it out')) await tryOut.click()
  const body = await op.locator('textarea.body-param__text').inputValue({ timeout: 10000 })
  check(body.includes('在京老乡精英会'), 'the example request is the reference case')
  // The documented answers are real ones (openapi.yaml's examples): the answer to the reference case, and a problem.
  const documented = (code) => op.locator(`table.responses-table:not(.live-responses-table) tr.response[data-code="${code}"]`).innerText({ timeout: 10000 })
  check((await documented(200)).includes('association.leading-cadre-unregistered'), 'the page shows the example answer of the reference case (200)')
  check((await documented(422)).includes('urn:discipline-rules:problem:invalid-facts'), 'the page shows the example problem of a 422')
  await op.locator('button.execute').click()
  const live = op.locator('.live-responses-table .response .response-col_status')
  await live.first().waitFor({ timeout: 15000 })
  const status = (await live.first().innerText()).trim()
  check(status.startsWith('200'), `the example request succeeds from the page (status ${status})`)
  const shown = await op.locator('.live-responses-table .response .microlight').first().innerText()
  check(shown.includes('association.leading-cadre-unregistered') && shown.includes('第六十八条'), 'the answer on the page names the triggered rule and the article')
  check(foreign.length === 0, `no request left the service (${foreign.length} foreign: ${foreign.slice(0, 3).join(', ')})`)
  check(errors.length === 0, `no script errors on the page (${errors.slice(0, 3).join('; ')})`)

  if (external === undefined) {
    process.stdout.write('# no non-loopback IPv4 address here: the plain-http check by another host is skipped\n')
  } else {
    const other = `http://${external}:${new URL(base).port}`
    const page2 = await browser.newPage()
    const blocked = []
    page2.on('console', (msg) => { if (/Mixed Content|upgrade/i.test(msg.text())) blocked.push(msg.text()) })
    page2.on('requestfailed', (req) => blocked.push(`${req.url()}: ${req.failure()?.errorText}`))
    await page2.goto(`${other}/docs/`, { waitUntil: 'networkidle', timeout: 20000 })
    const shown = await page2.locator('#operations-evaluations-evaluate').waitFor({ timeout: 15000 }).then(() => true, () => false)
    check(shown && blocked.length === 0, `/docs renders over plain http at ${other}, not only on 127.0.0.1 (${blocked.slice(0, 2).join('; ')})`)
  }
} catch (err) {
  check(false, `browser check ran to the end (${err.message})`)
} finally {
  await browser?.close()
  server.kill('SIGTERM')
  rmSync(profile, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}
process.stdout.write(`${passed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
