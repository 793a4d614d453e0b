/**
 * The examples of openapi.yaml, taken from real answers: chosen golden cases (rules/cases) and
 * chosen mistakes are sent through buildApp with app.inject, and what the service answers is the
 * example. `npm run openapi` writes them to src/openapi-examples.json (the served spec reads them);
 * test/openapi.test.ts collects them again and fails when the committed file differs, so an example
 * cannot outlive a change of the answer, the rules or the problems.
 *
 * Volatile values are fixed so that the file is deterministic: the rules revision, decision ids
 * and timestamps (EXAMPLE_VALUES); the examples' description says so. The clause list is cut to
 * its first entries (it is over 100 kB); its summary says so.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify'
import { buildApp, type AppOptions } from '../src/app.js'
import { loadRules, type LoadedRules } from '../src/domain/rules/load.js'
import { parseKeys } from '../src/domain/keys.js'
import { BUNDLED_RULES_DIR } from '../src/paths.js'
import type { Example, ExampleSet } from '../src/examples.js'
import { readCase, exampleRequests, mistakes, type Shows } from './openapi-example-cases.js'
import { recordExamples } from './openapi-record-examples.js'


/** What stands for the values that change from run to run. */
export const EXAMPLE_VALUES = {
  revision: 'sha256:' + '0'.repeat(64),
  decisionId: '00000000-0000-4000-8000-000000000000',
  time: '2026-01-01T00:00:00.000Z'
}
const VOLATILE_NOTE = 'A real answer of the service, with its volatile values fixed: the rules revision (here sha256:000…), decisionId, the timestamps and a wait counting down.'
const CLAUSES_SHOWN = 2
const KEYS = { caller: 'caller-example-key-0123456789', ops: 'ops-example-key-0123456789abc' }
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })

/** The answer with its volatile values replaced (the revision also inside a problem's detail). */
function normalise (value: unknown, revision: string): unknown {
  // (How long a limited client waits counts down from the window: the example shows the whole window.)
  if (typeof value === 'string') return value.split(revision).join(EXAMPLE_VALUES.revision).replace(/retry in \d+ s/g, 'retry in 60 s')
  if (Array.isArray(value)) return value.map((v) => normalise(v, revision))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (k === 'decisionId') return [k, EXAMPLE_VALUES.decisionId]
    if (k === 'evaluatedAt' || k === 'loadedAt') return [k, EXAMPLE_VALUES.time]
    return [k, normalise(v, revision)]
  }))
}

export class Collector {
  readonly set: ExampleSet = {}
  constructor (private readonly revision: string) {}
  request (op: string, name: string, example: Example): void {
    ((this.set[op] ??= { responses: {} }).request ??= {})[name] = example
  }

  /** Sends the request; the answer must have the status expected, and becomes the example. */
  async answer (app: App, op: string, name: string, summary: string, status: number, request: InjectOptions, cut = (v: unknown) => v): Promise<unknown> {
    return this.record(op, name, summary, status, await app.inject(request), cut)
  }

  /** Sends a request whose answer must have the status expected, and records nothing (a 304 has no body to show). */
  async expect (app: App, op: string, name: string, status: number, request: InjectOptions): Promise<void> {
    expectStatus(op, name, status, await app.inject(request))
  }

  record (op: string, name: string, summary: string, status: number, res: Response, cut = (v: unknown) => v): unknown {
    expectStatus(op, name, status, res)
    const value = cut(normalise(res.json(), this.revision))
    const responses = (this.set[op] ??= { responses: {} }).responses
    ;(responses[status] ??= {})[name] = { summary, description: VOLATILE_NOTE, value }
    return value
  }
}

type App = ReturnType<typeof buildApp>

function expectStatus (op: string, name: string, status: number, res: Response): void {
  if (res.statusCode !== status) throw new Error(`${op} ${name}: expected ${status}, the service answered ${res.statusCode}: ${res.body.slice(0, 300)}`)
}

/** An evaluation answer must be of the kind its example stands for, or the example would mislabel it. */
export function assertShows (answer: { triggered: unknown[], undetermined: unknown[], findings: unknown[] }, kind: Shows, example: string): void {
  const [t, u, f] = [answer.triggered.length > 0, answer.undetermined.length > 0, answer.findings.length > 0]
  const ok = kind === 'triggered' ? t : kind === 'undetermined' ? !t && u : !t && !u && f
  if (!ok) throw new Error(`example ${example} no longer gives a ${kind} answer: choose another case`)
}

