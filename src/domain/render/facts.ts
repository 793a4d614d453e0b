/** The facts behind a verdict, as the response shows them: where each is in the request, its value, and the test in words. */
import type { Lang } from '../../schemas/common.js'
import type { Leaf } from '../decide/verdicts.js'
import type { Descriptions } from '../decide/engine.js'
import { pointerFor } from '../rules/vocabulary.js'
import { conditionText } from './wording.js'
import { text } from './text.js'

/** A leaf with the rule author's description, found by the key it carried through the engine. */
function described (leaf: Leaf, descriptions: Descriptions): Leaf {
  return leaf.describedBy === undefined ? leaf : { fact: leaf.fact, operator: leaf.operator, value: leaf.value, description: descriptions.get(leaf.describedBy) }
}

export function factRefs (leaves: Leaf[], conductIndex: number, lang: Lang, descriptions: Descriptions) {
  return leaves.map((leaf) => ({ pointer: pointerFor(leaf.fact as string, conductIndex), value: leaf.factResult, condition: text(conditionText(described(leaf, descriptions)), lang) }))
}
