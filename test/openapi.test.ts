import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Validator } from '@seriousme/openapi-schema-validator'
import { buildApp } from './helpers/app.js'
import { PACKAGE_ROOT } from '../src/paths.js'
import { referenceCase } from './helpers/cases.js'
import { EXAMPLES_FILE, applyExamples } from '../src/examples.js'
import { collectExamples, Collector, assertShows } from '../scripts/openapi-examples.js'

t.test('openapi.yaml is what the code generates, and it is valid OpenAPI', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  await app.ready()
  const committed = readFileSync(join(PACKAGE_ROOT, 'openapi.yaml'), 'utf8')
  t.equal(committed, app.swagger({ yaml: true }), 'openapi.yaml is up to date (run `npm run openapi` after changing a route or schema)')

  const res = await app.inject({ method: 'GET', url: '/openapi.yaml' })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/yaml/)
  t.equal(res.body, committed, 'the service serves the same document')

  const doc = parse(committed)
  const result = await new Validator().validate(doc)
  t.same(result.errors ?? [], [], 'no schema errors')
  t.equal(result.valid, true)

  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      t.ok(op.operationId, `${method} ${path} has an operationId`)
      t.ok(op.tags?.length > 0, `${method} ${path} has tags`)
    }
  }
  const evaluate = doc.paths['/v1/evaluations'].post
  const requestExamples = evaluate.requestBody.content['application/json'].examples
  t.same(Object.keys(requestExamples)[0], 'reference-case', 'the first example (the one /docs runs) is the reference case')
  t.same(requestExamples['reference-case'].value, referenceCase().request, 'the reference case is the request example')
  t.ok(evaluate.responses['422'].content['application/problem+json'], 'problems are documented as application/problem+json')
  t.same(Object.keys(evaluate.responses).sort(), ['200', '400', '401', '403', '413', '415', '422', '429', '500', '503'])
  t.same(evaluate.security, [{ bearerAuth: [] }])
  t.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer')
})

t.test('the examples are what the service answers now, and every body has one', async (t) => {
  const committed = JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8'))
  t.same(committed, await collectExamples(), 'src/openapi-examples.json is up to date (run `npm run openapi` after changing an answer, a problem or the rules)')

  const doc = parse(readFileSync(join(PACKAGE_ROOT, 'openapi.yaml'), 'utf8'))
  for (const [path, ops] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      for (const [type, media] of Object.entries<any>(op.requestBody?.content ?? {})) {
        t.ok(Object.keys(media.examples ?? {}).length > 0, `${method} ${path}: the ${type} request body has an example`)
      }
      for (const [status, res] of Object.entries<any>(op.responses)) {
        // The spec itself (GET /openapi.yaml) is the one body without a schema: it is this document.
        for (const [type, media] of Object.entries<any>(res.content ?? {}).filter(([, m]) => m.schema !== undefined)) {
          const examples = Object.values<any>(media.examples ?? {})
          t.ok(examples.length > 0, `${method} ${path} ${status}: the ${type} body has an example`)
          for (const x of examples.filter((x) => typeof x.value?.status === 'number' && type === 'application/problem+json')) {
            t.equal(x.value.status, Number(status), `${method} ${path} ${status}: the problem example has that status`)
          }
        }
      }
    }
  }
  const answers = doc.paths['/v1/evaluations'].post.responses['200'].content['application/json'].examples
  t.same(Object.keys(answers), ['reference-case', 'undetermined', 'finding'], 'a triggered, an undetermined and a finding answer')
  t.equal(answers['reference-case'].value.classification.status, 'sanction-proposed')
  t.equal(answers.undetermined.value.classification.status, 'undetermined')
})

t.test('collecting examples stops on an answer that is not the one expected', async (t) => {
  const c = new Collector('sha256:abc')
  const res = { statusCode: 404, body: '{}', json: () => ({}) } as Parameters<Collector['record']>[4]
  t.throws(() => c.record('getRuleSet', 'x', 'x', 200, res), /getRuleSet x: expected 200, the service answered 404/)
  t.same(c.set, {})
  const answer = (triggered: number, undetermined: number, findings: number) => ({ triggered: Array(triggered), undetermined: Array(undetermined), findings: Array(findings) })
  const kinds = ['triggered', 'undetermined', 'finding'] as const
  const accepted = (a: ReturnType<typeof answer>) => kinds.filter((k) => { try { assertShows(a, k, 'x'); return true } catch { return false } })
  t.same(accepted(answer(1, 1, 1)), ['triggered'])
  t.same(accepted(answer(0, 1, 1)), ['undetermined'])
  t.same(accepted(answer(0, 0, 1)), ['finding'])
  t.throws(() => assertShows(answer(0, 0, 0), 'finding', 'finding (a case)'), /example finding \(a case\) no longer gives a finding answer/)
  t.throws(() => applyExamples({ '/x': { get: { operationId: 'x', responses: { 200: {} } } } }, { x: { responses: { 200: { a: { summary: 'a', value: 1 } } } } }),
    /examples of x 200: the route declares no such body/)
})
