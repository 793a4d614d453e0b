import t from 'tap'
import { randomUUID } from 'node:crypto'
import { loadRules } from '../../src/domain/rules/load.js'
import { evaluate } from '../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'
import { migrate } from '../../src/records/migrations.js'
import { RecordsRepository, type NewDecision } from '../../src/records/repository.js'
import { addReview, currentReviews } from '../../src/records/reviews.js'
import { scanDecisions } from '../../src/records/bulk.js'
import { digestOf } from '../../src/records/digest.js'
import { answerText } from '../../src/domain/render/render.js'
import { referenceCase } from '../helpers/cases.js'
import { cipher, kept, onEachBackend } from '../helpers/stores.js'
import type { EvaluationResponse } from '../../src/schemas/evaluation.js'

// Two real stores (the embedded one takes seconds to open) and a PostgreSQL server started for this file.
t.setTimeout(300_000)

const rules = await loadRules(BUNDLED_RULES_DIR)
const request = referenceCase().request as any
const filesOf = (revision: string) => revision === rules.revision ? rules.files : undefined

async function decision (at = new Date(), extra: Partial<NewDecision> = {}): Promise<NewDecision & { answer: EvaluationResponse }> {
  const decisionId = randomUUID()
  const answer = await evaluate(rules, request, { now: at, decisionId })
  return { decisionId, evaluatedAt: answer.evaluatedAt, client: 'alice', requestId: 'req-1', serviceVersion: '0.1.0', rulesRevision: rules.revision, lang: answer.lang, options: {}, facts: request.facts, ...kept(answer), answer, ...extra }
}

