/** Clause@version pairs exist only where the catalog can cite them. */
import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { clauseAt, clauseOn, clausesAt } from '../../../src/domain/decide/clauses.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'

const { catalog } = await loadRules(BUNDLED_RULES_DIR)

t.test('a clause in a version it has, and not in one it lacks', async (t) => {
  t.same(clauseAt(catalog, 'ccp.association', '2018'), { clause: 'ccp.association', instrument: 'ccp-discipline-regulations', version: '2018' })
  t.equal(clauseAt(catalog, 'ccp.association', '1997'), undefined, 'a version the instrument does not have')
  t.equal(clauseOn(catalog, 'ccp.association', '2010-01-01'), undefined, 'a date before every encoded version')
  t.equal(clauseOn(catalog, 'ccp.association', '2019-01-01')?.version, '2018')
  t.same(clausesAt([undefined, clauseAt(catalog, 'ccp.association', '2015')]).map((c) => c.version), ['2015'])
})
