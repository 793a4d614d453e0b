/**
 * Render builds every text with its `text` and takes provenance from the verdicts. These tests check
 * both against a walk of everything: on every golden case, in both languages, every { zh, en } text
 * anywhere in the response has its `text`, and provenance names exactly the instruments and versions
 * of the citations found anywhere in it.
 */
import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { loadCases, referenceCase } from '../../helpers/cases.js'
import { bundledFiles, writeRules } from '../../helpers/rules-dir.js'
import { ASSOCIATION_SET } from '../../helpers/association-rules.js'

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

t.test('an inferred circumstance whose provenance has no note shows none', async (t) => {
  const files = bundledFiles()
  delete files[ASSOCIATION_SET].rules[0].tests.serious.provenance.note
  const plain = await loadRules(writeRules(t.testdir(), files))
  const request = { ...(referenceCase().request as any), options: { decisionDate: '2018-01-29', lang: 'en' } }
  const res = await evaluate(plain, request, { now: new Date('2026-11-28T00:00:00Z'), decisionId: 'd' })
  // The loader names the rule's sources (rules/sources.json) in one readable string.
  const loaded = plain.ruleIndex.get('association.leading-cadre-unregistered')?.rules.get('association.leading-cadre-unregistered')
  t.strictSame(res.triggered[0].circumstance.provenance, { source: loaded?.tests?.serious?.provenance.source, inference: true })
  t.match(res.triggered[0].circumstance.provenance?.source, /\[ccdi-fgs-2015-associations-reply\]/, 'the sources are named by title and id')
})
