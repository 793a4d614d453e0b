import t from 'tap'
import { neverHolds, contradictionProblems, domainOf } from '../../src/domain/rules/check.js'
import { citationProblems, staticProblems } from '../../src/domain/rules/cross-check.js'
import type { Condition, RuleSetFile, Rule, Clause, Instrument } from '../../src/schemas/rules-data.js'
import type { Catalog } from '../../src/domain/rules/catalog.js'

const leaf = (fact: string, operator: string, value: unknown): Condition => ({ fact, operator, value } as Condition)
const all = (...c: Condition[]): Condition => ({ all: c })
const any = (...c: Condition[]): Condition => ({ any: c })
const dead = (c: Condition) => neverHolds(c) !== undefined

t.test('contradictions on one fact inside an all', async (t) => {
  const cadre = (v: unknown) => leaf('subject.leadingCadre', 'equal', v)
  t.same(neverHolds(all(cadre(true), leaf('subject.partyMember', 'equal', true), cadre(false)), '/c'),
    { pointers: ['/c/all/0', '/c/all/2'], message: "'subject.leadingCadre equal true' and 'subject.leadingCadre equal false' cannot both hold" })
  t.ok(dead(all(leaf('conduct.association.kind', 'equal', 'hometown'), leaf('conduct.association.kind', 'equal', 'alumni'))), "equal 'a' and equal 'b'")
  t.ok(dead(all(leaf('conduct.association.memberCount', 'greaterThanInclusive', 50), leaf('conduct.association.memberCount', 'lessThan', 10))), '≥ 50 and < 10')
  t.ok(dead(all(leaf('subject.rank', 'in', ['bureau', 'division']), leaf('subject.rank', 'equal', 'section'))), 'in [..] disjoint from an equal')
  t.ok(dead(all(leaf('subject.rank', 'notIn', ['bureau']), leaf('subject.rank', 'in', ['bureau']))), 'notIn and in')
  t.ok(dead(all(leaf('subject.leadingCadre', 'notEqual', true), leaf('subject.leadingCadre', 'notEqual', false))), 'a boolean is one or the other')
  t.ok(dead(all(cadre(true), { not: cadre(true) })), 'a leaf and its negation')
  t.ok(dead(all(all(cadre(true)), all(cadre(false)))), 'nested alls are one conjunction')

  t.notOk(dead(all(cadre(true), leaf('subject.partyMember', 'equal', false))), 'different facts never contradict')
  t.notOk(dead(all(leaf('subject.rank', 'in', ['bureau', 'division']), leaf('subject.rank', 'notEqual', 'bureau'))), 'overlapping')
  t.notOk(dead(all(cadre(true), { not: leaf('conduct.association.subjectRoles', 'containsAny', ['member']) })), 'a negated containsAny is not analysed')
  t.notOk(dead(all(cadre(true), { not: all(cadre(true)) })), 'a not over a tree is not analysed')
  t.notOk(dead(all(cadre(true), leaf('subject.leadingCadre', 'greaterThan', 1))), 'a numeric operator on a boolean is not analysed')
})

t.test('a value the fact never takes', async (t) => {
  t.same(neverHolds(leaf('subject.rank', 'equal', 'general'), '/x'), { pointers: ['/x'], message: "'subject.rank equal \"general\"' can never hold: the fact never takes such a value (see the facts vocabulary)" })
  t.ok(dead(leaf('subject.leadingCadre', 'equal', 'true')), 'a string for a boolean')
  t.ok(dead(leaf('conduct.association.memberCount', 'equal', '12')), 'a string for a number')
  t.ok(dead(leaf('conduct.association.memberCount', 'lessThan', 0)), 'below the schema minimum')
  t.ok(dead(leaf('conduct.period.end', 'in', [])), 'in an empty list')
  t.ok(dead(leaf('conduct.association.subjectActivities', 'contains', 'karaoke')), 'an element a set never holds')
  t.ok(dead(leaf('conduct.association.subjectActivities', 'containsAny', [])), 'containsAny of nothing')
})

