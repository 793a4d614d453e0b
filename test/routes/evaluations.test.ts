import t from 'tap'
import { buildApp } from '../helpers/app.js'
import { referenceCase } from '../helpers/cases.js'

const app = buildApp()
t.teardown(() => app.close())
const reference = referenceCase().request as any
const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/v1/evaluations', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })
const withFacts = (change: (facts: any) => void) => {
  const req = structuredClone(reference)
  change(req.facts)
  return req
}

function isProblem (t: import('tap').Test, res: Awaited<ReturnType<typeof post>>, status: number, type: string) {
  t.equal(res.statusCode, status, `status ${status}`)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  const body = res.json()
  t.equal(body.type, `urn:discipline-rules:problem:${type}`)
  t.equal(body.status, status)
  t.type(body.title, 'string')
  return body
}

t.test('the reference case evaluates; each evaluation has its own decision id', async (t) => {
  const a = await post(reference)
  const b = await post(reference)
  t.equal(a.statusCode, 200)
  t.match(a.headers['content-type'], /^application\/json/)
  t.not(a.json().decisionId, b.json().decisionId)
  const strip = (x: any) => ({ ...x, decisionId: undefined, evaluatedAt: undefined, provenance: { ...x.provenance, decisionId: undefined, evaluatedAt: undefined } })
  t.same(strip(a.json()), strip(b.json()), 'the same request on the same rules gives the same result')
})

t.test('malformed JSON is a 400 that does not echo the body', async (t) => {
  const body = isProblem(t, await post('{"facts": {"subject": 秘密'), 400, 'malformed-json')
  t.notMatch(body.detail, /秘密/)
  isProblem(t, await post(''), 400, 'malformed-json')
})

t.test('a wrong content type is a 415', async (t) => {
  isProblem(t, await post('facts', { 'content-type': 'text/plain' }), 415, 'unsupported-media-type')
  isProblem(t, await post('<facts/>', { 'content-type': 'application/xml' }), 415, 'unsupported-media-type')
})

t.test('an oversize body is a 413', async (t) => {
  const small = buildApp({ config: { BODY_LIMIT: 2048 } })
  t.teardown(() => small.close())
  const res = await small.inject({ method: 'POST', url: '/v1/evaluations', payload: JSON.stringify({ ...reference, padding: 'x'.repeat(4096) }), headers: { 'content-type': 'application/json' } })
  isProblem(t, res, 413, 'payload-too-large')
})

t.test('schema violations are 400s naming each field by JSON pointer', async (t) => {
  const res = await post(withFacts((f) => {
    f.subject.partyMember = 'yes'
    f.subject.favouriteColour = 'red'
    f.conduct[0].period.start = '2017-02-30'
    f.conduct[0].period.end = 'last year'
    f.conduct[0].association.memberCount = -1
    f.conduct[0].association.form = 'club'
    f.conduct[0].association.subjectRoles = ['member', 'member']
  }))
  const body = isProblem(t, res, 400, 'validation-failed')
  const pointers = body.errors.map((e: any) => e.pointer)
  for (const p of [
    '/facts/subject/partyMember', '/facts/subject/favouriteColour', '/facts/conduct/0/period/start', '/facts/conduct/0/period/end',
    '/facts/conduct/0/association/memberCount', '/facts/conduct/0/association/form', '/facts/conduct/0/association/subjectRoles'
  ]) t.ok(pointers.includes(p), `names ${p}`)
  t.match(body.errors.find((e: any) => e.pointer === '/facts/conduct/0/association/form').detail, /Expected one of: organisation, online-group, occasional-gathering/)
  t.notMatch(JSON.stringify(body), /last year|red/, 'no submitted values in the problem')
})

t.test('a set of values is checked element by element: a wrong value at its own pointer, repeats and length at the set', async (t) => {
  const roles = (subjectRoles: unknown) => post(withFacts((f) => { f.conduct[0].association.subjectRoles = subjectRoles }))
  const wrong = isProblem(t, await roles(['initiator', 'chief', 'organiser', 7]), 400, 'validation-failed')
  t.same(wrong.errors.map((e: any) => e.pointer), ['/facts/conduct/0/association/subjectRoles/1', '/facts/conduct/0/association/subjectRoles/3'])
  t.match(wrong.errors[0].detail, /^Expected one of: initiator, /)
  const twice = isProblem(t, await roles(['initiator', 'initiator']), 400, 'validation-failed')
  t.same(twice.errors, [{ pointer: '/facts/conduct/0/association/subjectRoles', detail: 'Expected array elements to be unique' }])
  const notAList = isProblem(t, await roles('initiator'), 400, 'validation-failed')
  t.same(notAList.errors, [{ pointer: '/facts/conduct/0/association/subjectRoles', detail: 'Expected array' }])
  const all = wrong.errors[0].detail.replace('Expected one of: ', '').split(', ')
  const tooMany = isProblem(t, await roles([...all, all[0]]), 400, 'validation-failed')
  t.same(tooMany.errors, [
    { pointer: '/facts/conduct/0/association/subjectRoles', detail: `Expected array length to be less or equal to ${all.length}` },
    { pointer: '/facts/conduct/0/association/subjectRoles', detail: 'Expected array elements to be unique' }
  ])
  t.equal((await roles(all)).statusCode, 200, 'every value once is a valid set')
})

t.test('unknown top-level fields and options are refused', async (t) => {
  const body = isProblem(t, await post({ ...reference, explainPlease: true, options: { decisionDate: '2018-01-29', speed: 'fast' } }), 400, 'validation-failed')
  t.same(body.errors.map((e: any) => e.pointer).sort(), ['/explainPlease', '/options/speed'])
  isProblem(t, await post({ options: {} }), 400, 'validation-failed')
  const root = isProblem(t, await post('[]'), 400, 'validation-failed')
  t.same(root.errors, [{ pointer: '', detail: 'Expected object' }], 'the whole body is pointer ""')
  t.match(root.detail, /^\(root\): Expected object/)
  isProblem(t, await post(withFacts((f) => { f.conduct = [] })), 400, 'validation-failed')
})

