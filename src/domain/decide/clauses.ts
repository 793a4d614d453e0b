/**
 * Clause@version pairs: the clauses a verdict rests on, in the version of their instrument that the
 * decision takes. Only pairs the catalog can cite are made (render cites each with the catalog).
 */
import type { Clause, Instrument } from '../../schemas/rules-data.js'
import type { Bilingual } from '../../schemas/common.js'
import { clauseIn, versionInForce, type Catalog } from '../rules/catalog.js'
import type { ClauseAt } from './verdicts.js'

/** A clause as it stood in one version (see clauseIn), if it has that version. */
export function clauseAt (catalog: Catalog, clauseId: string, version: string | undefined, role?: Bilingual): ClauseAt | undefined {
  const found = clauseIn(catalog, clauseId, version)
  if (found === undefined) return undefined
  return role === undefined ? { clause: clauseId, instrument: found.instrument.id, version: found.iv.version } : { clause: clauseId, instrument: found.instrument.id, version: found.iv.version, role }
}

/** A clause in the version of its instrument in force on a date, if it has one then. */
export function clauseOn (catalog: Catalog, clauseId: string, date: string): ClauseAt | undefined {
  const clause = catalog.clauses.get(clauseId) as Clause
  const iv = versionInForce(catalog.instruments.get(clause.instrument) as Instrument, date)
  return iv === undefined ? undefined : clauseAt(catalog, clauseId, iv.version)
}

/** The pairs that exist, in order. */
export function clausesAt (pairs: Array<ClauseAt | undefined>): ClauseAt[] {
  return pairs.filter((p): p is ClauseAt => p !== undefined)
}
