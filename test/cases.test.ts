/**
 * Every fixture under rules/cases is a specification: its name states the boundary it tests, and
 * the service must answer exactly the expected rules, versions, circumstances, ranges, citations and
 * classification. One subtest per fixture.
 */
import t from 'tap'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { buildApp } from './helpers/app.js'
import { EvaluationResponse } from '../src/schemas/evaluation.js'
import { SHARED_SCHEMAS } from '../src/schemas/registry.js'
import { loadCases } from './helpers/cases.js'

const responseCheck = TypeCompiler.Compile(EvaluationResponse, SHARED_SCHEMAS)
const byRule = <T extends { ruleId: string }>(xs: T[]) => [...xs].sort((a, b) => a.ruleId.localeCompare(b.ruleId))

const app = buildApp()
t.teardown(() => app.close())

const cases = loadCases()
t.ok(cases.length >= 20, 'the fixtures are there')

for (const c of cases) {
  t.test(`${c.file}: ${c.name}`, async (t) => {
    t.ok(c.name.length > 20 && c.provisions.length > 0, 'the fixture states what it tests and which provisions')
    const request = c.request as { options?: object }
    const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...request, options: { ...request.options, explain: 'full' } } })
    t.equal(res.statusCode, 200, 'answered 200')
    const body = res.json()
    t.same([...responseCheck.Errors(body)].map((e) => `${e.path}: ${e.message}`), [], 'the response matches its schema')

    t.same(byRule(body.triggered.map((x: any) => ({
      ruleId: x.ruleId,
      version: x.appliedVersion.version,
      circumstance: { tier: x.circumstance.tier, source: x.circumstance.source },
      sanctionRange: x.sanctionRange,
      ...(x.openTiers.length > 0 ? { openTiers: x.openTiers.map((o: any) => o.tier) } : {}),
      ...(x.appliedVersion.provisional === true ? { provisionalVersion: true } : {}),
      citations: x.citations.map((ci: any) => ci.label),
      ...(c.expect.triggered.find((e) => e.ruleId === x.ruleId)?.notes !== undefined ? { notes: x.notes.map((n: any) => n.id) } : {})
    }))), byRule(c.expect.triggered), 'triggered rules')
    t.same(byRule(body.undetermined.map((x: any) => ({ ruleId: x.ruleId, missing: [...x.missing].sort() }))),
      byRule(c.expect.undetermined.map((x) => ({ ...x, missing: [...x.missing].sort() }))), 'undetermined rules and the facts they miss')
    t.same(byRule(body.findings.map((x: any) => ({ ruleId: x.ruleId, status: x.status, ...(x.supersededBy !== undefined ? { supersededBy: x.supersededBy } : {}) }))),
      byRule(c.expect.findings), 'non-sanction findings')
    if (c.expect.notTriggered !== undefined) {
      t.same(body.notTriggered.map((x: any) => x.ruleId).sort(), [...c.expect.notTriggered].sort(), 'rules ruled out')
    }
    const cl = body.classification
    // "*" in a fixture means "left open by the facts": only a provisional classification may leave the
    // recommended sanction open; wherever the facts fix it, the case states it.
    const expected = c.expect.classification
    if (expected.recommended === '*') t.equal(expected.provisional, true, 'a case whose classification is not provisional states its recommended sanction (or null), never "*"')
    const recommendation = expected.recommendation === undefined ? {} : { recommendation: { reason: cl.recommendation.reason, narrowedBy: cl.recommendation.narrowedBy.map((x: any) => x.lever) } }
    t.same({ status: cl.status, provisional: cl.provisional, sanctionRange: cl.sanctionRange, recommended: expected.recommended === '*' ? '*' : cl.recommended, referral: cl.referral !== null, ...recommendation },
      expected, 'classification')
    // No recommendation without a source: a single sanction only where the range after every step is one sanction.
    t.equal(cl.recommended, cl.sanctionRange !== null && cl.sanctionRange.min === cl.sanctionRange.max ? cl.sanctionRange.min : null, 'recommended only where the range is one sanction')

    if (c.expect.adjustments !== undefined) {
      t.same(cl.adjustments.map((a: any) => ({ step: a.step, to: a.to, citations: a.citations.map((ci: any) => ci.label) })), c.expect.adjustments, 'the steps of the sanction arithmetic, each with its clause')
    }
    if (c.expect.appliedVersion !== undefined) {
      t.same(body.triggered.map((x: any) => ({ ruleId: x.ruleId, version: x.appliedVersion.version, citations: x.appliedVersion.citations.map((ci: any) => ci.label) })), c.expect.appliedVersion, 'the version applied and the temporal clause')
    }

    // Invariants that hold for every case.
    for (const x of body.triggered) {
      t.ok(x.citations.length > 0 && x.because.length > 0, `${x.ruleId} cites a clause and names the facts it rests on`)
      if (x.circumstance.source === 'inferred') t.equal(x.circumstance.provenance.inference, true, `${x.ruleId}: an inferred tier is labelled as inference`)
      if (x.circumstance.source === 'article') t.equal(x.circumstance.provenance.inference, false, `${x.ruleId}: the article's own test is not labelled as inference`)
      t.equal(x.appliedVersion.provisional, x.appliedVersion.settle.length > 0, `${x.ruleId}: a provisional choice of version names what would settle it`)
      for (const o of x.openTiers) t.ok(o.missing.length > 0, `${x.ruleId}: the open tier ${o.tier} names what would establish it`)
    }
    for (const u of body.undetermined) t.ok(u.missing.length > 0, `${u.ruleId} names what is missing`)
    t.equal(body.rulesRevision, app.rules.revision)
  })
}