t.test('numbers', async (t) => {
  const n = (fact: string, op: string, v: unknown) => leaf(`conduct.${fact}`, op, v)
  t.ok(dead(all(n('association.memberCount', 'greaterThan', 5), n('association.memberCount', 'lessThan', 6))), 'no integer between 5 and 6')
  t.notOk(dead(all(n('association.memberCount', 'greaterThanInclusive', 5), n('association.memberCount', 'lessThanInclusive', 5))), 'exactly 5')
  t.notOk(dead(all(n('association.memberCount', 'greaterThan', 4.5), n('association.memberCount', 'lessThanInclusive', 5))), '5 is above 4.5')
  t.notOk(dead(all(n('benefit.amountYuan', 'greaterThan', 5), n('benefit.amountYuan', 'lessThan', 6))), 'an amount may be 5.5')
  t.ok(dead(all(n('benefit.amountYuan', 'greaterThan', 5), n('benefit.amountYuan', 'lessThan', 5))), 'empty open interval')
  t.ok(dead(all(n('benefit.amountYuan', 'greaterThanInclusive', 5), n('benefit.amountYuan', 'lessThan', 5))), 'half-open at one point')
  t.ok(dead(all(n('benefit.amountYuan', 'greaterThan', 6), n('benefit.amountYuan', 'lessThanInclusive', 5))), 'crossed bounds')
  t.notOk(dead(all(n('benefit.amountYuan', 'greaterThanInclusive', 5), n('benefit.amountYuan', 'lessThanInclusive', 5))), 'a closed point')
  t.notOk(dead(all(n('benefit.amountYuan', 'greaterThan', 1), n('benefit.amountYuan', 'greaterThan', 3), n('benefit.amountYuan', 'lessThan', 9), n('benefit.amountYuan', 'lessThan', 7))), 'the tightest bounds win')
  t.ok(dead(all(n('association.memberCount', 'equal', 10), n('association.memberCount', 'greaterThan', 20))), 'an equal outside the range')
  t.notOk(dead(all(n('association.memberCount', 'in', [10, 30]), n('association.memberCount', 'greaterThan', 20))), 'one listed value in range')
  t.ok(dead(all(n('association.memberCount', 'equal', 5), n('association.memberCount', 'notEqual', 5))), 'equal and notEqual')
  t.ok(dead(all(n('benefit.amountYuan', 'greaterThanInclusive', 5), n('benefit.amountYuan', 'greaterThan', 5), n('benefit.amountYuan', 'greaterThan', 1), n('benefit.amountYuan', 'lessThanInclusive', 5))), 'a strict bound replaces an inclusive one at the same value')
  t.ok(dead(all(n('benefit.amountYuan', 'lessThanInclusive', 5), n('benefit.amountYuan', 'lessThan', 5), n('benefit.amountYuan', 'lessThan', 9), n('benefit.amountYuan', 'greaterThanInclusive', 5))), 'and so at the top')
  t.notOk(dead(all(n('benefit.amountYuan', 'greaterThan', 5), n('benefit.amountYuan', 'greaterThanInclusive', 5), n('benefit.amountYuan', 'lessThanInclusive', 6))), 'an inclusive bound does not loosen a strict one')
  t.notOk(dead(all(n('benefit.amountYuan', 'equal', 5.5), n('benefit.amountYuan', 'greaterThan', 5), n('benefit.amountYuan', 'lessThan', 6))), 'an amount need not be whole')
  t.ok(dead(n('association.memberCount', 'equal', 5.5)), 'a count must be')
  t.ok(dead(all(n('association.memberCount', 'in', [5, 9]), n('association.memberCount', 'greaterThan', 5), n('association.memberCount', 'lessThan', 9))), 'open bounds exclude their values')
  t.notOk(dead(all(n('association.memberCount', 'in', [5, 9]), n('association.memberCount', 'greaterThanInclusive', 5), n('association.memberCount', 'lessThan', 9))), 'inclusive bounds keep them')
  t.same(domainOf({ type: 'number' } as any), { kind: 'number', integer: false, min: -Infinity, max: Infinity }, 'a number without bounds')
  t.notOk(dead(all(n('association.memberCount', 'notEqual', 5), n('association.memberCount', 'greaterThan', 1))), 'notEqual alone leaves values')
})

t.test('sets', async (t) => {
  const acts = (op: string, v: unknown) => leaf('conduct.association.subjectActivities', op, v)
  t.ok(dead(all(acts('contains', 'lavish-dining'), acts('doesNotContain', 'lavish-dining'))), 'contains and doesNotContain')
  t.same(neverHolds(all(acts('containsAny', ['lavish-dining', 'power-for-money']), acts('doesNotContain', 'lavish-dining'), acts('doesNotContain', 'power-for-money')))?.message,
    '\'conduct.association.subjectActivities containsAny ["lavish-dining","power-for-money"]\', \'conduct.association.subjectActivities doesNotContain "lavish-dining"\', \'conduct.association.subjectActivities doesNotContain "power-for-money"\' cannot all hold',
    'three leaves that only together contradict')
  t.notOk(dead(all(acts('containsAny', ['lavish-dining', 'power-for-money']), acts('doesNotContain', 'lavish-dining'))), 'one left')
  t.notOk(dead(all(acts('equal', []), acts('contains', 'lavish-dining'))), 'equal on a set is not analysed')
})

