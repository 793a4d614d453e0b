/**
 * packages/result-clone: json-rules-engine's `clone` (package.json overrides). It copies rule data deep,
 * keeping prototypes, so a result the engine writes into never reaches the rule it came from.
 */
import t from 'tap'
import { createRequire } from 'node:module'
import { Engine } from 'json-rules-engine'

const require = createRequire(import.meta.url)
const copy = require('clone') as <T>(value: T) => T

t.test('json-rules-engine resolves clone to this package', async (t) => {
  const engineRequire = createRequire(require.resolve('json-rules-engine'))
  t.match(engineRequire.resolve('clone'), /packages[\\/]result-clone[\\/]index\.js$/)
})

t.test('primitives as they are; arrays and objects copied deep, prototypes kept', async (t) => {
  for (const v of [undefined, null, true, 3, 'a']) t.equal(copy(v), v)
  class Node { constructor (public all: unknown[]) {} size () { return this.all.length } }
  const tree = new Node([{ fact: 'a', value: ['x', 'y'] }, new Node([])])
  const c = copy(tree)
  t.not(c, tree)
  t.ok(c instanceof Node, 'a class instance stays one')
  t.equal(c.size(), 2, 'with its methods')
  t.same(c, tree)
  t.not(c.all, tree.all)
  t.not((c.all[0] as { value: string[] }).value, (tree.all[0] as { value: string[] }).value, 'nested lists are copies too')
  const bare = Object.assign(Object.create(null) as object, { k: [1] })
  t.equal(Object.getPrototypeOf(copy(bare)), null, 'an object without a prototype stays without one')
})

t.test('built-in objects with internal state go to structuredClone', async (t) => {
  const d = new Date(0)
  const m = new Map([['k', 1]])
  const s = new Set([1])
  const r = /a/g
  const b = new Uint8Array([1, 2])
  const buf = new ArrayBuffer(2)
  const c = copy({ d, m, s, r, b, buf })
  t.not(c.d, d); t.equal(c.d.getTime(), 0)
  t.not(c.m, m); t.same([...c.m], [['k', 1]])
  t.not(c.s, s); t.same([...c.s], [1])
  t.not(c.r, r); t.equal(c.r.source, 'a')
  t.not(c.b, b); t.same([...c.b], [1, 2])
  t.not(c.buf, buf); t.equal(c.buf.byteLength, 2)
})

t.test('an engine run writes its results into the copy, never into the rule', async (t) => {
  const engine = new Engine([{ name: 'r', conditions: { all: [{ fact: 'f', operator: 'in', value: [1, 2] }] }, event: { type: 'r' } }], { allowUndefinedFacts: true })
  const first = await engine.run({ f: 1 })
  const second = await engine.run({ f: 3 })
  const leaf = (r: unknown) => (r as { conditions: { all: Array<{ result: boolean }> } }).conditions.all[0]
  t.equal(leaf(first.results[0]).result, true)
  t.equal(leaf(second.failureResults[0]).result, false, 'each run has its own copy')
  const rule = (engine as unknown as { rules: Array<{ conditions: { all: Array<Record<string, unknown>> } }> }).rules[0]
  t.notOk('result' in rule.conditions.all[0], 'the rule itself is untouched')
})
