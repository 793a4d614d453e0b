/**
 * The facts vocabulary as one standalone JSON Schema (draft 2020-12), for integrators and editors:
 * the Facts schema with every shape it refers to under $defs.
 */
import type { TSchema } from '@sinclair/typebox'
import { Facts } from '../../schemas/facts.js'
import { SCHEMAS_BY_ID } from '../../schemas/registry.js'

function refsIn (value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out)
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && !out.has(v)) {
        out.add(v)
        refsIn(SCHEMAS_BY_ID.get(v), out)
      } else refsIn(v, out)
    }
  }
  return out
}

function relink (schema: TSchema): unknown {
  return JSON.parse(JSON.stringify(schema, (k, v) => (k === '$ref' ? `#/$defs/${v as string}` : k === '$id' ? undefined : v)))
}

export function factsJsonSchema (): Record<string, unknown> {
  const defs = [...refsIn(Facts, new Set())].sort()
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:discipline-rules:schema:facts',
    title: 'discipline-rules facts',
    ...(relink(Facts) as object),
    $defs: Object.fromEntries(defs.map((id) => [id, relink(SCHEMAS_BY_ID.get(id)!)]))
  }
}
