/**
 * The client against a real service: starts the compiled server (`node dist/src/server.js`, so run
 * `npm run build` first; `npm run client:test` does) on a free port with two API keys, one per scope,
 * and calls every operation of openapi.yaml through the client. A middleware records each operation
 * the client actually sent; the last test fails when openapi.yaml has an operation no test called.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { answeredBy, createDisciplineRulesClient, type DisciplineRulesClient, type Schemas } from '../src/index.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const SERVER = join(ROOT, 'dist', 'src', 'server.js')
const SPEC_TEXT = readFileSync(join(ROOT, 'openapi.yaml'), 'utf8')
const reference = JSON.parse(readFileSync(join(ROOT, 'rules', 'cases', 'reference-dong.json'), 'utf8')) as {
  request: Schemas['EvaluationRequest']
  expect: { triggered: Array<{ ruleId: string }>, classification: { status: string, recommended: string } }
}
const EVALUATE_KEY = `caller-${'e'.repeat(24)}`
const ADMIN_KEY = `operator-${'a'.repeat(24)}`
const AUDIT_KEY = `auditor-${'r'.repeat(24)}`

/** Every operation of openapi.yaml as "METHOD /path/{param}", the form openapi-fetch reports as schemaPath. */
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'])
const specOperations = Object.entries<Record<string, unknown>>(parse(SPEC_TEXT).paths)
  .flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.has(m)).map((m) => `${m.toUpperCase()} ${path}`))
  .sort()

