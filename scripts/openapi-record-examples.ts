/**
 * The examples of the decision-record operations (issue #15), collected as the others are
 * (openapi-examples.ts): real answers of an app with an embedded store in a temporary directory,
 * with one recorded decision, its review and a replay. The ids, digests, times and cursors of a run
 * are replaced by fixed values so that the file is deterministic.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InjectOptions } from 'fastify'
import { buildApp } from '../src/app.js'
import type { LoadedRules } from '../src/domain/rules/load.js'
import { parseKeys } from '../src/domain/keys.js'
import { BUNDLED_RULES_DIR } from '../src/paths.js'
import { openDb, type Db } from '../src/records/db.js'
import { migrate } from '../src/records/migrations.js'
import { repositoryOn } from '../src/records/open.js'
import { parseDecisionsKeys } from '../src/records/cipher.js'
import { RecordsRepository } from '../src/records/repository.js'
import { readCase } from './openapi-example-cases.js'
import type { Collector } from './openapi-examples.js'

const KEYS = { caller: 'caller-example-key-0123456789', auditor: 'auditor-example-key-0123456789', ops: 'ops-example-key-0123456789abc' }
const KEYS_SPEC = `caller:evaluate:${KEYS.caller},auditor:audit+review:${KEYS.auditor},ops:admin:${KEYS.ops}`
const bearer = (key: string) => ({ authorization: `Bearer ${key}` })
const FIXED = { id: '00000000-0000-4000-8000-00000000000', digest: 'A'.repeat(43), time: '2026-01-01T00:00:00.000Z' }

/** The fields whose value changes from run to run, by name. */
const BY_KEY: Record<string, string> = { recordedAt: FIXED.time, evaluatedAt: FIXED.time, answerDigest: FIXED.digest, requestId: 'req-example', reviewId: FIXED.id + '1', next: 'cursor-example' }

/** Replaces every volatile string met so far (ids, digests, cursors) by its fixed stand-in, wherever it occurs. */
class Scrubber {
  private readonly volatile = new Map<string, string>()
  add (value: string, fixed: string): void { if (!this.volatile.has(value)) this.volatile.set(value, fixed) }
  id (value: string): void { this.add(value, FIXED.id + String(this.volatile.size % 10)) }
  readonly cut = (v: unknown): unknown => {
    let text = JSON.stringify(v)
    for (const [from, to] of this.volatile) text = text.split(from).join(to)
    return JSON.parse(text, (key, value) => typeof value !== 'string' ? value : BY_KEY[key] ?? value)
  }
}

/** A store whose every statement fails: the 500 a failing database gets. */
const refuse = async (): Promise<never> => { throw new Error('connection refused') }
const failingDb: Db = { kind: 'postgres', query: refuse, exec: refuse, transaction: refuse, close: refuse }

/** Every rules file of the bundled directory by path (the candidate of POST /admin/impact). */
function bundle (): Record<string, unknown> {
  const files = readdirSync(BUNDLED_RULES_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json') && !f.startsWith('cases') && !f.startsWith('schema'))
  return Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, f), 'utf8'))]))
}

