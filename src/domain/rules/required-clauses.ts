/**
 * The catalog clauses the code itself cites (the general provisions of the sanction arithmetic and the
 * temporal rule), declared once: decide imports this list rather than spelling the ids, and the loader
 * refuses a catalog that lacks one of them, or lacks a version of it that a rule can apply, instead of
 * loading and then failing every request.
 */
import type { Catalog } from './catalog.js'
import type { RulesProblem } from '../../errors.js'

/** The instrument whose general provisions the code cites. */
export const REGULATIONS = 'ccp-discipline-regulations'

export const REQUIRED_CLAUSES = [
  'ccp.temporal',
  'ccp.exemption',
  'ccp.mitigation',
  'ccp.aggravation',
  'ccp.aggravation-repeat',
  'ccp.cooperation',
  'ccp.lighter-heavier',
  'ccp.reduced-aggravated',
  'ccp.multiple-violations',
  'ccp.no-party-post',
  'ccp.joint-violation'
] as const

export type RequiredClause = typeof REQUIRED_CLAUSES[number]

/**
 * Each required clause is in the catalog, and has a text, or is marked absent, in every version of the
 * regulations that some rule's clause has (the versions a rule can apply, at conduct or at decision).
 * `file` is the regulations' catalog file (catalog/<instrument id>.json: the loader enforces the name).
 */
export function requiredClauseProblems (catalog: Catalog, used: ReadonlySet<string>, file: string): RulesProblem[] {
  const applied = new Set<string>()
  for (const id of used) {
    const clause = catalog.clauses.get(id)
    if (clause?.instrument === REGULATIONS) clause.versions.forEach((v) => applied.add(v.version))
  }
  const problems: RulesProblem[] = []
  for (const id of REQUIRED_CLAUSES) {
    const clause = catalog.clauses.get(id)
    if (clause === undefined) {
      problems.push({ file, pointer: '/clauses', message: `clause '${id}' is missing: the sanction arithmetic cites it (REQUIRED_CLAUSES, src/domain/rules/required-clauses.ts)` })
      continue
    }
    const index = [...catalog.clauses.values()].filter((c) => c.instrument === REGULATIONS).indexOf(clause)
    for (const version of [...applied].sort()) {
      if (clause.versions.some((v) => v.version === version) || clause.absent?.some((a) => a.version === version) === true) continue
      problems.push({ file, pointer: `/clauses/${index}/versions`, message: `clause '${id}' has no text for version ${version} (and is not marked absent in it), which rules apply: the sanction arithmetic cites it` })
    }
  }
  return problems
}

/** The public sources the code itself cites: the reading of a repeated series at its last act (src/domain/decide/series.ts). */
export const REQUIRED_SOURCES = ['luckytm-cross-version-guidance', 'ccdi-practice-yang-junyan-counting'] as const

/** Each required source is in sources.json (`file`); no sources at all is reported once, as such. */
export function requiredSourceProblems (sources: ReadonlyMap<string, unknown>, file: string): RulesProblem[] {
  if (sources.size === 0) return []
  return REQUIRED_SOURCES.filter((id) => !sources.has(id)).map((id) => ({ file, pointer: '/sources', message: `source '${id}' is missing: the reading of a repeated series cites it (REQUIRED_SOURCES, src/domain/rules/required-clauses.ts)` }))
}