// The direct path of every record on the PostgreSQL server, and on the embedded store of records with an
// Idempotency-Key or on a revision not stored yet; the embedded store's journal: journal.test.ts.
onEachBackend(t, async (t, db) => {
  const repository = new RecordsRepository(db, cipher())
  t.same(await migrate(db), [], 'the schema is up to date: a second migrate applies nothing')

  t.test('a decision is written with its rules revision, and read back with its facts', async (t) => {
    const d = await decision()
    await repository.saveDecisions([d], filesOf)
    const back = await repository.getDecision(d.decisionId)
    t.same(back?.facts, request.facts, 'the facts, decrypted')
    t.same([back?.digest, back?.summary], [d.digest, d.summary], 'the answer\'s digest and summary')
    t.equal(back?.digest, digestOf(answerText(d.answer)), 'the digest of the answer\'s JSON as sent')
    t.match(back, { client: 'alice', requestId: 'req-1', rulesRevision: rules.revision, serviceVersion: '0.1.0', lang: 'zh' })
    const [raw] = await db.query<{ facts: Uint8Array }>('select facts from decisions where decision_id = $1', [d.decisionId])
    t.notOk(Buffer.from(raw.facts).toString('latin1').includes('conduct'), 'the stored facts are ciphertext')
    const files = await repository.revisionFiles(rules.revision)
    t.same(files?.map((f) => f.file), rules.files.map((f) => f.file).sort(), 'every rules file is stored')
    t.ok(files?.every((f) => f.raw.equals(rules.files.find((g) => g.file === f.file)?.raw as Buffer)), 'byte for byte')
    t.equal(await repository.getDecision(randomUUID()), undefined, 'an unknown id is undefined')
    t.equal(await repository.revisionFiles('sha256:none'), undefined)
  })

  t.test('a revision is stored once, also by a second process', async (t) => {
    const other = new RecordsRepository(db, cipher())
    await other.saveDecisions([await decision()], filesOf)
    await repository.saveDecisions([await decision()], filesOf)
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from rules_revisions')
    t.equal(n, 1)
  })

  t.test('without the files of its revision, nothing is written', async (t) => {
    const d = await decision(new Date(), { rulesRevision: 'sha256:unknown' })
    await t.rejects(new RecordsRepository(db, cipher()).saveDecisions([d], filesOf), /not at hand/)
    t.equal(await repository.getDecision(d.decisionId), undefined)
  })

  t.test('a batch is written whole or not at all', async (t) => {
    const a = await decision()
    await t.rejects(repository.saveDecisions([a, { ...(await decision()), decisionId: a.decisionId }], filesOf))
    t.equal(await repository.getDecision(a.decisionId), undefined)
  })

  t.test('concurrent writes are committed together; one failing call fails alone', async (t) => {
    const [a, b, c] = await Promise.all([decision(), decision(), decision()])
    const results = await Promise.allSettled([
      repository.saveDecisions([a], filesOf),
      repository.saveDecisions([b], filesOf),
      repository.saveDecisions([{ ...c, decisionId: a.decisionId }], filesOf),
      repository.saveDecisions([c], filesOf),
      repository.saveDecisions([], filesOf)
    ])
    t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
    for (const d of [a, b, c]) t.ok(await repository.getDecision(d.decisionId), 'written')
  })

  t.test('Idempotency-Key: found within a day, taken once, free again after a day', async (t) => {
    const a = await decision(new Date(), { idempotency: { key: 'k-1', digest: 'd1', answer: '{"n":"d1"}' } })
    await repository.saveDecisions([a], filesOf)
    t.same(await repository.findIdempotent('alice', 'k-1'), { digest: 'd1', answer: '{"n":"d1"}', lang: 'zh' }, 'the answer\'s text as sent')
    t.equal(await repository.findIdempotent('bob', 'k-1'), undefined, 'keys are per client')
    await t.rejects(repository.saveDecisions([await decision(new Date(), { idempotency: { key: 'k-1', digest: 'd2', answer: '{"n":"d2"}' } })], filesOf), { name: 'IdempotencyConflict' })
    await db.query("update decisions set evaluated_at = evaluated_at - interval '25 hours' where decision_id = $1", [a.decisionId])
    t.equal(await repository.findIdempotent('alice', 'k-1'), undefined, 'a day later the key is forgotten')
    const b = await decision(new Date(), { idempotency: { key: 'k-1', digest: 'd3', answer: '{"n":"d3"}' } })
    await repository.saveDecisions([b], filesOf)
    t.match(await repository.findIdempotent('alice', 'k-1'), { digest: 'd3' }, 'and can be used again')
  })

  t.test('the list filters by rule, client and time, newest first, page by page', async (t) => {
    await db.exec('delete from decisions')
    const times = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']
    const ds = await Promise.all(times.map(async (at, i) => await decision(new Date(at), { client: i === 0 ? 'bob' : 'alice' })))
    await repository.saveDecisions(ds, filesOf)
    const all = await repository.listDecisions({ limit: 10 })
    t.same(all.map((d) => d.evaluatedAt), [...times].reverse())
    t.match(all[0], { client: 'alice', rulesRevision: rules.revision, status: ds[0].answer.classification.status, recommended: ds[0].answer.classification.recommended })
    const ruleId = ds[0].answer.triggered[0].ruleId
    t.equal((await repository.listDecisions({ limit: 10, ruleId })).length, 3)
    t.equal((await repository.listDecisions({ limit: 10, ruleId: 'no.such.rule' })).length, 0)
    t.same((await repository.listDecisions({ limit: 10, client: 'bob' })).map((d) => d.evaluatedAt), [times[0]])
    t.same((await repository.listDecisions({ limit: 10, from: times[1], to: times[2] })).map((d) => d.evaluatedAt), [times[1]])
    const scanned = [...await scanDecisions(repository, '00000000-0000-0000-0000-000000000000', 2)]
    scanned.push(...await scanDecisions(repository, scanned[1].decisionId, 2))
    t.same(scanned.map((d) => d.decisionId), ds.map((d) => d.decisionId).sort(), 'a scan pages through every record in id order')
    t.same(scanned[0].facts, request.facts, 'with its facts')
    const d0 = ds.find((d) => d.decisionId === scanned[0].decisionId)
    t.same([scanned[0].digest, JSON.parse(scanned[0].summary)], [d0?.digest, d0?.summary], 'and its digest and summary as stored')
    t.same((await scanDecisions(repository, '00000000-0000-0000-0000-000000000000', 10, { from: times[1], to: times[2] })).map((d) => d.evaluatedAt), [times[1]], 'within a window')
    const page = await repository.listDecisions({ limit: 2 })
    const rest = await repository.listDecisions({ limit: 2, cursor: { at: page[1].evaluatedAt, id: page[1].decisionId } })
    t.same(rest.map((d) => d.evaluatedAt), [times[0]])
  })

  t.test('purge deletes records older than the cut-off, with their reviews', async (t) => {
    await db.exec('delete from decisions')
    const old = await decision(new Date('2020-01-01T00:00:00Z'))
    const recent = await decision()
    await repository.saveDecisions([old, recent], filesOf)
    t.ok((await addReview(db, old.decisionId, 'rev', { sanction: null, articles: [], reviewer: 'R', reason: 'x', decidedOn: '2020-02-01' })).ok)
    t.equal(await repository.purge(new Date('2021-01-01T00:00:00Z')), 1)
    t.equal(await repository.getDecision(old.decisionId), undefined)
    t.ok(await repository.getDecision(recent.decisionId))
    t.same(await db.query('select * from reviews'), [])
  })

  t.test('reviews are append-only: a correction names the current review', async (t) => {
    const d = await decision()
    await repository.saveDecisions([d], filesOf)
    const review = { sanction: 'serious-warning', articles: [{ instrument: 'ccp-discipline-regulations', version: '2023', article: 80 }], reviewer: 'R', reason: 'r', decidedOn: '2026-03-01' }
    t.same(await addReview(db, randomUUID(), 'rev', review), { ok: false, why: 'no-decision' })
    const first = await addReview(db, d.decisionId, 'rev', review)
    t.equal(first.ok, true)
    const firstId = (first as { reviewId: string }).reviewId
    t.same(await addReview(db, d.decisionId, 'rev', review), { ok: false, why: 'not-current', current: firstId }, 'a second review must name the first')
    t.same(await addReview(db, d.decisionId, 'rev', { ...review, replaces: randomUUID() }), { ok: false, why: 'unknown-review' })
    const second = await addReview(db, d.decisionId, 'rev', { ...review, sanction: 'warning', replaces: firstId })
    t.equal(second.ok, true)
    t.same(await addReview(db, d.decisionId, 'rev', { ...review, replaces: firstId }), { ok: false, why: 'not-current', current: (second as { reviewId: string }).reviewId }, 'a replaced review cannot be replaced again')
    const current = await currentReviews(db, '2026-01-01', '2026-12-31')
    t.same(current.filter((c) => c.decisionId === d.decisionId).map((c) => c.sanction), ['warning'], 'only the current review counts')
    t.same(await currentReviews(db, '2027-01-01', '2027-12-31'), [])
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from reviews where decision_id = $1', [d.decisionId])
    t.equal(n, 2, 'the replaced review is kept')
  })
})
