import t from 'tap'
import { flattenFacts, pointerFor } from '../../../src/domain/rules/vocabulary.js'

t.test('flattenFacts: one flat name per leaf, conduct bookkeeping left out', async (t) => {
  const facts = flattenFacts(
    { partyMember: true, leadingCadre: false },
    { id: 'c1', type: 'association', period: { end: '2017-12-31' }, association: { memberCount: 400, forms: ['wechat-group'] }, mitigating: ['self-disclosure'] }
  )
  t.same(facts, {
    'subject.partyMember': true,
    'subject.leadingCadre': false,
    'conduct.period.end': '2017-12-31',
    'conduct.association.memberCount': 400,
    'conduct.association.forms': ['wechat-group'],
    'conduct.suspectedCrime': 'none-found',
    'conduct.publicSecurityViolation': false
  })
  // evaluate() may be called in process without the schema's validation: names outside the vocabulary
  // are still flattened (rules can never read them, since the rules check refuses unknown facts).
  t.same(flattenFacts({ partyMember: true, extra: { a: 1 } }, {}), { 'subject.partyMember': true, 'subject.extra.a': 1, 'conduct.suspectedCrime': 'none-found', 'conduct.publicSecurityViolation': false })
  // A suspicion the organisation did find is read as stated.
  t.equal(flattenFacts({}, { suspectedCrime: 'embezzlement' })['conduct.suspectedCrime'], 'embezzlement')
  // The public-security finding, like the suspicion, is read as stated, in its older place too (aliases.ts).
  t.equal(flattenFacts({}, { publicSecurityViolation: true })['conduct.publicSecurityViolation'], true)
  t.equal(flattenFacts({}, { content: { publicSecurityViolation: true } })['conduct.publicSecurityViolation'], true)
  t.same(flattenFacts({}, { speech: { action: 'spread' } })['conduct.speech.actions'], ['spread'])
  t.same(flattenFacts({}, { speech: { action: 'spread', actions: ['authored', 'spread'] } })['conduct.speech.actions'], ['authored', 'spread'])
  t.equal(pointerFor('conduct.association.memberCount', 2), '/facts/conduct/2/association/memberCount')
  t.equal(pointerFor('subject.leadingCadre', 2), '/facts/subject/leadingCadre')
})
