/**
 * Response language: options.lang, else the best of zh / en in Accept-Language (negotiated in
 * src/plugins/language.ts), else zh. Every bilingual text in the response keeps both languages and
 * gains `text` in the chosen one.
 */
import type { TSchema } from '@sinclair/typebox'
import type { Lang } from '../../schemas/common.js'

/** What one localising walk carries: the language, and the instruments and versions it met in citations. */
export interface LocaliseState {
  lang: Lang
  cited: Map<string, Set<string>>
}

type Walk = (value: any, state: LocaliseState) => unknown // eslint-disable-line @typescript-eslint/no-explicit-any

const localText: Walk = (t: { zh: string, en: string }, s) => ({ zh: t.zh, en: t.en, text: s.lang === 'zh' ? t.zh : t.en })

/**
 * A walk of values of one schema that gives every { zh, en } text (the shared `Text` schema) a `text`
 * in the chosen language and records the instrument and version of every `Citation`. It is compiled
 * from the schema, so it visits only the properties where a text or a citation can be, and it follows
 * the schema as it changes. Containers are changed in place (a response is built fresh per request);
 * texts are replaced by copies, since they are shared with the loaded rules. Returns undefined for a
 * schema with nothing to localise.
 */
export function compileLocaliser (schema: TSchema, byId: ReadonlyMap<string, TSchema>, memo = new Map<string, Walk | undefined | 'compiling'>()): Walk | undefined {
  if (typeof schema.$ref === 'string') {
    const id = schema.$ref
    if (!memo.has(id)) {
      memo.set(id, 'compiling')
      memo.set(id, compileLocaliser(byId.get(id) as TSchema, byId, memo))
    }
    const walk = memo.get(id)
    if (walk === 'compiling') throw new Error(`compileLocaliser: schema '${id}' refers to itself; recursive schemas are not supported`)
    return walk
  }
  if (schema.$id === 'Text') return localText
  if (schema.type === 'array') {
    const item = compileLocaliser(schema.items as TSchema, byId, memo)
    return item === undefined
      ? undefined
      : (v: unknown[], s) => {
          for (let i = 0; i < v.length; i++) v[i] = item(v[i], s)
          return v
        }
  }
  if (Array.isArray(schema.anyOf)) {
    const walks = (schema.anyOf as TSchema[]).map((m) => compileLocaliser(m, byId, memo)).filter((w) => w !== undefined)
    if (walks.length > 1) throw new Error('compileLocaliser: a union of more than one schema with texts cannot be told apart')
    const [walk] = walks
    return walk === undefined ? undefined : (v, s) => v === null ? v : walk(v, s)
  }
  if (schema.type === 'object' && schema.properties !== undefined) {
    const props = Object.entries(schema.properties as Record<string, TSchema>)
      .map(([k, child]) => [k, compileLocaliser(child, byId, memo)] as const)
      .filter((p): p is readonly [string, Walk] => p[1] !== undefined)
    if (props.length === 0) return undefined
    const citation = schema.$id === 'Citation' // a citation always has texts (its summary)
    return (v: Record<string, unknown>, s) => {
      if (citation) {
        const { instrument, version } = v as { instrument: string, version: string }
        let versions = s.cited.get(instrument)
        if (versions === undefined) s.cited.set(instrument, versions = new Set())
        versions.add(version)
      }
      for (const [k, walk] of props) if (v[k] !== undefined) v[k] = walk(v[k], s)
      return v
    }
  }
  return undefined
}
