import t from 'tap'
import { buildApp } from '../helpers/app.js'
import { negotiate } from '../../src/plugins/language.js'
import { referenceCase } from '../helpers/cases.js'

const app = buildApp({ config: { BATCH_LIMIT: 3 } })
t.teardown(() => app.close())
const reference = referenceCase().request as any
const post = (payload: unknown, headers: Record<string, string> = {}, url = '/v1/evaluations') =>
  app.inject({ method: 'POST', url, payload: payload as object, headers })
const withOptions = (options: object) => ({ ...reference, options: { ...reference.options, ...options } })

t.test('explain: summary by default, none and full on request', async (t) => {
  const summary = (await post(reference)).json()
  t.ok(summary.triggered[0].because.length > 0, 'summary: the facts each rule rests on')
  t.equal(summary.notTriggered, undefined, 'summary: no list of rules not triggered')
  const because = summary.triggered[0].because.find((b: any) => b.pointer === '/facts/subject/leadingCadre')
  t.same(because, { pointer: '/facts/subject/leadingCadre', value: true, condition: { zh: '是党员领导干部', en: 'is a leading cadre', text: '是党员领导干部' } }, 'pointer, value and the condition in words')
  const none = (await post(withOptions({ explain: 'none' }))).json()
  t.equal(none.triggered[0].because, undefined)
  t.equal(none.triggered[0].notes, undefined)
  t.same(none.classification.recommended, summary.classification.recommended, 'the answer does not change')
  const full = (await post(withOptions({ explain: 'full' }))).json()
  t.same(full.notTriggered.map((x: any) => x.ruleId).sort(), ['association.faction-vehicle', 'association.power-for-money', 'association.suspected-crime'])
  t.same(full.notTriggered[0].failed[0].condition.en.length > 0, true, 'each with the condition that failed, in words')
})

t.test('language: zh by default; Accept-Language or options.lang picks the text', async (t) => {
  const zh = await post(reference)
  t.equal(zh.headers['content-language'], 'zh')
  t.equal(zh.json().lang, 'zh')
  t.equal(zh.json().triggered[0].title.text, zh.json().triggered[0].title.zh)
  const en = await post(reference, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' })
  t.equal(en.headers['content-language'], 'en')
  const body = en.json()
  t.equal(body.triggered[0].title.text, 'Leading cadre organises or joins a spontaneously formed association')
  t.equal(body.classification.explanation.text, body.classification.explanation.en)
  const citation = body.triggered[0].citations[0]
  t.equal(citation.label, '《中国共产党纪律处分条例》(2015年修订) 第六十八条', 'labels keep the original Chinese')
  t.equal(citation.gloss, 'Regulations of the Communist Party of China on Disciplinary Sanctions (2015 revision), Art 68', 'with an English gloss')
  t.equal(citation.summary.text, citation.summary.en)
  const forced = (await post(withOptions({ lang: 'zh' }), { 'accept-language': 'en' })).json()
  t.equal(forced.lang, 'zh', 'options.lang wins over the header')
  const rules = (await app.inject('/v1/rulesets/association')).json()
  t.equal(rules.rules[0].title.text, undefined, 'the loaded rules are not changed by a localised response')
  const loaded = app.rules.ruleSets.get('association')!.set.rules[0]
  t.equal((loaded.tests!.serious!.provenance.note as any).text, undefined, 'nor are the texts nested in rule data')
  t.equal((loaded.title as any).text, undefined)
  t.equal((app.rules.catalog.clauses.get('ccp.association')!.versions[0].summary as any).text, undefined)
  t.equal(body.triggered[0].circumstance.provenance.note.text, body.triggered[0].circumstance.provenance.note.en, 'while the response has them')
})

t.test('Accept-Language negotiation', async (t) => {
  t.equal(negotiate(undefined), undefined)
  t.equal(negotiate('fr-FR, de'), undefined, 'neither zh nor en: the default applies')
  t.equal(negotiate('zh-CN,zh;q=0.9,en;q=0.8'), 'zh')
  t.equal(negotiate('fr;q=1, en;q=0.5, zh;q=0.7'), 'zh', 'by quality')
  t.equal(negotiate('en;q=0, zh;q=0.1'), 'zh', 'q=0 means not acceptable')
  t.equal(negotiate('EN-us'), 'en')
  t.equal(negotiate('en;level=1, zh;q=0.2'), 'en', 'parameters other than q are ignored')
  t.equal(negotiate('zh-TW, en'), 'zh', 'equal quality: the first listed')
})

t.test('provenance in every response', async (t) => {
  const body = (await post(reference)).json()
  t.match(body.provenance, { serviceVersion: /^\d+\.\d+\.\d+$/, rulesRevision: app.rules.revision, decisionId: body.decisionId, evaluatedAt: body.evaluatedAt })
  t.same(body.provenance.instruments, [
    { instrument: 'ccp-discipline-regulations', versions: ['2015'] },
    { instrument: 'notice-2002-associations', versions: ['2002'] }
  ], 'the instruments and versions applied')
})

t.test('batch: each case on its own', async (t) => {
  const bad = { facts: { subject: { partyMember: 'yes' }, conduct: [] } }
  const inconsistent = { ...reference, options: { decisionDate: '2010-01-01' } }
  const res = await post({ cases: [reference, bad, inconsistent] }, { 'accept-language': 'en' }, '/v1/evaluations/batch')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.rulesRevision, app.rules.revision)
  t.same(body.results.map((r: any) => [r.index, r.status]), [[0, 200], [1, 400], [2, 422]])
  t.equal(body.results[0].evaluation.triggered[0].ruleId, 'association.leading-cadre-unregistered')
  t.equal(body.results[0].evaluation.lang, 'en')
  t.same(body.results[1].problem.errors.map((e: any) => e.pointer).sort(), ['/cases/1/facts/conduct', '/cases/1/facts/subject/partyMember'])
  t.equal(body.results[1].problem.type, 'urn:discipline-rules:problem:validation-failed')
  t.same(body.results[2].problem.errors.map((e: any) => e.pointer), ['/cases/2/facts/conduct/0/period/end'])
  t.not(body.results[0].evaluation.decisionId, undefined)
})

