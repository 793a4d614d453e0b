import t from 'tap'
import { Writable } from 'node:stream'
import { buildApp } from '../helpers/app.js'
import { bundledFiles, writeRules } from '../helpers/rules-dir.js'
import { referenceCase } from '../helpers/cases.js'

const SET = 'rulesets/association.json'
const reference = referenceCase().request

t.test('reload: swap on success, reject a broken rule set and keep serving, report unchanged', async (t) => {
  const files = bundledFiles()
  const dir = writeRules(t.testdir(), files)
  const app = buildApp({ config: { RULES_DIR: dir } })
  t.teardown(() => app.close())
  const before = (await app.inject('/readyz')).json().rulesRevision

  t.same((await app.inject({ method: 'POST', url: '/admin/reload' })).json().status, 'unchanged')

  files[SET].rules[0].title.en = 'Leading cadre joins a spontaneous association'
  writeRules(dir, files)
  const ok = (await app.inject({ method: 'POST', url: '/admin/reload' })).json()
  t.equal(ok.status, 'reloaded')
  t.equal(ok.previousRevision, before)
  t.not(ok.rulesRevision, before)
  t.equal((await app.inject('/readyz')).json().rulesRevision, ok.rulesRevision, '/readyz reports the revision in use')
  const evaluation = (await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })).json()
  t.equal(evaluation.rulesRevision, ok.rulesRevision, 'responses report it too')
  t.equal(evaluation.triggered[0].title.en, 'Leading cadre joins a spontaneous association')

  files[SET].rules[0].clause = 'ccp.no-such-clause'
  writeRules(dir, files)
  const bad = await app.inject({ method: 'POST', url: '/admin/reload' })
  t.equal(bad.statusCode, 422)
  t.equal(bad.json().type, 'urn:discipline-rules:problem:rules-rejected')
  t.same(bad.json().errors, [{ pointer: 'rulesets/association.json#/rules/0/clause', detail: "clause 'ccp.no-such-clause' is not in the catalog" }])
  t.equal((await app.inject('/readyz')).json().rulesRevision, ok.rulesRevision, 'the previous rules keep serving')

  const metrics = (await app.inject('/metrics')).body
  t.match(metrics, /rules_reloads_total\{result="success"\} 2/)
  t.match(metrics, /rules_reloads_total\{result="failure"\} 1/)
  t.match(metrics, new RegExp(`rules_revision_info\\{revision="${ok.rulesRevision}"\\} 1`))
  t.notMatch(metrics, new RegExp(`revision="${before}"`), 'only the revision in use')
})

t.test('an unexpected reload failure is a 500 without internals, and the old rules serve', async (t) => {
  const app = buildApp({ config: { RULES_DIR: writeRules(t.testdir(), bundledFiles()) } })
  t.teardown(() => app.close())
  await app.ready()
  const revision = app.rules.revision
  app.reloadRules = async () => { throw new Error('disk on fire: /secret/path') }
  const res = await app.inject({ method: 'POST', url: '/admin/reload' })
  t.equal(res.statusCode, 500)
  t.notMatch(res.body, /disk on fire/)
  t.equal(app.rules.revision, revision)
})

t.test('reload under concurrent load: no failed request, each answer on one revision', async (t) => {
  const files = bundledFiles()
  const dir = writeRules(t.testdir(), files)
  // Load shedding off: on a busy machine a reload can hold the event loop past the shedding bound, and
  // this test is about reload atomicity (shedding has its own test in limits.test.ts).
  const app = buildApp({ config: { RULES_DIR: dir, MAX_EVENT_LOOP_DELAY_MS: 0 } })
  t.teardown(() => app.close())
  await app.ready()
  const revisions = new Set([app.rules.revision])
  const requests: Array<Promise<{ statusCode: number, revision: string }>> = []
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < 40; i++) {
      requests.push(app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })
        .then((r) => ({ statusCode: r.statusCode, revision: r.json().rulesRevision })))
    }
    files[SET].rules[0].title.en = `Revision ${round}`
    writeRules(dir, files)
    const reloaded = await app.reloadRules()
    revisions.add(reloaded.rulesRevision)
  }
  const results = await Promise.all(requests)
  t.equal(results.length, 200)
  t.same(results.filter((r) => r.statusCode !== 200), [], 'no failed request')
  t.ok(results.every((r) => revisions.has(r.revision)), 'every answer names a revision that was in use')
  t.equal(revisions.size, 6)
})

t.test('one decision log line per evaluation, with no fact values', async (t) => {
  const lines: any[] = []
  const stream = new Writable({ write (chunk, _enc, done) { lines.push(JSON.parse(chunk.toString())); done() } })
  const app = buildApp({ logger: { level: 'info', stream } })
  t.teardown(() => app.close())
  const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: reference })
  const decisions = lines.filter((l) => l.msg === 'decision')
  t.equal(decisions.length, 1)
  t.match(decisions[0], {
    decisionId: res.json().decisionId,
    client: 'anonymous',
    rulesRevision: app.rules.revision,
    triggered: ['association.leading-cadre-unregistered'],
    classification: { status: 'sanction-proposed', provisional: false, sanctionRange: { min: 'warning', max: 'removal-from-party-posts' }, recommended: null },
    durationMs: Number
  })
  t.notMatch(JSON.stringify(lines), /在京老乡精英会|秘书长|memberCount|"400"|bureau/, 'no fact values in any log line')
  const metrics = (await app.inject('/metrics')).body
  t.match(metrics, /rule_outcomes_total\{rule_set="association",outcome="triggered"\} 1/)
  t.match(metrics, /evaluations_total\{status="sanction-proposed"\} 1/)
  t.match(metrics, /http_requests_total\{method="POST",route="\/v1\/evaluations",status="200"\} 1/)
  t.match(metrics, /http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/v1\/evaluations",status="200"\} 1/)
  t.equal((await app.inject('/nowhere')).statusCode, 404)
  t.match((await app.inject('/metrics')).body, /route="unmatched",status="404"/)
})
