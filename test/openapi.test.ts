import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { Validator } from '@seriousme/openapi-schema-validator'
import { buildApp } from '../src/app.js'
import { PACKAGE_ROOT } from '../src/paths.js'
import { referenceCase } from './helpers/cases.js'

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
  t.same(evaluate.requestBody.content['application/json'].examples['reference-case'].value, referenceCase().request, 'the reference case is the request example')
  t.ok(evaluate.responses['422'].content['application/problem+json'], 'problems are documented as application/problem+json')
  t.same(Object.keys(evaluate.responses).sort(), ['200', '400', '401', '403', '413', '415', '422', '429', '500', '503'])
  t.same(evaluate.security, [{ bearerAuth: [] }])
  t.equal(doc.components.securitySchemes.bearerAuth.scheme, 'bearer')
})