t.test('strings without a closed vocabulary', async (t) => {
  const end = (op: string, v: unknown) => leaf('conduct.period.end', op, v)
  t.ok(dead(all(end('equal', '2020-01-01'), end('notEqual', '2020-01-01'))))
  t.notOk(dead(all(end('notEqual', '2020-01-01'), end('notEqual', '2020-01-02'))), 'no candidates, nothing certain')
  t.notOk(dead(all(end('equal', '2020-01-01'), end('lessThan', 5))), 'numeric operators on strings are not analysed')
  t.notOk(dead(leaf('subject.shoeSize', 'equal', 1)), 'an unknown fact (the loader reports it) is not analysed')
})

t.test('any', async (t) => {
  const cadre = (v: boolean) => leaf('subject.leadingCadre', 'equal', v)
  t.same(neverHolds(all(cadre(true), any(cadre(false), all(cadre(false), leaf('subject.partyMember', 'equal', true)))), '/c'),
    { pointers: ['/c/all/1'], message: 'no branch of this `any` can hold together with the other conditions' })
  t.notOk(dead(all(cadre(true), any(cadre(false), cadre(true)))), 'one branch can')
  t.ok(dead(any(all(cadre(true), cadre(false)), leaf('subject.rank', 'equal', 'general'))), 'every branch of a top-level any is dead')
  t.ok(dead(all(any(cadre(true), leaf('subject.rank', 'equal', 'bureau')), any(cadre(false)), leaf('subject.rank', 'equal', 'section'))), 'two anys expanded against each other')

  const other = () => any(leaf('conduct.association.registered', 'equal', true), leaf('conduct.association.organised', 'equal', true))
  const deep = all(cadre(true), ...Array.from({ length: 10 }, () => other()), any(cadre(false), cadre(false)))
  t.equal(neverHolds(deep), undefined, 'past the budget of branch combinations, the tree is given the benefit of the doubt')
})

const rule = (id: string, extra: Partial<Rule> = {}): Rule => ({
  id,
  title: { zh: 'x', en: 'x' },
  clause: 'ccp.a',
  conditions: all(leaf('subject.partyMember', 'equal', true)),
  provenance: { source: 's', inference: false },
  ...extra
})
const set = (...rules: Rule[]): RuleSetFile => ({ id: 's', title: { zh: 'x', en: 'x' }, description: { zh: 'x', en: 'x' }, conductType: 'faction', rules })

t.test('rules that can never fire, and versions in which they cannot', async (t) => {
  const problems = contradictionProblems('rulesets/s.json', set(
    rule('s.ok'),
    rule('s.dead', { conditions: all(leaf('subject.partyMember', 'equal', true), leaf('subject.partyMember', 'equal', false)), elementsByVersion: { 2018: leaf('subject.partyMember', 'equal', false) } }),
    rule('s.dead-in-2018', { elementsByVersion: { 2018: leaf('subject.partyMember', 'equal', false), 2023: leaf('subject.leadingCadre', 'equal', true) } })
  ))
  t.same(problems, [
    { file: 'rulesets/s.json', pointer: '/rules/1/conditions/all/0', message: "rule 's.dead': can never fire: 'subject.partyMember equal true' and 'subject.partyMember equal false' cannot both hold (/rules/1/conditions/all/0, /rules/1/conditions/all/1)" },
    { file: 'rulesets/s.json', pointer: '/rules/2/elementsByVersion/2018', message: "rule 's.dead-in-2018': can never fire under version 2018 (its conditions and elementsByVersion.2018 together): 'subject.partyMember equal true' and 'subject.partyMember equal false' cannot both hold (/rules/2/conditions/all/0, /rules/2/elementsByVersion/2018)" }
  ], 'a dead rule is reported once; a dead version names the version')
  t.same(contradictionProblems('f', set(rule('s.one', { conditions: leaf('subject.rank', 'equal', 'general') }))).map((p) => p.pointer), ['/rules/0/conditions'], 'a single-leaf condition points at itself')
})

