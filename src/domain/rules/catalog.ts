/**
 * The clause catalog: instruments with their versions' in-force periods, and provisions with their
 * article number, tiers and summary in each version. Citations are built from it and nothing else.
 */
import type { Clause, ClauseVersion, Instrument } from '../../schemas/rules-data.js'
import type { Citation } from '../../schemas/citation.js'
import { chineseNumeral } from './numerals.js'

export interface Catalog {
  instruments: Map<string, Instrument>
  clauses: Map<string, Clause>
}

type InstrumentVersion = Instrument['versions'][number]

/** The version of an instrument in force on a date (YYYY-MM-DD compares as text). */
export function versionInForce (instrument: Instrument, date: string): InstrumentVersion | undefined {
  return instrument.versions.find((v) => v.inForce.from <= date && (v.inForce.to === undefined || date <= v.inForce.to))
}

export function firstInForce (instrument: Instrument): string {
  return instrument.versions.map((v) => v.inForce.from).sort()[0]
}

export function clauseVersion (clause: Clause, version: string): ClauseVersion | undefined {
  return clause.versions.find((v) => v.version === version)
}

/** A citation of a clause in the version of its instrument in force on a date, if it has one then. */
export function citeAt (catalog: Catalog, clauseId: string, date: string, role?: { zh: string; en: string }): Citation | undefined {
  const clause = catalog.clauses.get(clauseId) as Clause
  const iv = versionInForce(catalog.instruments.get(clause.instrument) as Instrument, date)
  return iv === undefined ? undefined : cite(catalog, clauseId, iv.version, role)
}

/** An English gloss of a label: "Regulations … (2015 revision), Art 68, para 2, item (2)". */
export function gloss (instrument: Instrument, iv: InstrumentVersion, cv: ClauseVersion): string {
  const edition = instrument.versions.length > 1 ? `${iv.version} revision` : iv.version
  let out = `${instrument.title.en} (${edition}), Art ${cv.article}`
  if (cv.paragraph !== undefined) out += `, para ${cv.paragraph}`
  if (cv.item !== undefined) out += `, item (${cv.item})`
  return out
}

export function label (instrument: Instrument, iv: InstrumentVersion, cv: ClauseVersion): string {
  let out = `《${instrument.title.zh}》(${iv.label}) 第${chineseNumeral(cv.article)}条`
  if (cv.paragraph !== undefined) out += `第${chineseNumeral(cv.paragraph)}款`
  if (cv.item !== undefined) out += `第（${chineseNumeral(cv.item)}）项`
  return out
}

/**
 * A citation of a clause as it stood in one version. For a single-version instrument (the 2002
 * notice) the version is its only one, whatever the date.
 */
export function cite (catalog: Catalog, clauseId: string, version: string | undefined, role?: { zh: string; en: string }): Citation | undefined {
  let memo = CITATIONS.get(catalog)
  if (memo === undefined) {
    memo = new Map()
    CITATIONS.set(catalog, memo)
  }
  const k = `${clauseId}\0${version}`
  if (!memo.has(k)) memo.set(k, build(catalog, clauseId, version))
  const template = memo.get(k)
  // A fresh object each time: a response is localised in place, so citations are never shared
  // between responses (their texts and unconfirmed list are, and are never changed).
  return template === undefined ? undefined : role === undefined ? { ...template } : { ...template, role }
}

/** Citations without a role, by catalog (a reload brings a new catalog) and clause and version. */
const CITATIONS = new WeakMap<Catalog, Map<string, Citation | undefined>>()

/**
 * A clause as it stood in one version of its instrument, if it has that version. For a single-version
 * instrument (the 2002 notice) the version is its only one, whatever is asked.
 */
export function clauseIn (catalog: Catalog, clauseId: string, version: string | undefined): { clause: Clause, instrument: Instrument, iv: InstrumentVersion, cv: ClauseVersion } | undefined {
  const clause = catalog.clauses.get(clauseId) as Clause
  const instrument = catalog.instruments.get(clause.instrument) as Instrument
  const iv = instrument.versions.length === 1 ? instrument.versions[0] : instrument.versions.find((v) => v.version === version)
  const cv = iv === undefined ? undefined : clauseVersion(clause, iv.version)
  return cv === undefined ? undefined : { clause, instrument, iv: iv as InstrumentVersion, cv }
}

function build (catalog: Catalog, clauseId: string, version: string | undefined): Citation | undefined {
  const found = clauseIn(catalog, clauseId, version)
  if (found === undefined) return undefined
  const { clause, instrument, iv, cv } = found
  const unconfirmed = [...new Set([...(iv.unconfirmed ?? []), ...(cv.unconfirmed ?? [])])]
  return {
    clause: clause.id,
    instrument: instrument.id as Citation['instrument'],
    version: iv.version,
    article: cv.article,
    label: label(instrument, iv, cv),
    gloss: gloss(instrument, iv, cv),
    summary: cv.summary,
    unconfirmed,
    // optional, so after the required properties, as the serializer writes them (render.ts)
    ...(cv.paragraph !== undefined ? { paragraph: cv.paragraph } : {}),
    ...(cv.item !== undefined ? { item: cv.item } : {})
  }
}