t.test('inconsistent facts are 422s naming the field', async (t) => {
  const backwards = isProblem(t, await post(withFacts((f) => { f.conduct[0].period = { start: '2017-12-31', end: '2015-02-01' } })), 422, 'invalid-facts')
  t.same(backwards.errors, [{ pointer: '/facts/conduct/0/period/end', detail: 'ends before it starts' }])
  const future = isProblem(t, await post({ ...reference, options: { decisionDate: '2017-01-01' } }), 422, 'invalid-facts')
  t.same(future.errors.map((e: any) => e.pointer), ['/facts/conduct/0/period/end'])
  const startsLate = isProblem(t, await post({ ...withFacts((f) => { f.conduct[0].period = { start: '2017-06-01' } }), options: { decisionDate: '2017-01-01' } }), 422, 'invalid-facts')
  t.same(startsLate.errors.map((e: any) => e.pointer), ['/facts/conduct/0/period/start'])
  const noDetails = isProblem(t, await post(withFacts((f) => { delete f.conduct[0].association })), 422, 'invalid-facts')
  t.same(noDetails.errors.map((e: any) => e.pointer), ['/facts/conduct/0/association'])
  const mixed = isProblem(t, await post(withFacts((f) => { f.conduct[0].speech = { content: 'other-rumour' } })), 422, 'invalid-facts')
  t.same(mixed.errors, [{ pointer: '/facts/conduct/0/speech', detail: "does not belong to conduct of type 'informal-association' (expected 'association')" }])
  const unknownRule = isProblem(t, await post(withFacts((f) => { f.conduct[0].statedCircumstances = { 'no.such-rule': 'serious' } })), 422, 'invalid-facts')
  t.same(unknownRule.errors.map((e: any) => e.pointer), ['/facts/conduct/0/statedCircumstances/no.such-rule'])
  // The association article has only 情节严重 in every version: its tier has no political-ecology test.
  const foreignTest = isProblem(t, await post(withFacts((f) => { f.conduct[0].statedCircumstances = { 'association.leading-cadre-unregistered': { serious: true, 'political-ecology-worsened': false } } })), 422, 'invalid-facts')
  t.same(foreignTest.errors.map((e: any) => e.pointer), ['/facts/conduct/0/statedCircumstances/association.leading-cadre-unregistered/political-ecology-worsened'])
  t.notMatch(JSON.stringify(foreignTest), /false/, 'the stated value is not echoed')
  const notATest = await post(withFacts((f) => { f.conduct[0].statedCircumstances = { 'association.leading-cadre-unregistered': { grave: true } } }))
  t.equal(notATest.statusCode, 400, 'a key that is no tier test at all is refused by the schema')
})

t.test('tier tests stated one by one: each fills its own test and no other', async (t) => {
  const stated = (tests: object) => withFacts((f) => { f.conduct[0].statedCircumstances = { 'association.leading-cadre-unregistered': tests } })
  const serious = (await post(stated({ serious: true }))).json()
  const hit = serious.triggered.find((x: any) => x.ruleId === 'association.leading-cadre-unregistered')
  t.same([hit.circumstance.tier, hit.circumstance.source, hit.circumstance.label.zh], ['serious', 'stated', '情节严重'])
  const notSerious = (await post(stated({ serious: false }))).json()
  const below = notSerious.findings.find((x: any) => x.ruleId === 'association.leading-cadre-unregistered')
  t.same([below.status, below.circumstance.tier, below.circumstance.source], ['below-threshold', 'serious', 'stated'], 'stated not to hold: below the article\'s only tier, and the statement wins over the indicators')
  t.match(below.circumstance.explanation.en, /not to hold/)
})

t.test('the decision date defaults to today', async (t) => {
  const res = await post({ facts: reference.facts })
  t.equal(res.statusCode, 200)
  t.equal(res.json().decisionDate, new Date().toISOString().slice(0, 10))
})

t.test('several conduct items: the same rule on two is one violation and one series, read at its last act', async (t) => {
  const res = await post({
    ...withFacts((f) => {
      f.conduct.push({ ...structuredClone(f.conduct[0]), id: 'second', period: { start: '2019-01-01', end: '2019-06-30' } })
    }),
    options: { decisionDate: '2020-01-01' }
  })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.same(body.triggered.map((x: any) => [x.conductIndex, x.appliedVersion.version]), [[0, '2018'], [1, '2018']], 'on its own the first would take 2015; in the series both take the version at 2019-06-30')
  t.same(body.triggered.map((x: any) => [x.series.conductIndices, x.series.lastAct, x.series.inference]), [[[0, 1], '2019-06-30', true], [[0, 1], '2019-06-30', true]])
  t.same(body.classification.adjustments.map((a: any) => a.step), [], 'the same rule twice is one violation: no combination')
  t.same(body.classification.sanctionRange, body.triggered[0].sanctionRange, 'the range of the one violation')
})

t.test('the request id is honoured and returned', async (t) => {
  const given = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'case-42.a' } })
  t.equal(given.headers['x-request-id'], 'case-42.a')
  const generated = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } })
  t.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/)
})

t.test('the number of reported schema errors is bounded', async (t) => {
  const res = await post(withFacts((f) => {
    for (let i = 0; i < 80; i++) f.subject[`extra${i}`] = i
  }))
  const body = isProblem(t, res, 400, 'validation-failed')
  t.equal(body.errors.length, 50)
})