/** An app on the bundled rules (loaded once), open unless keys are given; load shedding off unless asked. */
function appWith (rules: LoadedRules, options: AppOptions = {}) {
  return buildApp({ rules, ...options, config: { MAX_EVENT_LOOP_DELAY_MS: 0, ...options.config } })
}

export async function collectExamples (): Promise<ExampleSet> {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  const c = new Collector(rules.revision)
  const open = appWith(rules)
  try {
    await answers(c, open, rules)
    await mistakesOf(c, open)
  } finally {
    await open.close()
  }
  await refusals(c, rules)
  await reloads(c, rules)
  await faults(c, rules)
  await recordExamples(c, rules, appWith)
  return c.set
}

/** The answers: evaluations of chosen golden cases, a batch, the reference routes, health. */
async function answers (c: Collector, app: ReturnType<typeof buildApp>, rules: LoadedRules): Promise<void> {
  for (const x of exampleRequests()) {
    c.request('evaluate', x.name, { summary: x.summary, description: x.description, value: x.request } satisfies Example)
    const answer = await c.answer(app, 'evaluate', x.name, x.summary, 200, { method: 'POST', url: '/v1/evaluations', payload: x.request })
    assertShows(answer as Parameters<typeof assertShows>[0], x.shows, `${x.name} (${x.description.split(':')[0]})`)
  }
  const batch = { cases: [readCase('speech-rumour-2015-12-31').request, mistakes.emptyConduct] }
  const batchSummary = 'Two cases: one evaluated (a finding), one refused on its own (no conduct item)'
  c.request('evaluateBatch', 'mixed', { summary: batchSummary, value: batch })
  await c.answer(app, 'evaluateBatch', 'mixed', batchSummary, 200, { method: 'POST', url: '/v1/evaluations/batch', payload: batch })
  await c.answer(app, 'listRuleSets', 'rule-sets', 'Every rule set loaded', 200, { url: '/v1/rulesets' })
  await c.answer(app, 'getRuleSet', 'association', 'The rule set on associations (the reference case\'s)', 200, { url: '/v1/rulesets/association' })
  const clause = [...rules.catalog.clauses.keys()][0]
  const cutClauses = (v: unknown) => ({ ...(v as object), clauses: (v as { clauses: unknown[] }).clauses.slice(0, CLAUSES_SHOWN) })
  await c.answer(app, 'listClauses', 'clauses', `The clause catalog (cut here to its first ${CLAUSES_SHOWN} entries; the service lists them all)`, 200, { url: '/v1/clauses' }, cutClauses)
  await c.answer(app, 'getClause', clause, `One clause with its dated versions (${clause})`, 200, { url: `/v1/clauses/${clause}` })
  await c.answer(app, 'getFactsSchema', 'facts', 'The JSON Schema of facts, with zh/en labels', 200, { url: '/v1/schema/facts' })
  await c.answer(app, 'health', 'ok', 'The process is alive', 200, { url: '/healthz' })
  await c.answer(app, 'ready', 'ready', 'Rules loaded: ready to answer', 200, { url: '/readyz' })
}