t.test('batch: the configured limit and the shape of the batch itself', async (t) => {
  const tooMany = await post({ cases: [reference, reference, reference, reference] }, {}, '/v1/evaluations/batch')
  t.equal(tooMany.statusCode, 400)
  t.equal(tooMany.json().type, 'urn:discipline-rules:problem:batch-too-large')
  t.same(tooMany.json().errors, [{ pointer: '/cases', detail: 'at most 3 items' }])
  const empty = await post({ cases: [] }, {}, '/v1/evaluations/batch')
  t.equal(empty.statusCode, 400)
  t.same(empty.json().errors.map((e: any) => e.pointer), ['/cases'])
})

t.test('batch: an unexpected error still fails the request, without internals', async (t) => {
  const broken = buildApp({ rules: { ...app.rules, byConductType: null } as any })
  t.teardown(() => broken.close())
  const res = await broken.inject({ method: 'POST', url: '/v1/evaluations/batch', payload: { cases: [reference] } })
  t.equal(res.statusCode, 500)
  t.equal(res.json().type, 'urn:discipline-rules:problem:internal-error')
})

t.test('the clause catalog', async (t) => {
  const list = (await app.inject('/v1/clauses')).json()
  t.equal(list.rulesRevision, app.rules.revision)
  t.ok(list.clauses.length >= 30)
  const association = (await app.inject('/v1/clauses/ccp.association')).json()
  t.same(association.versions.map((v: any) => [v.version, v.article, v.inForce.from, v.inForce.to]), [
    ['2015', 68, '2016-01-01', '2018-09-30'], ['2018', 74, '2018-10-01', '2023-12-31'], ['2023', 82, '2024-01-01', undefined]
  ])
  t.same(association.versions[0].tiers, [{ test: 'serious', sanctions: ['warning', 'serious-warning', 'removal-from-party-posts'] }])
  t.match(association.before.summary.en, /before 2016-01-01/)
  const unlawful = (await app.inject('/v1/clauses/ccp.other-unlawful-acts')).json()
  t.same(unlawful.versions.map((v: any) => v.tiers.map((x: any) => x.test)), [['by-circumstances', 'lost-member-qualities'], ['by-circumstances'], ['by-circumstances', 'lost-member-qualities']], 'each version its own tier tests')
  t.equal(unlawful.versions[2].tiers[1].label.zh, '嫖娼或者吸食、注射毒品等丧失党员条件', 'with the text\'s special wording as label')
  t.ok(association.versions[0].unconfirmed.length > 0, 'unconfirmed flags')
  const notice = (await app.inject('/v1/clauses/notice2002.item-1')).json()
  t.ok(notice.versions[0].unconfirmed.some((u: string) => /document number/.test(u)))
  const rumour = (await app.inject('/v1/clauses/ccp.rumour-political')).json()
  t.same(rumour.absent.map((a: any) => [a.version, a.confirmed]), [['2015', true]])
  const missing = await app.inject('/v1/clauses/ccp.nope')
  t.equal(missing.statusCode, 404)
  t.equal(missing.json().type, 'urn:discipline-rules:problem:not-found')
})

t.test('the facts schema as a standalone JSON Schema', async (t) => {
  const res = await app.inject('/v1/schema/facts')
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/schema\+json/)
  const schema = res.json()
  t.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema')
  t.same(schema.required, ['subject', 'conduct'])
  t.ok(['Subject', 'ConductItem', 'Association', 'Speech', 'Circumstance'].every((k) => k in schema.$defs))
  const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1])
  t.ok(refs.length > 0 && refs.every((r) => r.startsWith('#/$defs/') && r.slice(8) in schema.$defs), 'every $ref resolves inside the document')
})

t.test('/docs serves Swagger UI from the service itself', async (t) => {
  const page = await app.inject('/docs/')
  t.equal(page.statusCode, 200)
  t.match(page.body, /swagger-ui/)
  t.notMatch(page.body, /https?:\/\/(?!127\.0\.0\.1|localhost)[a-z0-9.-]+\/[^"']*\.(js|css)/i, 'no script or style from another host')
  const bundle = await app.inject('/docs/static/swagger-ui-bundle.js')
  t.equal(bundle.statusCode, 200)
  const spec = (await app.inject('/docs/json')).json()
  t.equal(spec.paths['/v1/evaluations'].post.requestBody.content['application/json'].examples['reference-case'].value.facts.subject.rank, 'bureau', 'the reference case is the runnable example')
})