export async function recordExamples (c: Collector, rules: LoadedRules, appWith: (rules: LoadedRules, options: Parameters<typeof buildApp>[0]) => ReturnType<typeof buildApp>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'records-example-'))
  const db = await openDb({ dataDir: dir })
  const keys = parseKeys([{ spec: KEYS_SPEC, source: 'example' }])
  const auth = { mode: 'keys' as const, keys }
  const cipher = parseDecisionsKeys('66'.repeat(32))
  try {
    await migrate(db)
    const repository = await repositoryOn(db, cipher, dir)
    const app = appWith(rules, { auth, records: { repository } })
    const off = appWith(rules, { auth })
    const failing = appWith(rules, { auth, records: { repository: new RecordsRepository(failingDb, cipher) } })
    const limited = appWith(rules, { auth, config: { RATE_LIMIT_MAX: 1 } })
    try {
      await examplesOn(c, { app, off, failing, limited })
    } finally {
      await Promise.all([app.close(), off.close(), failing.close(), limited.close()])
      await db.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

type App = ReturnType<typeof buildApp>
interface Apps { app: App, off: App, failing: App, limited: App }

async function examplesOn (c: Collector, apps: Apps): Promise<void> {
  const { app, off, failing } = apps
  const s = new Scrubber()
  const evaluated = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: readCase('reference-dong').request, headers: bearer(KEYS.caller) })
  const id = (evaluated.json() as { decisionId: string }).decisionId
  s.id(id)
  const one = `/v1/decisions/${id}`
  const as = (key: string, req: InjectOptions): InjectOptions => ({ ...req, headers: { ...req.headers, ...bearer(key) } })
  const answer = async (op: string, name: string, summary: string, status: number, req: InjectOptions, on = app) => await c.answer(on, op, name, summary, status, req, s.cut)
  const refusals = async (op: string, req: InjectOptions, scope: string, other: string, extra: Array<[string, string, number, InjectOptions, App?]>) => {
    await answer(op, 'unauthorized', 'No API key, or one the service does not know', 401, req)
    await answer(op, 'forbidden', `A key without the ${scope} scope`, 403, as(other, req))
    for (const [name, summary, status, r, on] of extra) await answer(op, name, summary, status, r, on)
  }
  const notOurs = `/v1/decisions/${FIXED.id}9`
  await answer('getDecision', 'audit', 'A record read with the audit scope: its facts, the answer\'s digest and summary, and the answer rebuilt by replay', 200, as(KEYS.auditor, { url: one }))
  await refusals('getDecision', { url: one }, 'audit or evaluate', KEYS.ops, [
    ['bad-id', 'Not a decision id', 400, as(KEYS.auditor, { url: '/v1/decisions/not-an-id' })],
    ['not-found', 'No such decision (or not the caller\'s own)', 404, as(KEYS.auditor, { url: notOurs })],
    ['store-unavailable', 'The decision store fails', 500, as(KEYS.auditor, { url: one }), failing]])
  await answer('listDecisions', 'newest', 'The newest records, one per page', 200, as(KEYS.auditor, { url: '/v1/decisions?limit=1' }))
  await refusals('listDecisions', { url: '/v1/decisions' }, 'audit or evaluate', KEYS.ops, [
    ['bad-cursor', 'A cursor this service did not give out', 400, as(KEYS.auditor, { url: '/v1/decisions?cursor=nonsense' })],
    ['records-off', 'An instance that keeps no records', 404, as(KEYS.auditor, { url: '/v1/decisions' }), off],
    ['store-unavailable', 'The decision store fails', 500, as(KEYS.auditor, { url: '/v1/decisions' }), failing]])
  const replay = { method: 'POST' as const, url: `${one}/replay` }
  await answer('replayDecision', 'reproduced', 'Replayed on its own rules revision (the same answer) and on the current one', 200, as(KEYS.auditor, replay))
  await refusals('replayDecision', replay, 'audit', KEYS.caller, [
    ['bad-id', 'Not a decision id', 400, as(KEYS.auditor, { ...replay, url: '/v1/decisions/x/replay' })],
    ['not-found', 'No such decision', 404, as(KEYS.auditor, { ...replay, url: `${notOurs}/replay` })],
    ['store-unavailable', 'The decision store fails', 500, as(KEYS.auditor, replay), failing]])
  await reviewExamples(c, s, answer, refusals, as, one, apps)
  await impactExamples(c, answer, refusals, as, apps)
}

type Answer = (op: string, name: string, summary: string, status: number, req: InjectOptions, on?: App) => Promise<unknown>
type Refusals = (op: string, req: InjectOptions, scope: string, other: string, extra: Array<[string, string, number, InjectOptions, App?]>) => Promise<void>
type As = (key: string, req: InjectOptions) => InjectOptions

