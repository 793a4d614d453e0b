/** The one condition-tree walker: foldCondition and leavesOf, on authored trees and references. */
import t from 'tap'
import { foldCondition, leavesOf, type ConditionFold } from '../../../src/domain/rules/walk.js'
import { referencesOf, expandReferences } from '../../../src/domain/rules/shared-conditions.js'
import type { Condition } from '../../../src/schemas/rules-data.js'

const leaf = (fact: string, value: unknown = true): Condition => ({ fact, operator: 'equal', value } as Condition)
const tree: Condition = { all: [leaf('subject.partyMember'), { any: [leaf('subject.leadingCadre'), { not: leaf('subject.holdsPartyPost') }] }, { condition: 'member' }] }

/** Writes a tree back as text, node by node, with each node's pointer. */
const show: ConditionFold<Condition, string> = {
  leaf: (n, p) => `${(n as { fact: string }).fact}@${p}`,
  all: (xs, _n, p) => `all@${p}(${xs.join(', ')})`,
  any: (xs, _n, p) => `any@${p}(${xs.join(', ')})`,
  not: (x, _n, p) => `not@${p}(${x})`,
  ref: (name, _n, p) => `ref:${name}@${p}`
}

t.test('foldCondition visits every node bottom-up, in document order, with its pointer', async (t) => {
  t.equal(foldCondition(tree, show, '/conditions'),
    'all@/conditions(subject.partyMember@/conditions/all/0, any@/conditions/all/1(subject.leadingCadre@/conditions/all/1/any/0, ' +
    'not@/conditions/all/1/any/1(subject.holdsPartyPost@/conditions/all/1/any/1/not)), ref:member@/conditions/all/2)')
  t.equal(foldCondition(leaf('subject.rank', 'bureau'), show), 'subject.rank@', 'a single leaf, pointer empty by default')
  const order: string[] = []
  foldCondition(tree, { ...show, leaf: (n, p) => { order.push(p); return '' } })
  t.same(order, ['/all/0', '/all/1/any/0', '/all/1/any/1/not'], 'children first, left to right')
})

t.test('a reference is an error where the fold does not expect one', async (t) => {
  const { ref, ...noRef } = show
  t.throws(() => foldCondition(tree, noRef), /foldCondition: a reference to condition 'member' at \/all\/2 where none is expected/)
  t.equal(foldCondition(leaf('subject.rank', 'x'), noRef), 'subject.rank@', 'a tree without references needs no ref member')
})

t.test('leavesOf: every leaf with its pointer; references are not followed', async (t) => {
  t.same(leavesOf(tree, '/c').map((l) => [l.pointer, (l.leaf as unknown as { fact: string }).fact]), [
    ['/c/all/0', 'subject.partyMember'],
    ['/c/all/1/any/0', 'subject.leadingCadre'],
    ['/c/all/1/any/1/not', 'subject.holdsPartyPost']
  ])
  t.same(leavesOf({ condition: 'member' } as Condition), [], 'a reference alone has no leaves of its own')
})

t.test('references: listed with their pointers, and expanded in place', async (t) => {
  t.same(referencesOf(tree, '/c'), [{ name: 'member', pointer: '/c/all/2' }])
  t.same(referencesOf({ not: { any: [{ condition: 'a' }, { condition: 'b' }] } } as Condition), [{ name: 'a', pointer: '/not/any/0' }, { name: 'b', pointer: '/not/any/1' }])
  const shared = new Map<string, Condition>([['member', leaf('subject.partyMember')]])
  const expanded = expandReferences(tree, shared)
  t.same(expanded, { all: [leaf('subject.partyMember'), { any: [leaf('subject.leadingCadre'), { not: leaf('subject.holdsPartyPost') }] }, leaf('subject.partyMember')] })
  t.same(leavesOf(expanded).map((l) => l.pointer), ['/all/0', '/all/1/any/0', '/all/1/any/1/not', '/all/2'], 'an expanded leaf keeps the pointer of its reference')
  t.same(expandReferences(tree, new Map()), tree, 'a name that does not resolve is left for the loader to report')
})
