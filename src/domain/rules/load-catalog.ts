/**
 * The clause catalog from its files: one file per instrument (catalog/<instrument id>.json) with the
 * instrument's versions and every clause of it. Values that change between versions only now and then
 * (an offence's sanction tiers, what a general provision covers) are written once under the in-force
 * date of the version in which they last changed, as OpenFisca writes dated parameters; here each
 * clause version gets the value it takes, so the rest of the code reads `version.tiers` as before.
 */
import { basename } from 'node:path'
import type { CatalogClause, CatalogFile, Clause, ClauseVersion, Instrument } from '../../schemas/rules-data.js'
import type { Catalog } from './catalog.js'
import type { RulesProblem } from '../../errors.js'

type Dated<T> = Record<string, T>

/** The entry of a dated value a version takes: the latest not after the version's in-force date. */
export function datedAt<T> (dated: Dated<T> | undefined, date: string): T | undefined {
  if (dated === undefined) return undefined
  const key = Object.keys(dated).filter((d) => d <= date).sort().pop()
  return key === undefined ? undefined : dated[key]
}

/**
 * A dated entry is dead when it dates no encoded version of the clause (no version comes into force on
 * that date) or repeats the entry before it unchanged; either way a reader would look for a change that
 * is not there.
 */
function datedProblems (file: string, at: string, field: string, dated: Dated<unknown>, inForce: Map<string, string>): RulesProblem[] {
  const problems: RulesProblem[] = []
  const dates = new Set(inForce.values())
  let previous: string | undefined
  for (const date of Object.keys(dated).sort()) {
    const pointer = `${at}/${field}/${date}`
    if (!dates.has(date)) {
      problems.push({ file, pointer, message: `dates no version of the clause: a dated entry is keyed by the in-force date of the version in which it changed (${[...dates].join(', ')})` })
    } else if (previous !== undefined && JSON.stringify(dated[previous]) === JSON.stringify(dated[date])) {
      problems.push({ file, pointer, message: `repeats the entry of ${previous} unchanged: write a value once, under the date it changed` })
    }
    previous = date
  }
  return problems
}

/** The clause as the rest of the code reads it: its instrument, and each version with the dated values it takes. */
function resolveClause (file: string, at: string, raw: CatalogClause, instrument: Instrument, problems: RulesProblem[]): Clause {
  const { tiers, covers, versions, ...rest } = raw
  const inForce = new Map<string, string>()
  versions.forEach((v, i) => {
    const iv = instrument.versions.find((x) => x.version === v.version)
    if (iv === undefined) problems.push({ file, pointer: `${at}/versions/${i}/version`, message: `instrument '${instrument.id}' has no version '${v.version}'` })
    else inForce.set(v.version, iv.inForce.from)
  })
  if (tiers !== undefined) problems.push(...datedProblems(file, at, 'tiers', tiers, inForce))
  if (covers !== undefined) problems.push(...datedProblems(file, at, 'covers', covers, inForce))
  const resolved = versions.map((v, i): ClauseVersion => {
    const date = inForce.get(v.version) ?? ''
    const t = datedAt(tiers, date)
    const c = datedAt(covers, date)
    if (raw.kind === 'offence' && t === undefined) {
      problems.push({ file, pointer: `${at}/versions/${i}`, message: `an offence needs its sanction tiers: no entry of 'tiers' is dated on or before ${date || 'its in-force date'}` })
    }
    // Each version its own copy, as when every version was written out: nothing is shared between them.
    return { ...v, ...(t !== undefined ? { tiers: structuredClone(t) } : {}), ...(c !== undefined ? { covers: [...c] } : {}) }
  })
  return { ...rest, instrument: instrument.id, versions: resolved }
}

/** Cross-checks the validated catalog files and builds the catalog; problems are pushed with file and pointer. */
export function buildCatalog (files: Array<{ file: string, data: CatalogFile }>, problems: RulesProblem[]): Catalog {
  const catalog: Catalog = { instruments: new Map(), clauses: new Map() }
  for (const { file, data } of files) {
    const inst = data.instrument
    if (basename(file, '.json') !== inst.id) {
      problems.push({ file, pointer: '/instrument/id', message: `the catalog file of instrument '${inst.id}' is catalog/${inst.id}.json (one file per instrument, named by its id)` })
    }
    if (catalog.instruments.has(inst.id)) problems.push({ file, pointer: '/instrument/id', message: `duplicate instrument id '${inst.id}'` })
    catalog.instruments.set(inst.id, inst)
  }
  for (const { file, data } of files) {
    data.clauses.forEach((raw, index) => {
      const at = `/clauses/${index}`
      if (catalog.clauses.has(raw.id)) problems.push({ file, pointer: `${at}/id`, message: `duplicate clause id '${raw.id}'` })
      const clause = resolveClause(file, at, raw, data.instrument, problems)
      catalog.clauses.set(raw.id, clause)
      clause.absent?.forEach((a, i) => {
        if (!data.instrument.versions.some((iv) => iv.version === a.version)) {
          problems.push({ file, pointer: `${at}/absent/${i}/version`, message: `instrument '${data.instrument.id}' has no version '${a.version}'` })
        } else if (clause.versions.some((v) => v.version === a.version)) {
          problems.push({ file, pointer: `${at}/absent/${i}/version`, message: `version '${a.version}' is both encoded and marked absent` })
        }
      })
    })
  }
  return catalog
}