t.test('a shared condition is analysed where it is referred to', async (t) => {
  const shared = new Map<string, Condition>([
    ['member', leaf('subject.partyMember', 'equal', true)],
    ['cadre-or-member', any(leaf('subject.leadingCadre', 'equal', true), leaf('subject.partyMember', 'equal', true))]
  ])
  const ref = (name: string) => ({ condition: name }) as Condition
  const problems = contradictionProblems('rulesets/s.json', set(
    rule('s.dead', { conditions: all(ref('member'), leaf('subject.partyMember', 'equal', false)) }),
    rule('s.alive', { conditions: all(ref('cadre-or-member'), leaf('subject.partyMember', 'equal', false)) }),
    rule('s.dead-in-2018', { conditions: all(ref('member')), elementsByVersion: { 2018: all(ref('cadre-or-member'), leaf('subject.leadingCadre', 'equal', false), leaf('subject.partyMember', 'equal', false)) } }),
    rule('s.unknown', { conditions: all(ref('nowhere'), leaf('subject.partyMember', 'equal', true)) })
  ), shared)
  t.same(problems.map((p) => p.message), [
    "rule 's.dead': can never fire: 'subject.partyMember equal true' and 'subject.partyMember equal false' cannot both hold (/rules/0/conditions/all/0, /rules/0/conditions/all/1)",
    "rule 's.dead-in-2018': can never fire under version 2018 (its conditions and elementsByVersion.2018 together): 'subject.partyMember equal true' and 'subject.partyMember equal false' cannot both hold (/rules/2/conditions/all/0, /rules/2/elementsByVersion/2018/all/2)"
  ], 'a reference to a leaf stands for the leaf at its own pointer; one to an any is expanded branch by branch; an unknown name is the loader\'s to report')
  t.same(contradictionProblems('f', set(rule('s.dead', { conditions: all(ref('member'), leaf('subject.partyMember', 'equal', false)) }))), [], 'without the shared conditions a reference is not analysed')
})

t.test('citations in force for the versions a rule applies', async (t) => {
  const instruments = new Map<string, Instrument>([
    ['regs', { id: 'regs', title: { zh: 'x', en: 'x' }, versions: ['2015', '2018', '2023'].map((v) => ({ version: v, label: v, inForce: { from: `${v}-01-01` }, source: 's' })) }],
    ['notice', { id: 'notice', title: { zh: 'x', en: 'x' }, versions: [{ version: '2002', label: '2002', inForce: { from: '2002-01-01' }, source: 's' }] }]
  ])
  const clause = (id: string, instrument: string, versions: string[]): [string, Clause] => [id, {
    id, instrument, title: { zh: 'x', en: 'x' }, kind: 'general', versions: versions.map((version) => ({ version, article: 1, summary: { zh: 'x', en: 'x' }, source: 's' }))
  }]
  const catalog: Catalog = {
    instruments,
    clauses: new Map([
      clause('ccp.a', 'regs', ['2015', '2018', '2023']),
      clause('ccp.b', 'regs', ['2018', '2023']),
      clause('ccp.all', 'regs', ['2015', '2018', '2023']),
      clause('notice.item', 'notice', ['2002']),
      clause('orphan', 'nowhere', ['2015'])
    ])
  }
  const text = { zh: 'x', en: 'x' }
  const prov = { source: 's', inference: false }
  const problems = citationProblems('rulesets/s.json', set(
    rule('s.ok', { supporting: [{ clause: 'notice.item', role: text }, { clause: 'ccp.all', role: text }, { clause: 'nope', role: text }, { clause: 'orphan', role: text }] }),
    rule('s.gaps', {
      supporting: [{ clause: 'ccp.b', role: text }],
      referral: { clause: 'ccp.b', text },
      yieldsTo: [{ rule: 's.ok', clause: 'ccp.b', reason: text, provenance: prov }],
      adjustments: [{ id: 'x', versions: ['2015', '2018'], effect: 'heavier', clause: 'ccp.b', text }, { id: 'y', versions: ['2023'], effect: 'heavier', clause: 'ccp.b', text }]
    }),
    rule('s.unknown-clause', { clause: 'nope', referral: { clause: 'ccp.b', text } })
  ), catalog)
  t.same(problems.map((p) => `${p.pointer}: ${p.message}`), [
    "/rules/1/supporting/0/clause: rule 's.gaps': supporting clause 'ccp.b' has no text in version 2015, in which the rule applies 'ccp.a'",
    "/rules/1/referral/clause: rule 's.gaps': referral clause 'ccp.b' has no text in version 2015, in which the rule applies 'ccp.a'",
    "/rules/1/yieldsTo/0/clause: rule 's.gaps': overlap clause 'ccp.b' has no text in version 2015, in which the rule applies 'ccp.a'",
    "/rules/1/adjustments/0/clause: rule 's.gaps': adjustment clause 'ccp.b' has no text in version 2015, in which the rule applies 'ccp.a'"
  ], 'a single-version instrument is always citable; unknown clauses are the loader\'s to report')
  t.same(staticProblems('f', set(rule('s.ok')), catalog), [], 'the loader\'s static checks pass a sound rule')
})
