/**
 * Citations, built from the catalog (src/domain/rules/catalog.ts `cite`) for the clause@version pairs
 * of the verdicts, and the provenance of an answer: the instruments and versions those pairs name.
 */
import type { Lang } from '../../schemas/common.js'
import type { Citation } from '../../schemas/evaluation.js'
import { cite, type Catalog } from '../rules/catalog.js'
import type { ClauseAt, Verdicts } from '../decide/verdicts.js'
import { text } from './text.js'

/**
 * Rendered citations without a role, by catalog (a reload brings a new catalog), clause, version and
 * language. A response is never changed once rendered, so responses can share them.
 */
const RENDERED = new WeakMap<Catalog, Map<string, Citation>>()

function build (catalog: Catalog, at: ClauseAt, lang: Lang): Citation {
  // cite gives a fresh copy, so its texts can be replaced here.
  const c = cite(catalog, at.clause, at.version) as Citation
  c.summary = text(c.summary, lang)
  if (at.role !== undefined) c.role = text(at.role, lang)
  return c
}

export function citation (catalog: Catalog, at: ClauseAt, lang: Lang): Citation {
  if (at.role !== undefined) return build(catalog, at, lang)
  let memo = RENDERED.get(catalog)
  if (memo === undefined) RENDERED.set(catalog, memo = new Map())
  const k = `${at.clause}\0${at.version}\0${lang}`
  let c = memo.get(k)
  if (c === undefined) memo.set(k, c = build(catalog, at, lang))
  return c
}

export const citations = (catalog: Catalog, pairs: ClauseAt[], lang: Lang): Citation[] => pairs.map((p) => citation(catalog, p, lang))

/** Every clause@version pair an answer cites, from its verdicts. */
function cited (v: Verdicts): ClauseAt[] {
  return [
    ...v.triggered.flatMap((t) => [...(t.temporal === undefined ? [] : [t.temporal]), ...t.clauses, ...(t.referral?.clauses ?? []), ...t.statutory.flatMap((a) => a.clauses)]),
    ...v.findings.flatMap((f) => f.clauses),
    ...v.classification.steps.flatMap((s) => s.clauses),
    ...(v.classification.referral?.clauses ?? [])
  ]
}

/** The instruments and versions cited, each once, sorted. */
export function instrumentsCited (v: Verdicts): Array<{ instrument: string, versions: string[] }> {
  const byInstrument = new Map<string, Set<string>>()
  for (const p of cited(v)) {
    let versions = byInstrument.get(p.instrument)
    if (versions === undefined) byInstrument.set(p.instrument, versions = new Set())
    versions.add(p.version)
  }
  return [...byInstrument.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([instrument, versions]) => ({ instrument, versions: [...versions].sort() }))
}
