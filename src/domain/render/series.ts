/**
 * A repeated series in words (src/domain/decide/series.ts): the items joined, the date the version is
 * chosen at, and the public sources of the reading named by title and issuer. Labelled as an inference
 * everywhere it appears: the series object of each member's entry and a note of a triggered member.
 */
import type { Bilingual, Lang } from '../../schemas/common.js'
import type { Static } from '@sinclair/typebox'
import type { SeriesReading } from '../../schemas/evaluation.js'
import type { SeriesRef } from '../decide/verdicts.js'
import type { LoadedRules } from '../rules/load.js'
import { REQUIRED_SOURCES } from '../rules/required-clauses.js'
import { say } from './messages/index.js'
import { text } from './text.js'

/** The reading's sources in words, per language (the loader makes sure each id resolves). */
function sourcesIn (rules: LoadedRules, lang: Lang): string {
  return REQUIRED_SOURCES.map((id) => {
    const s = rules.sources.get(id)!
    return lang === 'zh' ? `《${s.title.zh}》（${s.issuer.zh}）` : `"${s.title.en}" (${s.issuer.en})`
  }).join(lang === 'zh' ? '；' : '; ')
}

function seriesWords (s: SeriesRef, rules: LoadedRules): Bilingual {
  return say((m, l) => m.series({ items: m.list(s.members.map((i) => String(i + 1))), end: s.end, sources: sourcesIn(rules, l) }))
}

export function seriesReading (s: SeriesRef, rules: LoadedRules, lang: Lang): Static<typeof SeriesReading> {
  const out: Static<typeof SeriesReading> = { conductIndices: s.members, lastAct: s.end, inference: true, sources: [...REQUIRED_SOURCES], text: text(seriesWords(s, rules), lang) }
  if (s.start !== undefined) out.firstAct = s.start
  return out
}

/** A version reason or finding explanation of a series member: the end date it names is the series' last act. */
export const withSeriesEnd = (b: Bilingual, s: SeriesRef | undefined): Bilingual =>
  s === undefined ? b : say((m, l) => `${b[l]}${m.seriesEnd}`)
