/** The facts behind a verdict, as the response shows them: where each is in the request, its value, and the test in words. */
import type { Lang } from '../../schemas/common.js'
import type { Leaf } from '../decide/verdicts.js'
import type { Descriptions } from '../decide/engine.js'
import { pointerFor } from '../rules/vocabulary.js'
import { conditionLabel } from './wording.js'
import type { Label } from '../rules/labels.js'
import { text } from './text.js'

/**
 * A leaf's wording: the rule author's description, found by the key it carried through the engine, else
 * the sentence made from its fact, operator and value. `text` copies it into the answer.
 */
function wording (leaf: Leaf, descriptions: Descriptions): Label {
  return leaf.describedBy === undefined ? conditionLabel(leaf) : descriptions.get(leaf.describedBy)!
}

export function factRefs (leaves: Leaf[], conductIndex: number, lang: Lang, descriptions: Descriptions) {
  return leaves.map((leaf) => ({ pointer: pointerFor(leaf.fact as string, conductIndex), value: leaf.factResult, condition: text(wording(leaf, descriptions), lang) }))
}
