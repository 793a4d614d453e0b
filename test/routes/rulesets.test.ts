import t from 'tap'
import { buildApp } from '../helpers/app.js'

const app = buildApp()
t.teardown(() => app.close())

t.test('GET /v1/rulesets lists the loaded rule sets', async (t) => {
  const res = await app.inject('/v1/rulesets')
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.rulesRevision, app.rules.revision)
  const associations = body.ruleSets.find((s: any) => s.id === 'association')
  t.same([associations.href, associations.rules, associations.conductType], ['/v1/rulesets/association', 4, 'informal-association'])
  t.same(body.ruleSets.map((s: any) => s.id), [...app.rules.ruleSets.keys()], 'every loaded rule set')
})

t.test('GET /v1/rulesets/{id} shows the rules with their titles and clauses', async (t) => {
  const res = await app.inject('/v1/rulesets/association')
  t.equal(res.statusCode, 200)
  const body = res.json()
  const association = body.rules.find((r: any) => r.id === 'association.leading-cadre-unregistered')
  t.same(association.citations.map((c: any) => `${c.version}:${c.article}`), ['2015:68', '2018:74', '2023:82', '2002:1'])
  t.equal(association.inferredCircumstance, true)
  t.ok(association.conditions.all.length > 0)
  const power = body.rules.find((r: any) => r.id === 'association.power-for-money')
  t.same(power.citations.map((c: any) => `${c.clause}@${c.version}:${c.article}`), [
    'ccp.crime-linkage@2015:27', 'ccp.crime-linkage@2018:27', 'ccp.crime-linkage@2023:29',
    'ccp.confiscation@2015:41', 'ccp.confiscation@2018:40', 'ccp.confiscation@2023:43',
    'ccp.referral@2015:30', 'ccp.referral@2018:29', 'ccp.referral@2023:31'
  ])
})

t.test('an unknown rule set is a 404 problem', async (t) => {
  const res = await app.inject('/v1/rulesets/nope')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal(res.json().type, 'urn:discipline-rules:problem:not-found')
})

t.test('health and readiness', async (t) => {
  const health = await app.inject('/healthz')
  t.same(health.json(), { status: 'ok' })
  const ready = await app.inject('/readyz')
  t.equal(ready.statusCode, 200)
  t.equal(ready.json().rulesRevision, app.rules.revision)
  t.same(ready.json().ruleSets, [...app.rules.ruleSets.keys()])
  t.ok(ready.json().ruleSets.includes('association'))
})

t.test('an unknown route is a 404 problem', async (t) => {
  const res = await app.inject('/v2/nothing?x=1')
  t.equal(res.statusCode, 404)
  t.equal(res.json().detail, 'No route GET /v2/nothing')
})