async function reviewExamples (c: Collector, s: Scrubber, answer: Answer, refusals: Refusals, as: As, one: string, { app, off, failing }: Apps): Promise<void> {
  const review = { sanction: 'serious-warning', articles: [{ instrument: 'ccp-discipline-regulations', version: '2023', article: 80, paragraph: 1 }], reviewer: 'R. Reviewer', reason: 'As proposed: the conduct and its circumstances are as stated.', decidedOn: '2026-01-15' }
  c.request('reviewDecision', 'review', { summary: 'The sanction a person imposed, and on which articles', value: review })
  const post = (body: unknown): InjectOptions => ({ method: 'POST', url: `${one}/reviews`, payload: body as object })
  await c.answer(app, 'reviewDecision', 'created', 'The review recorded', 201, as(KEYS.auditor, post(review)), (v) => { s.add((v as { reviewId: string }).reviewId, BY_KEY.reviewId); return s.cut(v) })
  await refusals('reviewDecision', post(review), 'review', KEYS.caller, [
    ['validation-failed', 'A sanction that is not one of the codes', 400, as(KEYS.auditor, post({ ...review, sanction: 'reprimand' }))],
    ['not-found', 'No such decision', 404, as(KEYS.auditor, { ...post(review), url: `/v1/decisions/${FIXED.id}9/reviews` })],
    ['review-conflict', 'A second review that does not name the current one in `replaces`', 409, as(KEYS.auditor, post(review))],
    ['unknown-review', '`replaces` names no review of this decision', 422, as(KEYS.auditor, post({ ...review, replaces: `${FIXED.id}8` }))],
    ['store-unavailable', 'The decision store fails', 500, as(KEYS.auditor, post(review)), failing]])
  const stats = { url: '/v1/stats/agreement?from=2026-01-01&to=2026-12-31' }
  await answer('agreementStats', 'agreement', 'How often the imposed sanction equals the recommendation, lies inside the range, or outside it, per rule', 200, as(KEYS.auditor, stats))
  await refusals('agreementStats', stats, 'audit', KEYS.caller, [
    ['bad-date', 'A date that is not YYYY-MM-DD', 400, as(KEYS.auditor, { url: '/v1/stats/agreement?from=yesterday' })],
    ['records-off', 'An instance that keeps no records', 404, as(KEYS.auditor, stats), off],
    ['store-unavailable', 'The decision store fails', 500, as(KEYS.auditor, stats), failing]])
}

async function impactExamples (c: Collector, answer: Answer, refusals: Refusals, as: As, { limited }: Apps): Promise<void> {
  const files = bundle()
  const shown = { files: { 'index.json': files['index.json'], 'rulesets/association.json': '…' }, from: '2026-01-01T00:00:00Z' }
  c.request('measureRulesImpact', 'candidate', { summary: 'A candidate rules directory, every file by path (cut here to two; send them all)', value: shown })
  const post = (body: unknown): InjectOptions => ({ method: 'POST', url: '/admin/impact', payload: body as object })
  await answer('measureRulesImpact', 'unchanged', 'The rules in use as their own candidate: nothing changes', 200, as(KEYS.ops, post({ files })))
  const broken = { ...files }
  delete broken['sources.json']
  await refusals('measureRulesImpact', post({ files }), 'admin', KEYS.caller, [
    ['outside', 'A path outside the rules directory', 400, as(KEYS.ops, post({ files: { '../index.json': {} } }))],
    ['rules-rejected', 'A candidate that fails the checks of a rules directory', 422, as(KEYS.ops, post({ files: broken }))]])
  // (A body refused by its schema does not count against the budget: one refused by the rules checks does.)
  const small = as(KEYS.ops, post({ files: { 'index.json': {} } }))
  await limited.inject(small)
  await answer('measureRulesImpact', 'rate-limited', 'Over the client\'s budget (here RATE_LIMIT_MAX=1; see Retry-After)', 429, small, limited)
}