/** The caller's mistakes an open service refuses: 400, 404, 413, 415, 422. */
async function mistakesOf (c: Collector, app: App): Promise<void> {
  const post = (url: string, payload: unknown, headers = {}): InjectOptions => ({ method: 'POST', url, payload: payload as string, headers })
  await c.answer(app, 'evaluate', 'validation-failed', 'A field that does not match the schema, named by its JSON pointer', 400, post('/v1/evaluations', { facts: mistakes.emptyConduct.facts }))
  await c.answer(app, 'evaluate', 'malformed-json', 'A body that is not JSON', 400, post('/v1/evaluations', '{"facts":', { 'content-type': 'application/json' }))
  await c.answer(app, 'evaluateBatch', 'no-cases', 'A batch without cases', 400, post('/v1/evaluations/batch', { cases: [] }))
  await c.answer(app, 'evaluate', 'invalid-facts', 'Well-formed facts that contradict each other: conduct that ends after the decision date', 422, post('/v1/evaluations', mistakes.conductAfterDecision))
  await c.answer(app, 'evaluate', 'unsupported-media-type', 'A body sent as text/plain', 415, post('/v1/evaluations', 'facts', { 'content-type': 'text/plain' }))
  await c.answer(app, 'evaluateBatch', 'unsupported-media-type', 'A body sent as text/plain', 415, post('/v1/evaluations/batch', 'cases', { 'content-type': 'text/plain' }))
  const big = (bytes: number) => JSON.stringify({ facts: { padding: 'x'.repeat(bytes) } })
  await c.answer(app, 'evaluate', 'payload-too-large', 'A body over BODY_LIMIT (default 256 kB)', 413, post('/v1/evaluations', big(app.config.BODY_LIMIT), { 'content-type': 'application/json' }))
  await c.answer(app, 'evaluateBatch', 'payload-too-large', 'A body over BATCH_BODY_LIMIT (default 4 MB)', 413, post('/v1/evaluations/batch', big(app.config.BATCH_BODY_LIMIT), { 'content-type': 'application/json' }))
  await c.answer(app, 'getRuleSet', 'not-found', 'No rule set with this id', 404, { url: '/v1/rulesets/no-such-set' })
  await c.answer(app, 'getClause', 'not-found', 'No clause with this id', 404, { url: '/v1/clauses/no-such-clause' })
}

const KEYS_SPEC = `caller:evaluate:${KEYS.caller},ops:admin:${KEYS.ops}`
const EVALUATE = { method: 'POST' as const, url: '/v1/evaluations', payload: readCase('reference-dong').request }
const BATCH = { method: 'POST' as const, url: '/v1/evaluations/batch', payload: { cases: [EVALUATE.payload, EVALUATE.payload] } }
const RELOAD = { method: 'POST' as const, url: '/admin/reload' }
/** The protected, cacheable reference reads (src/routes/read-responses.ts), one request each. */
const READS = [['listRuleSets', { url: '/v1/rulesets' }], ['getRuleSet', { url: '/v1/rulesets/association' }], ['listClauses', { url: '/v1/clauses' }],
  ['getClause', { url: '/v1/clauses/ccp.association' }], ['getFactsSchema', { url: '/v1/schema/facts' }]] as const

/** With API keys: 401 and 403 for each protected operation, and a reload that succeeds. */
async function refusals (c: Collector, rules: LoadedRules): Promise<void> {
  const keys = parseKeys([{ spec: KEYS_SPEC, source: 'example' }])
  const app = appWith(rules, { auth: { mode: 'keys', keys, read: () => keys } })
  try {
    for (const [op, req, scope] of [['evaluate', EVALUATE, 'evaluate'], ['evaluateBatch', BATCH, 'evaluate'], ['reloadRules', RELOAD, 'admin']] as const) {
      await c.answer(app, op, 'unauthorized', 'No API key, or one the service does not know', 401, req)
      await c.answer(app, op, 'forbidden', `A key without the ${scope} scope`, 403, { ...req, headers: bearer(scope === 'admin' ? KEYS.caller : KEYS.ops) })
    }
    for (const [op, req] of READS) {
      await c.answer(app, op, 'unauthorized', 'No API key, or one the service does not know', 401, req)
      await c.answer(app, op, 'forbidden', 'A key without the evaluate scope', 403, { ...req, headers: bearer(KEYS.ops) })
      // The ETag of a first read, sent back in If-None-Match: 304 before the handler runs, with no body (so no example).
      const etag = (await app.inject({ ...req, headers: bearer(KEYS.caller) })).headers.etag as string
      await c.expect(app, op, 'not-modified', 304, { ...req, headers: { ...bearer(KEYS.caller), 'if-none-match': etag } })
    }
    await c.answer(app, 'reloadRules', 'reloaded', 'Keys and rules read again and swapped in', 200, { ...RELOAD, headers: bearer(KEYS.ops) })
  } finally {
    await app.close()
  }
  await rateLimited(c, rules)
}

