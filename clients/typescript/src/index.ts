/**
 * A typed client for the discipline-rules API: every path, body and answer is typed from openapi.yaml
 * (src/schema.ts, generated). openapi-fetch does the calls; this module adds only the API key.
 *
 *   const api = createDisciplineRulesClient({ baseUrl: 'http://discipline-rules.cases.svc', apiKey })
 *   const { data, error, response } = await api.POST('/v1/evaluations', { body: { facts, options } })
 *
 * `data` is the 200 body and `error` the problem (application/problem+json) of any other status; exactly
 * one of them is set. Unknown fields and enum values may appear within v1 (docs/api-versioning.md):
 * keep a default branch wherever you switch on a code.
 */
import createClient, { type Client, type ClientOptions } from 'openapi-fetch'
import type { components, paths } from './schema.js'

export type * from './schema.js'

/** Every named schema of the API (Schemas['EvaluationResponse'], Schemas['Problem'], ...). */
export type Schemas = components['schemas']

export interface DisciplineRulesClientOptions extends ClientOptions {
  /** The API key, sent as `Authorization: Bearer <key>` on every request. Health and readiness need none. */
  apiKey?: string
}

export type DisciplineRulesClient = Client<paths>

export function createDisciplineRulesClient ({ apiKey, ...options }: DisciplineRulesClientOptions = {}): DisciplineRulesClient {
  const client = createClient<paths>(options)
  if (apiKey !== undefined) {
    client.use({
      onRequest ({ request }) {
        request.headers.set('authorization', `Bearer ${apiKey}`)
        return request
      }
    })
  }
  return client
}
