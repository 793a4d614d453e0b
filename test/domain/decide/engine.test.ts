/**
 * json-rules-engine as decide runs it: element engines and one combined auxiliary rule per rule,
 * shared conditions written out in place, the custom operator, descriptions kept beside the
 * engine conditions, and the guard against a run that answers for fewer rules than it holds.
 */
import t from 'tap'
import type { Engine } from 'json-rules-engine'
import { compileEngines, almanacFor, runOn, runAll, type Outcome } from '../../../src/domain/decide/engine.js'
import { decidingLeaves } from '../../../src/domain/decide/conditions.js'
import type { RuleSetFile, Condition } from '../../../src/schemas/rules-data.js'

const leaf = (fact: string, operator: string, value: unknown, description?: { zh: string, en: string }) =>
  ({ fact, operator, value, ...(description === undefined ? {} : { description }) }) as Condition

const named = (id: string, zh: string, en: string) => ({ id, title: { zh, en } })
const set = {
  ...named('s', '集', 'Set'), description: { zh: '集', en: 'Set' }, conductType: 'informal-association',
  rules: [{
    ...named('s.one', '一', 'One'), clause: 'ccp.association',
    conditions: { all: [{ condition: 'member' }, leaf('conduct.association.subjectRoles', 'containsAny', ['initiator', 'organiser'], { zh: '发起或组织', en: 'initiator or organiser' })] },
    tests: {
      serious: {
        minIndicators: 1,
        indicators: [{ id: 'large', title: { zh: '大', en: 'Large' }, conditions: leaf('conduct.association.memberCount', 'greaterThanInclusive', 100) }],
        provenance: { source: 'test', inference: true }
      },
      'bad-effect': { conditions: leaf('conduct.content.badEffect', 'equal', true), provenance: { source: 'test', inference: false } }
    },
    notes: [{ id: 'n', when: { not: leaf('conduct.association.registered', 'equal', true) }, text: { zh: '注', en: 'Note' } }],
    provenance: { source: 'test', inference: false }
  }, {
    ...named('s.two', '二', 'Two'), clause: 'ccp.association',
    conditions: leaf('subject.leadingCadre', 'equal', true),
    provenance: { source: 'test', inference: false }
  }]
} as unknown as RuleSetFile

const shared = new Map<string, Condition>([['member', leaf('subject.partyMember', 'equal', true, { zh: '党员', en: 'A party member' })]])

t.test('elements, then the combined auxiliary rule read part by part', async (t) => {
  const engines = compileEngines(set, shared)
  t.same([...engines.auxiliary.keys()], ['s.one'], 'a rule without auxiliary conditions has no auxiliary engine')
  const first = (engines.elements as unknown as { rules: Array<{ conditions: { all: Array<Record<string, unknown>> } }> }).rules[0].conditions.all[0]
  t.match(first, { fact: 'subject.partyMember', operator: 'equal', value: true }, 'the reference is replaced by the leaf it names, without an all on top')
  t.notOk('condition' in first, 'no reference is left for the engine to realise')
  t.same(engines.parts.get('s.one#auxiliary'), ['s.one#indicator:large', 's.one#test:bad-effect', 's.one#note:n'], 'an inferred test by its indicators, an article\'s test by its own name')
  const out = await runAll(engines, { 'subject.partyMember': true, 'conduct.association.subjectRoles': ['organiser'], 'conduct.association.memberCount': 400, 'subject.leadingCadre': false })
  const value = (name: string) => (out.get(name) as Outcome).value
  t.equal(value('s.one'), 'true', 'the shared condition is written out in place, and containsAny matches')
  t.equal(value('s.two'), 'false')
  t.equal(value('s.one#indicator:large'), 'true')
  t.equal(value('s.one#test:bad-effect'), 'unknown', 'the article\'s test is read from facts, three-valued')
  t.equal(value('s.one#note:n'), 'unknown', 'registered is absent: the note\'s condition is unknown')
  const leaves = decidingLeaves((out.get('s.one') as Outcome).conditions, 'true')
  t.same(leaves.map((l) => l.fact), ['subject.partyMember', 'conduct.association.subjectRoles'])
  t.ok(leaves.every((l) => l.description === undefined && typeof l.describedBy === 'string'), 'a leaf carries a key to its description, not the description')
  t.same(leaves.map((l) => engines.descriptions.get(l.describedBy as string)?.en), ['A party member', 'initiator or organiser'])
})

t.test('containsAny is false for a value that is not a list', async (t) => {
  const engines = compileEngines(set, shared)
  const out = await runAll(engines, { 'subject.partyMember': true, 'conduct.association.subjectRoles': 'organiser' })
  t.equal((out.get('s.one') as Outcome).value, 'false')
})

t.test('a run that answers for fewer rules than its engines hold is an error, not a quiet false', async (t) => {
  // What json-rules-engine does when one engine's run status is reset by another run of it meanwhile.
  const skipping = { rules: [{}], run: async () => ({}) } as unknown as Engine
  await t.rejects(runOn(almanacFor({}), [skipping], new Map(), new Map()), /answered for 0 of 1 rules/)
})