/** A client over its budget (here RATE_LIMIT_MAX=1): 429. */
async function rateLimited (c: Collector, rules: LoadedRules): Promise<void> {
  const keys = parseKeys([{ spec: KEYS_SPEC, source: 'example' }])
  const app = appWith(rules, { auth: { mode: 'keys', keys, read: () => keys }, config: { RATE_LIMIT_MAX: 1 } })
  try {
    const over = 'Over the client\'s budget (here RATE_LIMIT_MAX=1; see Retry-After)'
    await app.inject({ ...RELOAD, headers: bearer(KEYS.ops) })
    await c.answer(app, 'reloadRules', 'rate-limited', over, 429, { ...RELOAD, headers: bearer(KEYS.ops) })
    await c.answer(app, 'evaluateBatch', 'rate-limited', 'A batch of N cases spends N of the client\'s budget (here RATE_LIMIT_MAX=1)', 429, { ...BATCH, headers: bearer(KEYS.caller) })
    await app.inject({ ...EVALUATE, headers: bearer(KEYS.caller) })
    await c.answer(app, 'evaluate', 'rate-limited', over, 429, { ...EVALUATE, headers: bearer(KEYS.caller) })
    // The reads have no client budget: only an address that has spent its refused-request budget (one 401 here) gets 429.
    await c.expect(app, 'listRuleSets', 'unauthorized', 401, READS[0][1])
    for (const [op, req] of READS) {
      await c.answer(app, op, 'rate-limited', 'Over the address\'s budget of refused requests (here RATE_LIMIT_MAX=1; see Retry-After)', 429, req)
      await c.expect(app, op, 'still-served', 200, { ...req, headers: bearer(KEYS.caller) })
    }
  } finally {
    await app.close()
  }
}

/** POST /admin/reload refused: a keys file that does not parse; a rules directory missing a listed file. */
async function reloads (c: Collector, rules: LoadedRules): Promise<void> {
  const keysFile = 'API_KEYS_FILE /run/secrets/api-keys'
  const keys = parseKeys([{ spec: KEYS_SPEC, source: 'example' }])
  const badKeys = appWith(rules, { auth: { mode: 'keys', keys, read: () => parseKeys([{ spec: 'ops:admin:too-short', source: keysFile }]) } })
  try {
    await c.answer(badKeys, 'reloadRules', 'keys-rejected', 'A new keys file that does not parse: the previous keys keep serving', 422, { ...RELOAD, headers: bearer(KEYS.ops) })
  } finally {
    await badKeys.close()
  }
  const dir = mkdtempSync(join(tmpdir(), 'rules-example-'))
  cpSync(BUNDLED_RULES_DIR, dir, { recursive: true })
  const app = appWith(rules, { config: { RULES_DIR: dir } })
  try {
    rmSync(join(dir, 'rulesets', 'speech.json'))
    await c.answer(app, 'reloadRules', 'rules-rejected', 'A rules directory that fails its checks: the previous rules keep serving', 422, { method: 'POST', url: '/admin/reload' })
  } finally {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Faults the service answers for: an internal error (500), and load shed while the event loop is saturated (503). */
async function faults (c: Collector, rules: LoadedRules): Promise<void> {
  // A rules object that fails the first time an evaluation looks a conduct type up: the 500 any unexpected error gets.
  const broken: LoadedRules = { ...rules, byConductType: new Proxy(rules.byConductType, { get: () => { throw new Error('example fault') } }) }
  const failing = appWith(broken)
  try {
    for (const [op, req] of [['evaluate', EVALUATE], ['evaluateBatch', BATCH]] as const) {
      await c.answer(failing, op, 'internal-error', 'An unexpected failure: nothing of it is told but the request id', 500, req)
    }
  } finally {
    await failing.close()
  }
  const busy = appWith(rules, { config: { MAX_EVENT_LOOP_DELAY_MS: 10 } })
  try {
    await busy.ready()
    for (const [op, req] of [['evaluate', EVALUATE], ['evaluateBatch', BATCH], ...READS] as const) {
      c.record(op, 'overloaded', 'Shed while the event loop is saturated (MAX_EVENT_LOOP_DELAY_MS); see Retry-After', 503, await saturate(busy, req))
    }
  } finally {
    await busy.close()
  }
}

/** Blocks the event loop until the load shedder refuses the request (as under real overload), or 5 s have passed. */
async function saturate (app: App, request: InjectOptions): Promise<Response> {
  let res: Response
  const until = Date.now() + 5000
  do {
    for (const end = Date.now() + 120; Date.now() < end;) { /* busy: what an overloaded replica looks like */ }
    await new Promise((resolve) => setTimeout(resolve, 5))
    res = await app.inject(request)
  /* c8 ignore next -- the time bound is reached only if load shedding is broken; record() then names the status it got */
  } while (res.statusCode !== 503 && Date.now() < until)
  return res
}
