import t from 'tap'
import { loadRules } from '../../../src/domain/rules/load.js'
import { cite, citeAt, label, versionInForce } from '../../../src/domain/rules/catalog.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'

const rules = await loadRules(BUNDLED_RULES_DIR)
const { catalog } = rules
const regs = catalog.instruments.get('ccp-discipline-regulations')!

t.test('versions in force by date, boundaries included', async (t) => {
  t.equal(versionInForce(regs, '2015-12-31'), undefined)
  t.equal(versionInForce(regs, '2016-01-01')?.version, '2015')
  t.equal(versionInForce(regs, '2018-09-30')?.version, '2015')
  t.equal(versionInForce(regs, '2018-10-01')?.version, '2018')
  t.equal(versionInForce(regs, '2023-12-31')?.version, '2018')
  t.equal(versionInForce(regs, '2024-01-01')?.version, '2023')
  t.equal(versionInForce(regs, '2099-01-01')?.version, '2023', 'the 2023 version has no end date')
})

t.test('citation labels', async (t) => {
  t.equal(cite(catalog, 'ccp.association', '2018')?.label, '《中国共产党纪律处分条例》(2018年修订) 第七十四条')
  t.equal(cite(catalog, 'ccp.temporal', '2018')?.label, '《中国共产党纪律处分条例》(2018年修订) 第一百四十二条第二款', 'paragraphs as 第N款')
  const temporal = cite(catalog, 'ccp.temporal', '2023')!
  t.equal(temporal.paragraph, 2)
  t.equal(cite(catalog, 'notice2002.item-1', '2023')?.version, '2002', 'a single-version instrument is cited in its only version')
  const synthetic = {
    instruments: new Map([['x', { id: 'x', title: { zh: '某规定', en: 'X' }, versions: [{ version: '2020', label: '2020年', inForce: { from: '2020-01-01' }, sources: ['s'], source: 's' }] }]]),
    clauses: new Map([['x.item', { id: 'x.item', instrument: 'x', title: { zh: 't', en: 't' }, kind: 'general' as const, versions: [{ version: '2020', article: 51, paragraph: 1, item: 2, summary: { zh: 'x', en: 'x' }, sources: ['s'], source: 's' }] }]])
  }
  const withItem = cite(synthetic, 'x.item', '2020')!
  t.equal(withItem.label, '《某规定》(2020年) 第五十一条第一款第（二）项', 'items as 第（N）项')
  t.equal(withItem.item, 2)
  t.same(withItem.unconfirmed, [], 'nothing unconfirmed: an empty list')
  t.equal(label(regs, regs.versions[2], { version: '2023', article: 8, summary: { zh: 'x', en: 'x' }, sources: ['s'], source: 's' }), '《中国共产党纪律处分条例》(2023年修订) 第八条')
})

t.test('no citation for a version that does not exist', async (t) => {
  t.equal(cite(catalog, 'ccp.association', '1997'), undefined)
  t.equal(citeAt(catalog, 'ccp.association', '2010-01-01'), undefined)
  t.equal(citeAt(catalog, 'ccp.association', '2020-01-01')?.article, 74)
  const partial = structuredClone(catalog.clauses.get('ccp.association')!)
  partial.versions = partial.versions.slice(1)
  const c2 = { instruments: catalog.instruments, clauses: new Map([[partial.id, partial]]) }
  t.equal(cite(c2, 'ccp.association', '2015'), undefined, 'the instrument version exists, the clause version does not')
})

t.test('unconfirmed facts travel with the citation, once each', async (t) => {
  const notice = cite(catalog, 'notice2002.item-1', '2002')!
  t.ok(notice.unconfirmed!.some((u) => /document number/.test(u)))
  t.equal(new Set(notice.unconfirmed).size, notice.unconfirmed!.length)
  const concurrence = cite(catalog, 'ccp.concurrence', '2023')!
  t.equal(concurrence.unconfirmed.length, 1, 'the version\'s own doubt')
})
