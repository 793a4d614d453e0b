import t, { type Test } from 'tap'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { buildApp } from '../helpers/app.js'
import { parseKeys } from '../../src/domain/keys.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'

const OLD = 'old-key-0123456789abcdef'
const NEW = 'new-key-0123456789abcdef'
const ADMIN = 'admin-key-0123456789abcdef'
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

async function setUp (t: Test) {
  const dir = t.testdir({ keys: `ops:admin:${ADMIN}\ncase-system:evaluate:${OLD}\n` })
  const file = join(dir, 'keys')
  const read = () => parseKeys([{ spec: readFileSync(file, 'utf8'), source: `API_KEYS_FILE ${file}` }])
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const rulesFiles = bundledFiles()
  const rulesDir = writeRules(join(dir, 'rules'), rulesFiles)
  const app = buildApp({ auth: { mode: 'keys', keys: read(), read }, config: { RULES_DIR: rulesDir }, logger: { level: 'info', stream } })
  t.teardown(() => app.close())
  await app.ready()
  const status = async (key: string) => (await app.inject({ url: '/v1/rulesets', headers: bearer(key) })).statusCode
  const reload = () => app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(ADMIN) })
  return { app, file, lines, status, reload, rulesDir, rulesFiles }
}

t.test('POST /admin/reload rotates the keys: the new one works, the removed one is refused', async (t) => {
  const { file, status, reload } = await setUp(t)
  t.equal(await status(OLD), 200)
  writeFileSync(file, `ops:admin:${ADMIN}\ncase-system:evaluate:${NEW}\n`)
  t.equal(await status(NEW), 401, 'nothing changes before the reload')
  const res = await reload()
  t.equal(res.statusCode, 200)
  t.match(res.json(), { status: 'unchanged', keys: { status: 'reloaded', clients: 2 } })
  t.equal(await status(NEW), 200, 'the new key works')
  t.equal(await status(OLD), 401, 'the removed key is refused')
})

t.test('a bad keys file is rejected whole: the previous keys keep working, and the answer and log say why', async (t) => {
  const { file, lines, status, reload, app } = await setUp(t)
  writeFileSync(file, `ops:admin:${ADMIN}\ncase-system:evaluate:${NEW}\nbroken line\n`)
  const res = await reload()
  t.equal(res.statusCode, 422)
  t.equal(res.json().type, 'urn:discipline-rules:problem:keys-rejected')
  t.match(res.json().detail, /API_KEYS_FILE .*keys, entry 3: expected client:scope\[\+scope\]:secret/)
  t.equal(await status(OLD), 200, 'the previous key still works')
  t.equal(await status(NEW), 401, 'no key of the rejected file was applied')
  t.match(lines.find((l) => l.level === 50), { msg: /API keys reload rejected; the previous keys keep working/, reason: /entry 3/ })
  t.notMatch(JSON.stringify(lines), NEW, 'the log never shows a key')

  writeFileSync(file, '# every key removed by mistake\n')
  t.match((await reload()).json(), { status: 422, detail: /hold no key/ })
  t.equal(await status(OLD), 200, 'an empty file does not lock every client out')
  t.match((await app.inject('/metrics')).body, /rules_reloads_total\{result="failure"\} 2/)
})

t.test('keys and rules are one reload: rejected rules leave the keys as they were', async (t) => {
  const { file, status, reload, rulesDir, rulesFiles } = await setUp(t)
  writeFileSync(file, `ops:admin:${ADMIN}\ncase-system:evaluate:${NEW}\n`)
  rulesFiles['rulesets/association.json'].rules[0].clause = 'ccp.no-such-clause'
  writeRules(rulesDir, rulesFiles)
  const res = await reload()
  t.equal(res.json().type, 'urn:discipline-rules:problem:rules-rejected')
  t.equal(await status(OLD), 200, 'the keys did not change either')
  t.equal(await status(NEW), 401)
})

t.test('running open, or keys without a source to re-read: the keys are static', async (t) => {
  const open = buildApp()
  t.teardown(() => open.close())
  t.match((await open.inject({ method: 'POST', url: '/admin/reload' })).json(), { keys: { status: 'static', clients: 0 } })
  const fixed = buildApp({ auth: { mode: 'keys', keys: parseKeys([{ spec: `ops:admin:${ADMIN}`, source: 'test' }]) } })
  t.teardown(() => fixed.close())
  t.match((await fixed.inject({ method: 'POST', url: '/admin/reload', headers: bearer(ADMIN) })).json(), { keys: { status: 'static', clients: 1 } })
})

t.test('a key source that fails unexpectedly: 500 without internals, keys unchanged', async (t) => {
  const keys = parseKeys([{ spec: `ops:admin:${ADMIN}`, source: 'test' }])
  const app = buildApp({ auth: { mode: 'keys', keys, read: () => { throw new Error('vault at /secret/path is down') } } })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(ADMIN) })
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /vault/)
  t.equal((await app.inject({ method: 'POST', url: '/admin/reload', headers: bearer(ADMIN) })).statusCode, 500, 'the admin key still works')
})
