/**
 * The localising walk is compiled from the response schema and visits only where texts and citations
 * can be. These tests check it against a walk of everything: on every golden case, in both languages,
 * every { zh, en } text anywhere in the response has its `text`, and provenance names exactly the
 * instruments and versions of the citations found anywhere in it.
 */
import t from 'tap'
import { Type } from '@sinclair/typebox'
import { loadRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/decide/evaluate.js'
import { compileLocaliser } from '../../../src/domain/render/language.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { Text, ref } from '../../../src/schemas/common.js'
import { loadCases } from '../../helpers/cases.js'

const rules = await loadRules(BUNDLED_RULES_DIR)

/** Every object anywhere in a value, by a walk that knows nothing of the schema. */
function objects (value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) objects(v, out)
  else if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>)
    for (const v of Object.values(value)) objects(v, out)
  }
  return out
}

t.test('every text in every response is localised, and provenance names every instrument cited', async (t) => {
  let texts = 0
  for (const c of loadCases()) {
    for (const lang of ['zh', 'en'] as const) {
      const request = { ...(c.request as any), options: { ...(c.request as any).options, explain: 'full', lang } }
      const res = await evaluate(rules, request, { now: new Date('2026-11-28T00:00:00Z'), decisionId: 'd' })
      const all = objects(res)
      const unlocalised = all.filter((o) => typeof o.zh === 'string' && typeof o.en === 'string' && o.text !== o[lang])
      texts += all.length
      t.same(unlocalised, [], `${c.file} (${lang}): every text has its ${lang} text`)
      const cited = new Map<string, Set<string>>()
      for (const o of all) {
        if (typeof o.instrument === 'string' && typeof o.version === 'string' && typeof o.label === 'string') {
          cited.set(o.instrument, (cited.get(o.instrument) ?? new Set()).add(o.version))
        }
      }
      t.same(res.provenance.instruments, [...cited].sort(([a], [b]) => a.localeCompare(b)).map(([instrument, v]) => ({ instrument, versions: [...v].sort() })), `${c.file} (${lang}): provenance`)
    }
  }
  t.ok(texts > 1000, 'the walk above saw the responses')
})

t.test('compileLocaliser on small schemas', async (t) => {
  const byId = new Map([['Text', Text]])
  t.equal(compileLocaliser(Type.Object({ n: Type.Number(), s: Type.Array(Type.String()) }), byId), undefined, 'nothing to localise: no walk')
  const walk = compileLocaliser(Type.Object({ a: Type.Union([ref(Text), Type.Null()]), b: Type.Optional(Type.Array(ref(Text))) }), byId)!
  const value = { a: null, b: [{ zh: '甲', en: 'A' }] }
  const state = { lang: 'en' as const, cited: new Map() }
  t.same(walk(value, state), { a: null, b: [{ zh: '甲', en: 'A', text: 'A' }] })
  t.same(walk({ a: { zh: '乙', en: 'B' } }, { ...state, lang: 'zh' }), { a: { zh: '乙', en: 'B', text: '乙' } }, 'an absent optional property stays absent')
  t.throws(() => compileLocaliser(Type.Union([Type.Object({ x: ref(Text) }), Type.Object({ y: ref(Text) })]), byId), /union/, 'a union it could not tell apart is refused')
  const loop = new Map<string, any>([['Text', Text], ['Loop', Type.Object({ t: ref(Text), next: Type.Optional(Type.Ref('Loop')) }, { $id: 'Loop' })]])
  t.throws(() => compileLocaliser(Type.Ref('Loop'), loop), /recursive/, 'a recursive schema is refused')
})
