/**
 * Writes the JSON Schemas of the rules files under rules/schema/ for editors: `npm run rules:schemas`.
 * They are generated from the TypeBox schemas the loader and `rules:check` use; the committed files
 * must equal what this generates (test/tools/schemas.test.ts fails when they drift).
 */
import { writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { TSchema } from '@sinclair/typebox'
import { CatalogFile, ConditionsFile, RuleSetFile } from '../schemas/rules-data.js'
import { CaseFile, CASE_FILE_REFS } from '../schemas/case-file.js'
import { BUNDLED_RULES_DIR } from '../paths.js'
import { isMain } from './cli.js'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/**
 * A self-contained draft-07 schema: every schema with an $id (the shared facts schemas, the recursive
 * rule condition) goes once under `definitions`, and every reference to it points there.
 */
export function toJsonSchema (root: TSchema, refs: TSchema[], title: string, description: string): Json {
  const byId = new Map(refs.map((s) => [s.$id as string, JSON.parse(JSON.stringify(s)) as Record<string, Json>]))
  const definitions: Record<string, Json> = {}
  const define = (id: string, schema: Record<string, Json>): void => {
    if (id in definitions) return
    definitions[id] = null
    const { $id, ...rest } = schema
    definitions[id] = visit(rest)
  }
  const visit = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(visit)
    if (node === null || typeof node !== 'object') return node
    if (typeof node.$id === 'string') {
      define(node.$id, node)
      return { $ref: `#/definitions/${node.$id}` }
    }
    const out: Record<string, Json> = {}
    for (const [k, v] of Object.entries(node)) {
      // The facts' x-label/x-enum-labels wording is for callers' forms and explanations; editors do
      // not show it, and strict JSON Schema validators (Ajv's default) refuse unknown keywords.
      if (k.startsWith('x-')) continue
      if (k === '$ref' && typeof v === 'string') {
        const target = byId.get(v)
        if (target !== undefined) define(v, target)
        out[k] = `#/definitions/${v}`
      } else out[k] = visit(v)
    }
    return out
  }
  const { $id, ...body } = JSON.parse(JSON.stringify(root)) as Record<string, Json>
  const top = visit(body) as Record<string, Json>
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    description,
    ...top,
    ...(Object.keys(definitions).length > 0 ? { definitions } : {})
  }
}

const GENERATED = 'Generated from src/schemas by `npm run rules:schemas`; do not edit by hand.'

/** File name under rules/schema/ → its content. */
export function generateSchemas (): Record<string, string> {
  const files: Record<string, Json> = {
    'ruleset.schema.json': toJsonSchema(RuleSetFile, [], 'Rule set (rules/rulesets/*.json)', `A rule set in json-rules-engine JSON; each rule's event is a catalog clause. See rules/README.md. ${GENERATED}`),
    'catalog.schema.json': toJsonSchema(CatalogFile, [], 'Clause catalog of one instrument (rules/catalog/<instrument id>.json)', `The instrument with the in-force period of each version, and every provision of it the rules cite: each version with its article and summary, its tiers written once under the date they changed. ${GENERATED}`),
    'conditions.schema.json': toJsonSchema(ConditionsFile, [], 'Shared conditions (rules/conditions.json)', `Named conditions that rules refer to as { "condition": "<name>" }. ${GENERATED}`),
    'case.schema.json': toJsonSchema(CaseFile, CASE_FILE_REFS, 'Golden case (rules/cases/*.json)', `A request and the answer expected for it. ${GENERATED}`)
  }
  return Object.fromEntries(Object.entries(files).map(([name, schema]) => [name, JSON.stringify(schema, null, 2) + '\n']))
}

export function writeSchemas (dir = join(BUNDLED_RULES_DIR, 'schema')): string[] {
  mkdirSync(dir, { recursive: true })
  return Object.entries(generateSchemas()).map(([name, text]) => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  })
}

/** `generate-schemas [dir]` (default rules/schema): writes the files and names them. */
export function main (argv: string[], write: (text: string) => void): number {
  for (const file of writeSchemas(argv[0])) write(`wrote ${file}\n`)
  return 0
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text))
