/** The facts behind a verdict, as the response shows them: where each is in the request, its value, and the test in words. */
import type { Lang } from '../../schemas/common.js'
import type { Leaf } from '../decide/verdicts.js'
import { pointerFor } from '../rules/vocabulary.js'
import { conditionText } from './wording.js'
import { text } from './text.js'

export function factRefs (leaves: Leaf[], conductIndex: number, lang: Lang) {
  return leaves.map((leaf) => ({ pointer: pointerFor(leaf.fact as string, conductIndex), value: leaf.factResult, condition: text(conditionText(leaf), lang) }))
}
