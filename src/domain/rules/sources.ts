/**
 * The public sources the rules cite (rules/sources.json), by id. Every `sources` list in the catalog,
 * the rule sets and the shared conditions must name ids of this file: the loader refuses one that does
 * not resolve, with the file and the JSON pointer. Next to each list the loader writes `source`, the
 * sources named in words, for answers that show provenance as one string (never a file name).
 */
import type { Source } from '../../schemas/rules-sources.js'
import type { RulesProblem } from '../../errors.js'

export const SOURCES_FILE = 'sources.json'

export type Sources = ReadonlyMap<string, Source>

/** The sources of a file, by id; a duplicate id is a problem. */
export function sourcesById (file: string, list: Source[], problems: RulesProblem[]): Map<string, Source> {
  const byId = new Map<string, Source>()
  list.forEach((s, i) => {
    if (byId.has(s.id)) problems.push({ file, pointer: `/sources/${i}/id`, message: `duplicate source id '${s.id}'` })
    byId.set(s.id, s)
  })
  return byId
}

/** One source in words: its title, issuer and date, and its id. */
function named (id: string, sources: Sources): string {
  const s = sources.get(id)
  return s === undefined ? id : `${s.title.zh}（${s.issuer.zh}，${s.date === 'unknown' ? '日期不详' : s.date}）[${id}]`
}

export function sourcesText (ids: readonly string[], sources: Sources): string {
  return ids.map((id) => named(id, sources)).join('；')
}

/** Every `sources` list in a parsed rules file, with its JSON pointer and the object that holds it. */
function * sourceLists (node: unknown, pointer: string): Generator<{ holder: Record<string, unknown>, ids: string[], pointer: string }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield * sourceLists(node[i], `${pointer}/${i}`)
    return
  }
  if (node === null || typeof node !== 'object') return
  const holder = node as Record<string, unknown>
  for (const [key, value] of Object.entries(holder)) {
    if (key === 'sources' && Array.isArray(value)) yield { holder, ids: value as string[], pointer: `${pointer}/sources` }
    else yield * sourceLists(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`)
  }
}

/** Every source id that does not resolve, with its pointer. */
export function unresolvedSources (file: string, data: unknown, sources: Sources): RulesProblem[] {
  const problems: RulesProblem[] = []
  for (const { ids, pointer } of sourceLists(data, '')) {
    ids.forEach((id, i) => {
      if (!sources.has(id)) problems.push({ file, pointer: `${pointer}/${i}`, message: `source '${id}' is not in ${SOURCES_FILE}` })
    })
  }
  return problems
}

/** Writes `source` (the sources in words) next to every `sources` list of a parsed, validated file. */
export function nameSources (data: unknown, sources: Sources): void {
  for (const { holder, ids } of sourceLists(data, '')) holder.source = sourcesText(ids, sources)
}
