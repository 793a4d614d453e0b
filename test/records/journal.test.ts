import t from 'tap'
import { appendFileSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { loadRules } from '../../src/domain/rules/load.js'
import { evaluate } from '../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'
import { openDb } from '../../src/records/db.js'
import { Journal, copyField, leftOver } from '../../src/records/journal.js'
import { JOURNAL_FILE } from '../../src/records/journaled.js'
import { repositoryOn } from '../../src/records/open.js'
import { copyLine } from '../../src/records/rows.js'
import type { NewDecision } from '../../src/records/repository.js'
import { referenceCase } from '../helpers/cases.js'
import { cipher, embeddedDataDir, kept } from '../helpers/stores.js'
import type { EvaluationResponse } from '../../src/schemas/evaluation.js'

// A real embedded store (it takes seconds to open, more on a loaded machine).
t.setTimeout(300_000)

const rules = await loadRules(BUNDLED_RULES_DIR)
const request = referenceCase().request as any
const filesOf = () => rules.files

async function decision (extra: Partial<NewDecision> = {}): Promise<NewDecision & { answer: EvaluationResponse }> {
  const decisionId = randomUUID()
  const answer = await evaluate(rules, request, { now: new Date(), decisionId })
  return { decisionId, evaluatedAt: answer.evaluatedAt, client: 'alice', requestId: 'req-1', serviceVersion: '0.1.0', rulesRevision: rules.revision, lang: answer.lang, options: {}, facts: request.facts, ...kept(answer), answer, ...extra }
}

t.test('COPY text fields: null, bytes, arrays and the characters COPY treats specially', async (t) => {
  t.equal(copyField(null), '\\N')
  t.equal(copyField(Buffer.from([1, 255])), '\\\\x01ff')
  t.equal(copyField(['a', 'b"c', 'd\\e']), '{"a","b\\\\"c","d\\\\\\\\e"}')
  t.equal(copyField('tab\there\nline\rcr\\slash'), 'tab\\there\\nline\\rcr\\\\slash')
})

t.test('the journal keeps complete lines only, and a file that cannot take a record refuses it', async (t) => {
  const dir = t.testdir({ 'j.journal': 'one\ntwo\nthr' })
  t.equal(leftOver(join(dir, 'j.journal')), 'one\ntwo\n', 'a torn last line is left out')
  t.equal(leftOver(join(dir, 'none.journal')), '', 'no file: nothing left over')
  const full = new Journal('/dev/full', async () => {})
  t.throws(() => { full.append('x\n') }, /ENOSPC|no space/i, 'a full disk refuses the record (the evaluation answers 503)')
  full.close()
})

t.test('a failed ingestion refuses further records until a retry in the background succeeds', async (t) => {
  const dir = t.testdir({})
  let failing = true
  const ingested: string[] = []
  const journal = new Journal(join(dir, 'j.journal'), async (text) => {
    if (failing) throw new Error('the store is down')
    ingested.push(text)
  }, 1)
  t.teardown(() => { journal.close() })
  journal.append('a\n')
  await t.rejects(journal.drain(), /down/)
  t.throws(() => { journal.append('b\n') }, /down/, 'refused while the store fails')
  failing = false
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.same(ingested, ['a\n'], 'retried on its own')
  journal.append('c\n')
  await journal.drain()
  t.same(ingested, ['a\n', 'c\n'])
  t.equal(readFileSync(join(dir, 'j.journal'), 'utf8'), '', 'and emptied')
})

t.test('a drain while an ingestion is under way waits for it, then ingests what was appended meanwhile', async (t) => {
  const dir = t.testdir({})
  const ingested: string[] = []
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => { release = resolve })
  const journal = new Journal(join(dir, 'j.journal'), async (text) => {
    if (ingested.length === 0) await held
    ingested.push(text)
  }, 60_000)
  t.teardown(() => { journal.close() })
  journal.append('a\n')
  const first = journal.drain()
  journal.append('b\n')
  const second = journal.drain()
  release()
  await Promise.all([first, second])
  t.same(ingested, ['a\n', 'b\n'], 'the second drain waited for the first batch, then took the line appended during it')
})

