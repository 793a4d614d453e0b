import t from 'tap'
import { tri, deciding, type EvaluatedCondition } from '../../../src/domain/decide/conditions.js'

const leaf = (fact: string, factResult: unknown, result: boolean): EvaluatedCondition => ({ fact, factResult, result })
const T = leaf('a', 1, true)
const F = leaf('b', 2, false)
const U = leaf('c', undefined, false)

t.test('Kleene logic over the engine result tree', async (t) => {
  t.equal(tri(T), 'true')
  t.equal(tri(F), 'false')
  t.equal(tri(U), 'unknown', 'an absent fact is unknown even though the engine said false')
  t.equal(tri({ all: [T, U] }), 'unknown')
  t.equal(tri({ all: [F, U] }), 'false', 'one false decides all')
  t.equal(tri({ all: [T, T] }), 'true')
  t.equal(tri({ any: [F, U] }), 'unknown')
  t.equal(tri({ any: [T, U] }), 'true', 'one true decides any')
  t.equal(tri({ any: [F, F] }), 'false')
  t.equal(tri({ not: T }), 'false')
  t.equal(tri({ not: F }), 'true')
  t.equal(tri({ not: U }), 'unknown')
})

t.test('deciding facts', async (t) => {
  t.same(deciding({ all: [T, U] }, 'unknown'), ['c'], 'the missing fact')
  t.same(deciding({ all: [T, U] }, 'true'), [], 'a node does not have the wanted value: nothing')
  t.same(deciding({ any: [T, F] }, 'true'), ['a'], 'only the branch that made it true')
  t.same(deciding({ all: [F, T, { ...F }] }, 'false'), ['b'], 'each fact once')
  t.same(deciding({ not: F }, 'true'), ['b'], 'not: the facts that made the inner condition false')
  t.same(deciding({ not: T }, 'false'), ['a'])
  t.same(deciding({ not: U }, 'unknown'), ['c'])
})
