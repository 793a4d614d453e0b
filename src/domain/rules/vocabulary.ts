/**
 * The names rules use for facts. A rule condition reads `subject.<path>` (the person) or
 * `conduct.<path>` (the conduct item being evaluated); each name maps to one JSON pointer in the
 * request, which is how explanations and "missing" lists point back at the caller's input.
 */
import type { TSchema } from '@sinclair/typebox'
import { Subject, ConductItem, Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest } from '../../schemas/facts.js'
import { NO_SUSPECTED_CRIME } from '../../schemas/facts/conduct-fields.js'
import { applyAliases } from './aliases.js'

/** Shared schemas a conduct item refers to by $id. */
const REFS: Record<string, TSchema> = Object.fromEntries(
  [Association, Speech, Content, Benefit, Secret, Business, Election, Faction, Position, Protest].map((s) => [s.$id as string, s])
)

/** Conduct-item fields that are not facts about the conduct itself. */
const NOT_FACTS = new Set(['id', 'type', 'statedCircumstances', 'mitigating', 'aggravating', 'mitigationEffect', 'aggravationEffect', 'jointRole'])

function leafNames (ref: TSchema, prefix: string, out: Map<string, TSchema>): void {
  const schema = typeof ref.$ref === 'string' ? REFS[ref.$ref] : ref
  const props = (schema as { properties?: Record<string, TSchema> }).properties
  if (schema.type !== 'object' || props === undefined) {
    out.set(prefix, schema)
    return
  }
  for (const [key, child] of Object.entries(props)) {
    if (prefix === 'conduct' && NOT_FACTS.has(key)) continue
    leafNames(child, `${prefix}.${key}`, out)
  }
}

/** Every fact a rule may read, with the schema of its value (what values the fact can take). */
export const FACT_SCHEMAS: ReadonlyMap<string, TSchema> = (() => {
  const out = new Map<string, TSchema>()
  leafNames(Subject, 'subject', out)
  leafNames(ConductItem, 'conduct', out)
  return out
})()

/** Every fact name a rule may read, derived from the facts schema so that the two cannot drift. */
export const FACT_NAMES: ReadonlySet<string> = new Set(FACT_SCHEMAS.keys())

/** Fact name → where it lives below its root; fact names come from the rule data, a finite set. */
const PATHS = new Map<string, { subject: boolean, rest: string }>()

export function pointerFor (fact: string, conductIndex: number): string {
  let p = PATHS.get(fact)
  if (p === undefined) {
    const [root, ...path] = fact.split('.')
    p = { subject: root === 'subject', rest: `/${path.join('/')}` }
    PATHS.set(fact, p)
  }
  return p.subject ? `/facts/subject${p.rest}` : `/facts/conduct/${conductIndex}${p.rest}`
}

/** prefix → key → `${prefix}.${key}` for every fact name and its prefixes: built once, not per request. */
const JOINED = new Map<string, Map<string, string>>()
for (const name of FACT_NAMES) {
  const parts = name.split('.')
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('.')
    let keys = JOINED.get(prefix)
    if (keys === undefined) JOINED.set(prefix, keys = new Map())
    keys.set(parts[i], `${prefix}.${parts[i]}`)
  }
}

function flattenInto (value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>
    const joined = JOINED.get(prefix)
    for (const key in obj) {
      if (prefix === 'conduct' && NOT_FACTS.has(key)) continue
      flattenInto(obj[key], joined?.get(key) ?? `${prefix}.${key}`, out)
    }
    return
  }
  out[prefix] = value
}

/**
 * Findings the party organisation records only when it makes them: absent, they read as "none found"
 * rather than unknown. The suspicion of a crime and the unlawful act (the law-linkage articles' elements
 * are the organisation's own findings in the review, 纪律审查中发现: 2015 Arts 27/29, 2018 Arts 27/28,
 * 2023 Arts 29/30); every other absent fact stays absent.
 */
const UNSTATED: ReadonlyArray<[string, unknown]> = [['conduct.suspectedCrime', NO_SUSPECTED_CRIME], ['conduct.publicSecurityViolation', false]]

/** The flat fact map a rule engine run sees for one conduct item. Absent facts stay absent, but for UNSTATED and the facts stated in their older place (aliases.ts). */
export function flattenFacts (subject: object, conduct: object): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  flattenInto(subject, 'subject', out)
  flattenInto(conduct, 'conduct', out)
  applyAliases(out)
  for (const [name, value] of UNSTATED) if (out[name] === undefined) out[name] = value
  return out
}
