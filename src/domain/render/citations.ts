/**
 * Citations, built from the catalog (src/domain/rules/catalog.ts `cite`) for the clause@version pairs
 * of the verdicts, and the provenance of an answer: the instruments and versions those pairs name.
 */
import type { Bilingual, Lang } from '../../schemas/common.js'
import type { Citation } from '../../schemas/citation.js'
import { cite, type Catalog } from '../rules/catalog.js'
import type { ClauseAt, Verdicts } from '../decide/verdicts.js'
import { text } from './text.js'

/**
 * Rendered citations by catalog (a reload brings a new catalog), role (a supporting clause's role is
 * an object of the loaded rule data, so it is as stable as the catalog; NO_ROLE for none), clause,
 * version and language. A response is never changed once rendered, so responses can share them.
 */
const RENDERED = new WeakMap<Catalog, WeakMap<Bilingual, Map<string, Citation>>>()
const NO_ROLE: Bilingual = { zh: '', en: '' }

function build (catalog: Catalog, at: ClauseAt, lang: Lang): Citation {
  // cite gives a fresh copy, so its texts can be replaced here.
  const c = cite(catalog, at.clause, at.version) as Citation
  c.summary = text(c.summary, lang)
  if (at.role !== undefined) c.role = text(at.role, lang)
  return c
}

export function citation (catalog: Catalog, at: ClauseAt, lang: Lang): Citation {
  let byRole = RENDERED.get(catalog)
  if (byRole === undefined) RENDERED.set(catalog, byRole = new WeakMap())
  const role = at.role ?? NO_ROLE
  let memo = byRole.get(role)
  if (memo === undefined) byRole.set(role, memo = new Map())
  const k = `${at.clause}\0${at.version}\0${lang}`
  let c = memo.get(k)
  if (c === undefined) memo.set(k, c = build(catalog, at, lang))
  return c
}

export const citations = (catalog: Catalog, pairs: ClauseAt[], lang: Lang): Citation[] => pairs.map((p) => citation(catalog, p, lang))

type Cited = Map<string, Set<string>>

function add (out: Cited, pairs: ClauseAt[]): void {
  for (const p of pairs) {
    let versions = out.get(p.instrument)
    if (versions === undefined) out.set(p.instrument, versions = new Set())
    versions.add(p.version)
  }
}

/** The instruments and versions cited, each once, sorted: every clause@version pair of the verdicts. */
export function instrumentsCited (v: Verdicts): Array<{ instrument: string, versions: string[] }> {
  const byInstrument: Cited = new Map()
  for (const t of v.triggered) {
    if (t.temporal !== undefined) add(byInstrument, [t.temporal])
    add(byInstrument, t.clauses)
    if (t.referral !== undefined) add(byInstrument, t.referral.clauses)
    for (const a of t.statutory) add(byInstrument, a.clauses)
  }
  for (const f of v.findings) add(byInstrument, f.clauses)
  for (const s of v.classification.steps) add(byInstrument, s.clauses)
  add(byInstrument, v.classification.referral?.clauses ?? [])
  // Instrument ids and versions are ASCII codes: code-unit order, not a locale's collation.
  return [...byInstrument.keys()].sort().map((instrument) => ({ instrument, versions: [...byInstrument.get(instrument)!].sort() }))
}