// The server runs on a copy of the rules, so that the reload tests can change them, and records its
// decisions in an embedded store of its own.
const rulesDir = mkdtempSync(join(tmpdir(), 'client-live-rules-'))
cpSync(join(ROOT, 'rules'), rulesDir, { recursive: true })
const dataDir = mkdtempSync(join(tmpdir(), 'client-live-data-'))
t.teardown(() => {
  rmSync(rulesDir, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

/** Operation -> statuses the client received for it. */
const called = new Map<string, number[]>()
const client = (baseUrl: string, apiKey?: string): DisciplineRulesClient => {
  const c = createDisciplineRulesClient({ baseUrl, apiKey })
  c.use({
    onResponse ({ request, response, schemaPath }) {
      const op = `${request.method} ${schemaPath}`
      called.set(op, [...(called.get(op) ?? []), response.status])
    }
  })
  return c
}
let caller: DisciplineRulesClient
let operator: DisciplineRulesClient
let anonymous: DisciplineRulesClient
let auditor: DisciplineRulesClient
t.before(async () => {
  const baseUrl = await startServer()
  caller = client(baseUrl, EVALUATE_KEY)
  operator = client(baseUrl, ADMIN_KEY)
  auditor = client(baseUrl, AUDIT_KEY)
  anonymous = client(baseUrl)
})

async function startServer (): Promise<string> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} not found: run npm run build first`)
  // The child is not run under tap's coverage: it runs compiled code, which the tap suite covers from source.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_OPTIONS|NODE_V8_COVERAGE|TAP|_TAPJS)/.test(k)))
  const child = spawn(process.execPath, [SERVER], {
    env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ALLOW_UNAUTHENTICATED: '', RULES_DIR: rulesDir, API_KEYS_FILE: '', API_KEYS: `caller:evaluate:${EVALUATE_KEY},operator:admin:${ADMIN_KEY},auditor:audit+review:${AUDIT_KEY}`, DATA_DIR: dataDir, DATABASE_URL: '', DECISIONS_KEY: '5a'.repeat(32) },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', (d) => { out += d })
  child.stderr.on('data', (d) => { out += d })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  t.teardown(async () => {
    child.kill('SIGTERM')
    await exited
  })
  // Creating the embedded decision store takes PGlite several seconds, more on a loaded machine.
  for (const until = Date.now() + 60000; Date.now() < until;) {
    const url = /listening at (http:\/\/[^"\s]+)/.exec(out)?.[1]
    if (url !== undefined) return url
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`the server did not start (exit ${child.exitCode}, signal ${child.signalCode}):\n${out}`)
}

t.test('operations: health, readiness and the OpenAPI document, without a key', async (t) => {
  const health = await anonymous.GET('/healthz')
  t.equal(health.data?.status, 'ok')
  const ready = await anonymous.GET('/readyz')
  t.match(ready.data?.rulesRevision, /^sha256:[0-9a-f]{64}$/)
  t.ok(ready.data?.ruleSets.includes('association'), 'the rule sets are loaded')
  const doc = await anonymous.GET('/openapi.yaml', { parseAs: 'text' })
  t.equal(doc.response.status, 200)
  t.equal(doc.data, SPEC_TEXT, 'the service serves the openapi.yaml this client was generated from')
})

t.test('POST /v1/evaluations: the reference case, and the problems a caller meets', async (t) => {
  const { data, error, response } = await caller.POST('/v1/evaluations', { body: reference.request, headers: { 'accept-language': 'en' } })
  t.equal(error, undefined)
  t.equal(response.headers.get('content-language'), 'en')
  t.same(data?.triggered.map((r) => r.ruleId), reference.expect.triggered.map((r) => r.ruleId), 'the triggered rules of the fixture')
  t.equal(data?.classification.status, reference.expect.classification.status)
  t.equal(data?.classification.recommended, reference.expect.classification.recommended)
  t.same(answeredBy(response), { serviceVersion: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, rulesRevision: data?.rulesRevision }, 'the version headers')

  const refused = await anonymous.POST('/v1/evaluations', { body: reference.request })
  t.equal(refused.response.status, 401)
  t.equal(answeredBy(refused.response).rulesRevision, data?.rulesRevision, 'a problem names the revision too')
  t.equal(refused.error?.type, 'urn:discipline-rules:problem:unauthorized', 'a typed problem body')
  t.equal(refused.data, undefined)

  const bad = await caller.POST('/v1/evaluations', { body: { ...reference.request, facts: { ...reference.request.facts, conduct: [] } } })
  t.equal(bad.response.status, 400)
  t.ok(bad.error?.errors?.some((e) => e.pointer.startsWith('/facts/conduct')), 'the bad field named by its JSON pointer')
})

t.test('POST /v1/evaluations/batch: one result per case, a bad case is a problem in its own result', async (t) => {
  const broken = { ...reference.request, facts: { ...reference.request.facts, subject: 'nobody' } } as unknown as Schemas['EvaluationRequest']
  const { data } = await caller.POST('/v1/evaluations/batch', { body: { cases: [reference.request, broken] } })
  t.same(data?.results.map((r) => [r.index, r.status]), [[0, 200], [1, 400]])
  t.equal(data?.results[0].evaluation?.triggered[0].ruleId, reference.expect.triggered[0].ruleId)
  t.ok(data?.results[1].problem?.errors?.some((e) => e.pointer.startsWith('/cases/1/facts/subject')), 'the problem points into the bad case')
})

t.test('rule sets, clauses and the facts schema', async (t) => {
  const list = await caller.GET('/v1/rulesets')
  const first = list.data?.ruleSets[0]
  t.ok(first, 'rule sets listed')
  const one = await caller.GET('/v1/rulesets/{id}', { params: { path: { id: first!.id } } })
  t.equal(one.data?.id, first!.id)
  t.equal(one.data?.rules.length, first!.rules, 'as many rules as the list says')
  const none = await caller.GET('/v1/rulesets/{id}', { params: { path: { id: 'no-such-set' } } })
  t.equal(none.error?.type, 'urn:discipline-rules:problem:not-found')

  const clauses = await caller.GET('/v1/clauses')
  t.equal(clauses.data?.rulesRevision, list.data?.rulesRevision, 'one rules revision')
  const clause = clauses.data!.clauses[0]
  const oneClause = await caller.GET('/v1/clauses/{id}', { params: { path: { id: clause.id } } })
  t.same(oneClause.data, clause, 'a clause reads the same alone as in the list')
  const noClause = await caller.GET('/v1/clauses/{id}', { params: { path: { id: 'ccp.no-such-clause' } } })
  t.equal(noClause.response.status, 404)

  const facts = await caller.GET('/v1/schema/facts')
  t.equal(facts.response.status, 200)
  t.match(facts.data, { $schema: /2020-12/, type: 'object' }, 'a JSON Schema document')
})

t.test('POST /admin/reload: the admin scope only; unchanged, reloaded, rejected', async (t) => {
  const forbidden = await caller.POST('/admin/reload')
  t.equal(forbidden.response.status, 403, 'the evaluate key lacks the admin scope')
  t.equal(forbidden.error?.type, 'urn:discipline-rules:problem:forbidden')

  const unchanged = await operator.POST('/admin/reload')
  t.equal(unchanged.data?.status, 'unchanged')
  const file = join(rulesDir, 'rulesets', 'association.json')
  const set = JSON.parse(readFileSync(file, 'utf8'))
  set.rules[0].title.en += ' (revised)'
  writeFileSync(file, JSON.stringify(set))
  const reloaded = await operator.POST('/admin/reload')
  t.equal(reloaded.data?.status, 'reloaded')
  t.equal(reloaded.data?.previousRevision, unchanged.data?.rulesRevision)
  t.not(reloaded.data?.rulesRevision, unchanged.data?.rulesRevision, 'a new revision')

  set.rules[0].clause = 'ccp.no-such-clause'
  writeFileSync(file, JSON.stringify(set))
  const rejected = await operator.POST('/admin/reload')
  t.equal(rejected.response.status, 422)
  t.equal(rejected.error?.type, 'urn:discipline-rules:problem:rules-rejected')
  t.ok(rejected.error?.errors?.some((e) => /no-such-clause/.test(e.detail)), 'the reason is given')
  t.equal((await anonymous.GET('/readyz')).data?.rulesRevision, reloaded.data?.rulesRevision, 'the previous rules keep serving')
})

t.test('decision records: read, listed, replayed, reviewed, agreement', async (t) => {
  const answer = (await caller.POST('/v1/evaluations', { body: reference.request, headers: { 'idempotency-key': 'client-live-1' } })).data!
  const again = await caller.POST('/v1/evaluations', { body: reference.request, headers: { 'idempotency-key': 'client-live-1' } })
  t.equal(again.data?.decisionId, answer.decisionId, 'the same Idempotency-Key and body: the recorded answer')
  const path = { decisionId: answer.decisionId }

  const own = await caller.GET('/v1/decisions/{decisionId}', { params: { path } })
  t.equal(own.data?.reproduced, true, 'the caller reads its own record: the answer rebuilt on its revision has the recorded digest')
  t.same(own.data?.answer, answer, 'and is the answer it received')
  t.equal(own.data?.facts, undefined, 'without the facts')
  const audited = await auditor.GET('/v1/decisions/{decisionId}', { params: { path } })
  t.same(audited.data?.facts, reference.request.facts, 'the audit scope reads the facts')
  const missing = await auditor.GET('/v1/decisions/{decisionId}', { params: { path: { decisionId: '00000000-0000-4000-8000-000000000000' } } })
  t.equal(missing.error?.type, 'urn:discipline-rules:problem:not-found')

  const list = await auditor.GET('/v1/decisions', { params: { query: { client: 'caller', ruleId: reference.expect.triggered[0].ruleId, limit: 10 } } })
  t.ok(list.data?.items.some((d) => d.decisionId === answer.decisionId), 'listed by client and rule')

  const forbidden = await caller.POST('/v1/decisions/{decisionId}/replay', { params: { path } })
  t.equal(forbidden.response.status, 403, 'replay needs the audit scope')
  const replay = await auditor.POST('/v1/decisions/{decisionId}/replay', { params: { path } })
  t.equal(replay.data?.reproduced, true, 'the recorded answer comes out again on its own revision')
  t.equal(replay.data?.recordedRevision, own.data?.rulesRevision)

  const review = { sanction: answer.classification.recommended ?? null, articles: [{ instrument: 'ccp-discipline-regulations', version: '2023', article: 80 }], reviewer: 'R. Reviewer', reason: 'as proposed', decidedOn: '2026-03-01' } as Schemas['ReviewRequest']
  const created = await auditor.POST('/v1/decisions/{decisionId}/reviews', { params: { path }, body: review })
  t.equal(created.response.status, 201)
  t.match(created.data, { decisionId: answer.decisionId, replaces: null })
  const stats = await auditor.GET('/v1/stats/agreement', { params: { query: { from: '1970-01-01', to: '9999-12-31' } } })
  t.ok((stats.data?.reviewed ?? 0) >= 1, 'the review counts in the agreement statistics')
})

t.test('POST /admin/impact: the bundled rules as a candidate (index, sources, conditions, catalog, rule sets) change no recorded decision', async (t) => {
  const dir = join(ROOT, 'rules')
  const files = Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /^((catalog|rulesets)\/)?[^/]+\.json$/.test(f)).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]))
  const forbidden = await caller.POST('/admin/impact', { body: { files } })
  t.equal(forbidden.response.status, 403, 'the evaluate key lacks the admin scope')
  const impact = await operator.POST('/admin/impact', { body: { files } })
  t.equal(impact.response.status, 200)
  t.ok((impact.data?.decisions.answers ?? 0) >= 1, 'the recorded decisions were replayed')
  t.equal(impact.data?.decisions.reproduced, impact.data?.decisions.answers, 'each on its own revision gives its recorded answer')
  t.equal(impact.data?.decisions.changed, 0, 'the bundled rules change none of them')
  t.equal(impact.data?.decisions.reviewed, 1, 'the review above is counted')
})

t.test('every operation of openapi.yaml was called through the client', async (t) => {
  t.ok(specOperations.length >= 11, `openapi.yaml lists ${specOperations.length} operations`)
  const missing = specOperations.filter((op) => !called.has(op))
  t.same(missing, [], 'no operation left out (add a call to this file for a new one)')
  t.same([...called.keys()].filter((op) => !specOperations.includes(op)), [], 'no call outside openapi.yaml')
  // 2xx: POST .../reviews creates, and answers 201.
  for (const op of specOperations) t.ok(called.get(op)?.some((status) => status >= 200 && status < 300), `${op} answered 2xx at least once`)
})
