/**
 * The loader runs the static checks of src/domain/rules/check.ts: a rule that can never fire, or a citation
 * with no text in a version the rule applies, stops the load with the file, the rule and the pointer.
 */
import t from 'tap'
import { loadProblems } from '../../helpers/rules-dir.js'

const SET = 'rulesets/association.json'
const CATALOG = 'catalog/ccp-discipline-regulations.json'

t.test('a rule that can never fire stops the load', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f[SET].rules[0].conditions.all.push({ fact: 'subject.leadingCadre', operator: 'equal', value: false })
  })
  t.same(problems, [
    "rulesets/association.json /rules/0/conditions/all/1: rule 'association.leading-cadre-unregistered': can never fire: " +
    "'subject.leadingCadre equal true' and 'subject.leadingCadre equal false' cannot both hold (/rules/0/conditions/all/1, /rules/0/conditions/all/5)"
  ])
})

t.test('so does a rule that cannot fire in one version', async (t) => {
  const problems = await loadProblems(t, (f) => {
    f[SET].rules[1].elementsByVersion = { 2023: { all: [{ fact: 'subject.partyMember', operator: 'equal', value: false }] } }
  })
  t.match(problems, [/^rulesets\/association\.json \/rules\/1\/elementsByVersion\/2023: rule 'association\.faction-vehicle': can never fire under version 2023/])
  t.match(problems[0], '(/rules/1/conditions/all/0, /rules/1/elementsByVersion/2023/all/0)', 'the shared condition party-member, referred to at all/0, is analysed in its place')
})

t.test('and a referral clause without a text in a version the rule applies', async (t) => {
  const problems = await loadProblems(t, (f) => {
    const referral = f[CATALOG].clauses.find((c: any) => c.id === 'ccp.referral')
    referral.versions = referral.versions.filter((v: any) => v.version !== '2015')
  })
  t.ok(problems.includes("rulesets/association.json /rules/2/referral/clause: rule 'association.power-for-money': referral clause 'ccp.referral' has no text in version 2015, in which the rule applies 'ccp.crime-linkage'"))
  // every rule with a referral (each rule set's suspected-crime rule too) is refused for the same reason, and nothing else is
  t.ok(problems.length > 1 && problems.every((p) => /\/referral\/clause: rule '[a-z.-]+': referral clause 'ccp\.referral' has no text in version 2015, in which the rule applies 'ccp\.crime-linkage'$/.test(p)), 'only referral problems')
})
