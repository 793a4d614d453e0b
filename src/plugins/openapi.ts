/**
 * The OpenAPI document, generated from the route schemas by @fastify/swagger. Shared schemas keep
 * their $id as component names. openapi.yaml in the repository is this document, committed; a test
 * fails when the two drift.
 */
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import type { TSchema } from '@sinclair/typebox'
import { SERVICE_VERSION } from '../version.js'
import { applyExamples, type Operation as Documented } from '../examples.js'
import { PROBLEM_CONTENT_TYPE } from './problems.js'

type Operation = Documented & { responses: Record<string, { headers?: unknown, content?: Record<string, { schema?: { $ref?: string } }> }> }

/** Sent with every answer, problems included (docs/api-versioning.md). */
const VERSION_HEADERS = {
  'X-Service-Version': { description: 'The service version that answered, e.g. 0.1.0.', schema: { type: 'string' } },
  'X-Rules-Revision': { description: 'The rules revision the answer was computed on (sha256:…), as in rulesRevision and GET /readyz.', schema: { type: 'string' } }
}
// A fresh object per response: a shared one would be written as YAML anchors and aliases.
const versionHeaderRefs = () => Object.fromEntries(Object.keys(VERSION_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]))

/**
 * What the route schemas cannot say: problem responses are application/problem+json, every response
 * carries the version headers, and the examples are real answers (src/examples.ts).
 */
function finish (doc: { paths: Record<string, Record<string, Operation>>, components: Record<string, unknown> }) {
  doc.components.headers = VERSION_HEADERS
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      for (const res of Object.values(op.responses)) {
        res.headers = versionHeaderRefs()
        const json = res.content?.['application/json']
        if (json?.schema?.$ref === '#/components/schemas/Problem') res.content = { [PROBLEM_CONTENT_TYPE]: json }
      }
    }
  }
  applyExamples(doc.paths)
  return doc
}

export default fp<{ schemas: TSchema[] }>(async (app, opts) => {
  for (const schema of opts.schemas) app.addSchema(schema)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'discipline-rules',
        // One version: the package's, which answers report in their provenance too.
        version: SERVICE_VERSION,
        description: 'Decision support for Party-discipline case handling: evaluates the facts of a case against machine-readable rule sets encoding the 《中国共产党纪律处分条例》 (2015, 2018 and 2023 revisions) and the 2002 notice on hometown, alumni and veterans\' associations, and answers which rules are triggered, how severe the case is, and which clauses it rests on. It proposes; a person decides.'
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key (API_KEYS / API_KEYS_FILE) as a bearer token. Health, readiness, metrics and docs are open.' }
        }
      },
      tags: [
        { name: 'evaluations', description: 'Evaluate the facts of a case.' },
        { name: 'rulesets', description: 'The rules the service evaluates against.' },
        { name: 'operations', description: 'Health, readiness and the API description.' }
      ]
    },
    transformObject: (documentObject) => finish((documentObject as unknown as { openapiObject: Parameters<typeof finish>[0] }).openapiObject) as never,
    refResolver: {
      // Every shared schema has an $id (src/schemas/registry.ts): it names the component.
      buildLocalReference: (json) => json.$id as string
    }
  })
}, { name: 'openapi' })
