import t from 'tap'
import { Writable } from 'node:stream'
import { buildApp } from '../helpers/app.js'
import { loggerOptions, REDACTED, SERVICE_NAME } from '../../src/logging.js'
import { parseKeys } from '../../src/domain/keys.js'
import { SERVICE_VERSION } from '../../src/version.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { referenceCase } from '../helpers/cases.js'

const KEY = 'logging-key-0123456789abcdef'
const keys = parseKeys([{ spec: `case-system:evaluate+admin:${KEY}`, source: 'test' }])
const reference = referenceCase().request

/**
 * Every string and number of a value as it would appear in a JSON log line ("秘书长", :400), and every
 * property name as a JSON key ("memberCount":): what must never reach a log.
 */
function leavesOf (value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(JSON.stringify(value))
  else if (typeof value === 'number') for (const before of ':,[') for (const after of ',]}') out.push(`${before}${value}${after}`)
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { if (!Array.isArray(value)) out.push(`${JSON.stringify(k)}:`); leavesOf(v, out) }
  }
  return out
}

t.test('at debug, with a careless line logging body and headers: no fact value, no fact key, no API key', async (t) => {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const app = buildApp({ auth: { mode: 'keys', keys }, logger: { ...loggerOptions({ LOG_LEVEL: 'debug' }), stream } })
  t.teardown(() => app.close())
  // What a future debugging session might add: the request as it came.
  app.addHook('preHandler', (request, _reply, done) => {
    request.log.debug({ body: request.body, headers: request.headers }, 'request as received')
    request.log.debug({ req: { headers: request.headers, body: request.body } }, 'the same, nested')
    request.log.debug(request.body as object, 'the body as the merging object')
    done()
  })
  const headers = { authorization: `Bearer ${KEY}` }
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference, headers })).statusCode, 200)
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [reference, reference] }, headers })).statusCode, 200)

  const text = JSON.stringify(lines)
  t.ok(lines.filter((l) => l.msg === 'request as received').length >= 2, 'the debug lines were written')
  t.match(text, REDACTED, 'the guard censored them')
  t.notMatch(text, KEY, 'no API key')
  const secrets = leavesOf(reference.facts)
  t.ok(secrets.includes('"秘书长"') && secrets.includes(':400,'), 'the fact values are checked')
  t.ok(secrets.includes('"memberCount":'), 'the fact keys are checked')
  const written = lines.map((l) => JSON.stringify(l)).join('\n')
  for (const secret of new Set(secrets)) t.notOk(written.includes(secret), `no ${secret} in any line`)
  for (const line of lines) {
    t.equal(line.service, SERVICE_NAME)
    t.equal(line.version, SERVICE_VERSION)
  }
})

t.test('build_info names the version, the rules revision (updated on reload) and Node', async (t) => {
  const files = bundledFiles()
  const dir = writeRules(t.testdir(), files)
  const app = buildApp({ config: { RULES_DIR: dir } })
  t.teardown(() => app.close())
  await app.ready()
  const info = (revision: string) => `build_info{version="${SERVICE_VERSION}",rules_revision="${revision}",node_version="${process.version}"} 1`
  const before = app.rules.revision
  t.match((await app.inject('/metrics')).body, info(before))
  files['rulesets/association.json'].rules[0].title.en = 'Changed'
  writeRules(dir, files)
  const after = (await app.inject({ method: 'POST', url: '/admin/reload' })).json().rulesRevision
  const metrics = (await app.inject('/metrics')).body
  t.match(metrics, info(after))
  t.notMatch(metrics, before, 'one series: the revision in use')
})
