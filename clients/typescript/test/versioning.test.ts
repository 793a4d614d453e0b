/**
 * docs/api-versioning.md stays true to openapi.yaml: the code lists it says may grow within v1 hold today
 * exactly the values the published schema lists, and the lists it says are fixed are the schema's, in order.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { SPEC } from '../scripts/generate.mjs'

const policy = readFileSync(join(SPEC, '..', 'docs', 'api-versioning.md'), 'utf8')
const schemas = parse(readFileSync(SPEC, 'utf8')).components.schemas
/** The values of a schema's enum, or of its anyOf of single-value enums (TypeBox unions of literals). */
const valuesOf = (s: any): string[] => s.enum ?? s.anyOf.flatMap((a: any) => a.enum ?? [a.const])
const codes = (text: string): string[] => [...text.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1])

t.test('the code lists that may grow: today\'s values are the schema\'s', async (t) => {
  const rows = new Map(policy.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('| `')).map((l) => {
    const cells = l.split('|').map((c) => c.trim())
    return [cells[1].replace(/`/g, ''), { values: cells[2], ifUnknown: cells[3] }]
  }))
  t.same(codes(rows.get('classification.status')!.values), valuesOf(schemas.Classification.properties.status))
  t.same(codes(rows.get('findings[].status')!.values), valuesOf(schemas.NonSanctionFinding.properties.status))
  t.same(codes(rows.get('circumstance.source')!.values), valuesOf(schemas.CircumstanceFinding.properties.source))
  t.match(rows.get('classification.status')!.ifUnknown, /never read an unknown status as "no violation"/i, 'an unknown status is never a clean answer')
})

t.test('the code lists that are fixed within v1 are the schema\'s, in order', async (t) => {
  const fixed = /These lists do \*\*not\*\* change within v1: ([\s\S]*?)If the regulations/.exec(policy)?.[1] ?? ''
  const [ladder, tiers, lang] = fixed.split(/\), the circumstance tiers|, and `lang`/)
  t.same(codes(ladder.split('—')[0]), valuesOf(schemas.Sanction), 'the sanction ladder, lightest first')
  t.same(codes(tiers), valuesOf(schemas.Circumstance), 'the circumstance tiers')
  t.same(codes(lang), valuesOf(schemas.EvaluationResponse.properties.lang), 'the languages')
})

t.test('deprecation, sunset and version headers are named', async (t) => {
  for (const text of ['Deprecation: @', 'Sunset: ', 'RFC 9745', 'RFC 8594', '`X-Service-Version`', '`X-Rules-Revision`']) t.ok(policy.includes(text), text)
  const at = Number(/Deprecation: @(\d+)/.exec(policy)![1])
  const sunset = Date.parse(/Sunset: (.+ GMT)/.exec(policy)![1])
  t.ok(sunset - at * 1000 >= 181 * 24 * 3600 * 1000, 'the example keeps the six-month minimum it states')
})
