import t, { type Test } from 'tap'
import { mkdtempSync, rmSync } from 'node:fs'
import { Writable } from 'node:stream'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
import { summaryOf } from '../../src/records/impact.js'
import { buildApp } from '../../src/app.js'
import { parseKeys } from '../../src/domain/keys.js'
import type { Db } from '../../src/records/db.js'
import type { RecordsRepository } from '../../src/records/repository.js'
import { referenceCase } from '../helpers/cases.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { onEachBackend } from '../helpers/stores.js'

// Two real stores (the embedded one takes seconds to open) and a PostgreSQL server started for this file.
t.setTimeout(300_000)

const reference = referenceCase().request as any
const KEYS = parseKeys([{ spec: 'alice:evaluate:alice-key-0123456789,bob:evaluate:bob-key-0123456789,aud:audit:audit-key-0123456789,rev:review:review-key-0123456789', source: 'test' }])
const as = (client: string) => ({ authorization: `Bearer ${client}-key-0123456789` })
const audit = as('audit')

function appOn (t: Test, repository: RecordsRepository, rulesDir?: string) {
  const lines: any[] = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const app = buildApp({ config: { DECISION_RETENTION_DAYS: 30, MAX_EVENT_LOOP_DELAY_MS: 0, ...(rulesDir !== undefined ? { RULES_DIR: rulesDir } : {}) }, auth: { mode: 'keys', keys: KEYS }, records: { repository }, logger: { level: 'info', stream } })
  return { app, lines }
}
const evaluateAs = (app: ReturnType<typeof buildApp>, client: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/v1/evaluations', payload: payload as object, headers: { ...as(client), ...headers } })

onEachBackend(t, async (t, db: Db, repository) => {
  const { app, lines } = appOn(t, repository)
  t.teardown(() => app.close())
  await app.ready()

  t.test('each evaluation is recorded before it is answered, and read back by id', async (t) => {
    const res = await evaluateAs(app, 'alice', reference)
    t.equal(res.statusCode, 200)
    const answer = res.json()
    const stored = await repository.getDecision(answer.decisionId)
    t.equal(stored?.digest, createHash('sha256').update(res.body).digest('base64url'), 'the record holds the digest of the answer as sent')
    t.same(stored?.summary, summaryOf(answer), 'and its summary')
    t.equal((await repository.db.query<{ answer: string | null }>('select answer from decisions where decision_id = $1', [answer.decisionId]))[0].answer, null, 'not the answer itself')
    t.same(stored?.facts, reference.facts)
    const byAudit = await app.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: audit })
    t.equal(byAudit.statusCode, 200)
    t.same(byAudit.json().facts, reference.facts, 'audit reads the facts')
    t.match(byAudit.json(), { client: 'alice', rulesRevision: app.rules.revision, reproduced: true, answerDigest: stored?.digest, summary: stored?.summary })
    t.same(byAudit.json().answer, answer, 'the answer, rebuilt by replay on the recorded revision, is the one sent')
    const own = await app.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: as('alice') })
    t.equal(own.statusCode, 200)
    t.notOk('facts' in own.json(), 'the caller reads its own decision without the facts')
    t.same(own.json().answer, answer, 'with the answer')
    await repository.db.query("update decisions set answer_digest = 'x' where decision_id = $1", [answer.decisionId])
    const altered = (await app.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: audit })).json()
    t.match(altered, { reproduced: false, summary: stored?.summary }, 'an answer that does not come out again is not shown as the recorded one')
    t.notOk('answer' in altered)
    const replayed = (await app.inject({ method: 'POST', url: `/v1/decisions/${answer.decisionId}/replay`, headers: audit })).json()
    t.match(replayed, { reproduced: false, differences: [] }, 'replay says so too; the summary itself did not change')
    await repository.db.query('update decisions set answer_digest = $2 where decision_id = $1', [answer.decisionId, stored?.digest])
    t.equal((await app.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: as('bob') })).statusCode, 404, 'not someone else\'s')
    t.equal((await app.inject({ url: `/v1/decisions/${randomUUID()}`, headers: audit })).statusCode, 404)
    t.equal((await app.inject({ url: '/v1/decisions/not-an-id', headers: audit })).statusCode, 400)
    t.equal((await app.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: as('review') })).statusCode, 403)
  })

  t.test('every evaluated case of a batch is recorded; a rejected case is not', async (t) => {
    const res = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [reference, { facts: {} }, { facts: reference.facts }] }, headers: as('bob') })
    t.equal(res.statusCode, 200)
    const ids = res.json().results.map((r: any) => r.evaluation?.decisionId)
    t.equal(ids[1], undefined)
    for (const id of [ids[0], ids[2]]) t.equal((await repository.getDecision(id))?.client, 'bob')
    t.same((await repository.getDecision(ids[2]))?.options, {}, 'a case without options is recorded with none')
  })

  t.test('when the store fails, the evaluation answers 503 with Retry-After and no answer', async (t) => {
    await db.exec('alter table decisions rename to decisions_away')
    let journaled: string | undefined
    try {
      if (db.kind === 'embedded') {
        // The embedded store takes a record into its journal first: that one is answered, and the
        // failure shows when the journal is ingested; from then on evaluations are refused.
        const first = await evaluateAs(app, 'alice', reference)
        t.equal(first.statusCode, 200, 'recorded in the journal')
        journaled = first.json().decisionId
        await t.rejects(repository.db.query('select 1'), /decisions/, 'its ingestion fails, and a read says so')
      }
      const res = await evaluateAs(app, 'alice', reference)
      t.equal(res.statusCode, 503)
      t.equal(res.headers['retry-after'], '5')
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.match(res.json(), { type: 'urn:discipline-rules:problem:store-unavailable', status: 503 })
      t.notOk(res.body.includes('decisionId'), 'nothing of the answer is sent')
      const batch = await app.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [reference] }, headers: as('bob') })
      t.equal(batch.statusCode, 503)
      const logged = lines.filter((l) => l.msg?.startsWith('decision store failed'))
      t.equal(logged.length, 2, 'the log says why')
      t.match(logged[0].storeError.message, /decisions/)
      t.notOk(JSON.stringify(lines).includes(reference.facts.conduct[0].id), 'and never shows the facts')
    } finally {
      await db.exec('alter table decisions_away rename to decisions')
    }
    if (journaled !== undefined) t.ok(await repository.getDecision(journaled), 'the journaled record is in the store once it takes it again')
    t.equal((await evaluateAs(app, 'alice', reference)).statusCode, 200, 'and evaluations are answered again')
  })

  t.test('an evaluation answer that did not pass the records hook is not sent', async (t) => {
    const { app: sly } = appOn(t, repository)
    t.teardown(() => sly.close())
    // A handler that sends text skips preSerialization, where the answer is taken for its record.
    sly.addHook('preHandler', async (request, reply) => {
      if (request.headers['x-as-text'] !== undefined) await reply.type('application/json').send(JSON.stringify({ decisionId: randomUUID() }))
    })
    const res = await evaluateAs(sly, 'alice', reference, { 'x-as-text': '1' })
    t.equal(res.statusCode, 503)
    t.match(res.json(), { type: 'urn:discipline-rules:problem:store-unavailable' })
    t.notOk(res.body.includes('decisionId'))
  })

  t.test('Idempotency-Key: the same body gets the recorded answer, another body 422', async (t) => {
    const first = await evaluateAs(app, 'alice', reference, { 'idempotency-key': 'case-7' })
    const again = await evaluateAs(app, 'alice', reference, { 'idempotency-key': 'case-7' })
    t.equal(again.statusCode, 200)
    t.equal(again.json().decisionId, first.json().decisionId, 'same decisionId')
    t.equal(again.headers['idempotent-replayed'], 'true')
    const other = structuredClone(reference)
    other.options = { lang: 'en' }
    const clash = await evaluateAs(app, 'alice', other, { 'idempotency-key': 'case-7' })
    t.equal(clash.statusCode, 422)
    t.match(clash.json(), { type: 'urn:discipline-rules:problem:idempotency-key-reused' })
    t.equal((await evaluateAs(app, 'bob', other, { 'idempotency-key': 'case-7' })).statusCode, 200, 'keys are per client')
    t.equal((await evaluateAs(app, 'alice', reference, { 'idempotency-key': 'bad key' })).statusCode, 400)
    const [racedA, racedB] = await Promise.all([1, 2].map(async () => await evaluateAs(app, 'alice', reference, { 'idempotency-key': 'race-1' })))
    t.equal(racedA.json().decisionId, racedB.json().decisionId, 'two at once with the same key and body: one answer')
    const raced = await Promise.all([reference, other].map(async (p) => await evaluateAs(app, 'alice', p, { 'idempotency-key': 'race-2' })))
    t.same(raced.map((r) => r.statusCode).sort(), [200, 422], 'two at once with different bodies: one is refused')
    await db.exec('alter table decisions rename to decisions_away')
    const down = await evaluateAs(app, 'alice', reference, { 'idempotency-key': 'case-8' })
    await db.exec('alter table decisions_away rename to decisions')
    t.equal(down.statusCode, 503, 'the store is needed to look the key up')
  })

  t.test('an Idempotency-Key recorded by another request between the look-up and the record', async (t) => {
    const { app: raced } = appOn(t, repository)
    t.teardown(() => raced.close())
    const other = { ...reference, options: { ...reference.options, lang: 'en' } }
    const first: any[] = []
    // Runs after the records plugin's look-up of the key and before this request is recorded: the
    // other request is answered and recorded first, with the same key.
    raced.addHook('preHandler', async (request) => {
      const race = request.headers['x-race']
      if (race !== undefined) first.push((await evaluateAs(raced, 'alice', race === 'same' ? reference : other, { 'idempotency-key': request.headers['idempotency-key'] as string })).json())
    })
    const same = await evaluateAs(raced, 'alice', reference, { 'idempotency-key': 'raced-1', 'x-race': 'same' })
    t.equal(same.statusCode, 200)
    t.equal(same.json().decisionId, first[0].decisionId, 'the same body gets the answer recorded first')
    const clash = await evaluateAs(raced, 'alice', reference, { 'idempotency-key': 'raced-2', 'x-race': 'other' })
    t.equal(clash.statusCode, 422, 'another body is refused')
    t.equal(JSON.parse((await repository.findIdempotent('alice', 'raced-2'))?.answer as string).decisionId, first[1].decisionId)
  })

  t.test('the list: newest first, filtered, paginated; evaluate sees only its own', async (t) => {
    const mine = await app.inject({ url: '/v1/decisions?limit=500', headers: as('bob') })
    t.ok(mine.json().items.length >= 2)
    t.ok(mine.json().items.every((d: any) => d.client === 'bob'))
    const all = (await app.inject({ url: '/v1/decisions?limit=500', headers: audit })).json().items
    t.ok(all.some((d: any) => d.client === 'alice') && all.some((d: any) => d.client === 'bob'))
    const page1 = (await app.inject({ url: '/v1/decisions?limit=2&client=alice', headers: audit })).json()
    t.equal(page1.items.length, 2)
    const page2 = (await app.inject({ url: `/v1/decisions?limit=2&client=alice&cursor=${page1.next}`, headers: audit })).json()
    t.notOk(page2.items.some((d: any) => page1.items.some((e: any) => e.decisionId === d.decisionId)), 'no decision twice')
    const ruleId = all.find((d: any) => d.ruleIds.length > 0).ruleIds[0]
    const byRule = await app.inject({ url: `/v1/decisions?ruleId=${ruleId}&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z`, headers: audit })
    t.equal(byRule.statusCode, 200, byRule.body)
    t.ok(byRule.json().items.length > 0)
    t.same((await app.inject({ url: '/v1/decisions?limit=500', headers: audit })).json().next, null, 'the last page has no next')
    t.equal((await app.inject({ url: '/v1/decisions?cursor=nonsense', headers: audit })).statusCode, 400)
  })

  t.test('reviews and agreement', async (t) => {
    const answer = (await evaluateAs(app, 'alice', reference)).json()
    const review = { sanction: answer.classification.recommended, articles: [{ instrument: 'ccp-discipline-regulations', version: '2023', article: 80, paragraph: 1 }], reviewer: 'R. Reviewer', reason: 'as proposed', decidedOn: '2026-03-01' }
    const post = (id: string, body: unknown, client = 'review') => app.inject({ method: 'POST', url: `/v1/decisions/${id}/reviews`, payload: body as object, headers: as(client) })
    t.equal((await post(answer.decisionId, review, 'alice')).statusCode, 403)
    const created = await post(answer.decisionId, review)
    t.equal(created.statusCode, 201)
    t.match(created.json(), { decisionId: answer.decisionId, replaces: null })
    t.equal((await post(answer.decisionId, review)).statusCode, 409)
    t.equal((await post(answer.decisionId, { ...review, replaces: randomUUID() })).statusCode, 422)
    t.equal((await post(randomUUID(), review)).statusCode, 404)
    t.equal((await post(answer.decisionId, { ...review, sanction: 'unknown' })).statusCode, 400)
    const stats = (await app.inject({ url: '/v1/stats/agreement?from=2026-01-01&to=2026-12-31', headers: as('review') })).json()
    t.equal(stats.reviewed, 1)
    t.match(stats.rules[0], { equal: { count: 1, decisionIds: [answer.decisionId] }, inside: { count: 0 }, outside: { count: 0 } })
    const corrected = await post(answer.decisionId, { ...review, sanction: 'expulsion', replaces: created.json().reviewId })
    t.equal(corrected.statusCode, 201)
    const after = (await app.inject({ url: '/v1/stats/agreement', headers: audit })).json()
    t.match(after, { from: '1970-01-01', to: '9999-12-31', reviewed: 1 })
    t.equal(after.rules[0].equal.count + after.rules[0].inside.count + after.rules[0].outside.count, 1, 'the correction replaces the first review')
  })

  t.test('replay on the recorded revision and the current one, after a reload and a restart', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'records-rules-'))
    t.teardown(() => rmSync(dir, { recursive: true, force: true }))
    const files = bundledFiles()
    writeRules(dir, files)
    const one = appOn(t, repository, dir).app
    const answer = (await evaluateAs(one, 'alice', reference)).json()
    const same = (await one.inject({ method: 'POST', url: `/v1/decisions/${answer.decisionId}/replay`, headers: audit })).json()
    t.match(same, { decisionId: answer.decisionId, reproduced: true, differences: [], changes: [], recordedRevision: answer.rulesRevision, currentRevision: answer.rulesRevision })
    const rule = files['rulesets/association.json'].rules.find((r: any) => r.id === answer.triggered[0].ruleId)
    rule.title = { zh: '改过的标题', en: 'A changed title' }
    writeRules(dir, files)
    await one.reloadRules()
    await one.close()
    const two = appOn(t, repository, dir).app
    t.teardown(() => two.close())
    const replay = await two.inject({ method: 'POST', url: `/v1/decisions/${answer.decisionId}/replay`, headers: audit })
    t.equal(replay.statusCode, 200)
    const body = replay.json()
    t.equal(body.reproduced, true, 'the recorded rules, rebuilt from the store, give the same answer')
    t.not(body.currentRevision, body.recordedRevision)
    t.same(body.changes.map((c: any) => c.pointer), ['/triggered/0/title/zh', '/triggered/0/title/en', '/triggered/0/title/text'].filter((p) => body.changes.some((c: any) => c.pointer === p)))
    t.ok(body.changes.length > 0, 'the changed title shows as a change')
    t.ok((await two.inject({ method: 'POST', url: `/v1/decisions/${answer.decisionId}/replay`, headers: audit })).json().reproduced, 'again, from the cache')
    const read = (await two.inject({ url: `/v1/decisions/${answer.decisionId}`, headers: audit })).json()
    t.match(read, { reproduced: true, rulesRevision: answer.rulesRevision }, 'read on an instance with other rules: rebuilt on the recorded revision')
    t.same(read.answer, answer)
    t.equal((await two.inject({ method: 'POST', url: `/v1/decisions/${randomUUID()}/replay`, headers: audit })).statusCode, 404)
    t.equal((await two.inject({ method: 'POST', url: `/v1/decisions/${answer.decisionId}/replay`, headers: as('alice') })).statusCode, 403)
  })

  t.test('records past the retention are purged by the service', async (t) => {
    const answer = (await evaluateAs(app, 'alice', reference)).json()
    // Through the repository's store: on the embedded one that ingests the journal first.
    await repository.db.query("update decisions set evaluated_at = now() - interval '31 days' where decision_id = $1", [answer.decisionId])
    const purging = buildApp({ config: { DECISION_RETENTION_DAYS: 30 }, records: { repository, purgeIntervalMs: 20 } })
    await purging.ready()
    await db.exec('alter table decisions rename to decisions_away')
    await new Promise((resolve) => setTimeout(resolve, 100))
    await db.exec('alter table decisions_away rename to decisions')
    await new Promise((resolve) => setTimeout(resolve, 100))
    await purging.close()
    t.equal(await repository.getDecision(answer.decisionId), undefined)
  })

})

t.test('an app without a store keeps no records and says so', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  for (const [method, url] of [['GET', `/v1/decisions/${randomUUID()}`], ['GET', '/v1/decisions'], ['POST', `/v1/decisions/${randomUUID()}/replay`], ['GET', '/v1/stats/agreement']] as const) {
    const res = await app.inject({ method, url })
    t.equal(res.statusCode, 404, url)
    t.match(res.json(), { type: 'urn:discipline-rules:problem:records-off' })
  }
  const review = await app.inject({ method: 'POST', url: `/v1/decisions/${randomUUID()}/reviews`, payload: { sanction: null, articles: [], reviewer: 'r', reason: 'r', decidedOn: '2026-01-01' } })
  t.equal(review.statusCode, 404)
  t.equal((await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })).statusCode, 200, 'and evaluates as before')
})