t.test('the embedded store records through its journal, and a read finds every record answered', async (t) => {
  const dataDir = await embeddedDataDir(t)
  const path = join(dataDir, JOURNAL_FILE)
  const repository = await repositoryOn(await openDb({ dataDir }), cipher(), dataDir, 60_000)
  t.teardown(async () => { await repository.db.close().catch(() => {}) })
  const first = await decision()
  await repository.saveDecisions([first], filesOf)
  t.equal(statSync(path).size, 0, 'a revision not stored yet is written directly, with the revision')
  const odd = await decision({ requestId: 'tab\there\nand \\ a "quote"', options: { lang: 'en' } })
  const more = [odd, await decision()]
  await repository.saveDecisions(more, filesOf)
  t.ok(statSync(path).size > 0, 'a record on a stored revision is appended to the journal')
  const back = await repository.getDecision(odd.decisionId)
  t.same([back?.digest, back?.summary], [odd.digest, odd.summary], 'a read ingests what is pending first')
  t.same(back?.facts, request.facts)
  t.match(back, { requestId: odd.requestId, options: { lang: 'en' } }, 'COPY text round trip')
  t.equal(statSync(path).size, 0, 'once ingested, the journal is emptied')
  await repository.saveDecisions([await decision()], filesOf)
  await repository.db.exec('delete from decisions')
  t.equal((await repository.db.query<{ n: number }>('select count(*)::int as n from decisions'))[0].n, 0, 'statements without rows ingest what is pending first too')
})

t.test('what a killed process left in the journal is ingested at the next start, once', async (t) => {
  const dataDir = await embeddedDataDir(t)
  const path = join(dataDir, JOURNAL_FILE)
  const before = await repositoryOn(await openDb({ dataDir }), cipher(), dataDir)
  const stored = await decision()
  await before.saveDecisions([stored], filesOf)
  await before.db.close()
  // As a process killed after a COPY and before emptying the file would leave it: an ingested record
  // again, a new one, and a torn line that was never answered.
  const left = await decision()
  const now = new Date().toISOString()
  appendFileSync(path, copyLine(stored, cipher(), now) + copyLine(left, cipher(), now) + 'torn')
  const after = await repositoryOn(await openDb({ dataDir }), cipher(), dataDir)
  t.teardown(async () => { await after.db.close().catch(() => {}) })
  t.equal(readFileSync(path, 'utf8'), '', 'the journal is emptied once its records are in')
  t.ok(await after.getDecision(left.decisionId), 'the record left in the journal is in the store')
  const [{ n }] = await after.db.query<{ n: number }>('select count(*)::int as n from decisions')
  t.equal(n, 2, 'each record once')
})

t.test('closing ingests what is pending; a journal kept waiting ingests on its own', async (t) => {
  const dataDir = await embeddedDataDir(t)
  const repository = await repositoryOn(await openDb({ dataDir }), cipher(), dataDir, 1)
  await repository.saveDecisions([await decision()], filesOf)
  const waiting = await decision()
  await repository.saveDecisions([waiting], filesOf)
  await new Promise((resolve) => setTimeout(resolve, 200))
  t.equal(statSync(join(dataDir, JOURNAL_FILE)).size, 0, 'ingested in the background')
  const last = await decision()
  await repository.saveDecisions([last], filesOf)
  await repository.db.close()
  const again = await repositoryOn(await openDb({ dataDir }), cipher(), dataDir)
  t.teardown(async () => { await again.db.close().catch(() => {}) })
  t.ok(await again.getDecision(last.decisionId), 'the record pending at close is in the store')
  t.ok(await again.getDecision(waiting.decisionId))
})
