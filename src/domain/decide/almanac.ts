/**
 * The almanac of json-rules-engine runs on one conduct item (src/domain/decide/engine.ts).
 */
import { Almanac } from 'json-rules-engine'

/**
 * One conduct item's facts, for every engine run on that item: an Almanac (json-rules-engine's run
 * option) that reads the flat fact map itself. The engine's own would hold a Fact object per fact,
 * each built with its options copied and a resolved promise made as it is added, most of them for
 * facts no rule of the item reads. Our conditions name a fact and nothing else (no params, no path:
 * engineConditions in engine.ts), and every fact is a constant, so a fact's value is all the engine
 * asks for; an absent fact reads as undefined, as allowUndefinedFacts has it.
 */
class FactMap extends Almanac {
  constructor (private readonly facts: Record<string, unknown>) {
    super({ allowUndefinedFacts: true })
  }

  override factValue<T> (factId: string): Promise<T> {
    return Promise.resolve((Object.hasOwn(this.facts, factId) ? this.facts[factId] : undefined) as T)
  }
}

export function almanacFor (facts: Record<string, unknown>): Almanac {
  return new FactMap(facts)
}
