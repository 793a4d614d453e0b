/** The one condition-tree fold: pointers, references, and a fold that asks for no pointers. */
import t from 'tap'
import { foldCondition, leavesOf } from '../../../src/domain/rules/walk.js'

type Node = { all?: Node[], any?: Node[], not?: Node, condition?: string, fact?: string }
const tree: Node = { all: [{ fact: 'a' }, { any: [{ not: { fact: 'b' } }, { condition: 'shared' }] }] }

t.test('leavesOf gives each leaf with its pointer and does not follow references', async (t) => {
  t.same(leavesOf(tree).map((x) => [x.leaf.fact, x.pointer]), [['a', '/all/0'], ['b', '/all/1/any/0/not']])
  t.same(leavesOf({ fact: 'c' }, '/conditions').map((x) => x.pointer), ['/conditions'])
})

t.test('a fold without pointers gets none, and a reference without a ref member is an error', async (t) => {
  const seen: string[] = []
  const count = (n: number) => n
  foldCondition<Node, number>(tree, { leaf: (_l, p) => { seen.push(p); return 1 }, all: (xs) => xs.reduce((a, b) => a + b, 0), any: (xs) => count(xs.length), not: count, ref: (_n, _node, p) => { seen.push(p); return 1 }, pointers: false })
  t.same(seen, ['', '', ''], 'every pointer is the starting one')
  t.throws(() => foldCondition<Node, number>(tree, { leaf: () => 1, all: () => 1, any: () => 1, not: () => 1 }), /reference to condition 'shared' at \/all\/1\/any\/1/)
})
