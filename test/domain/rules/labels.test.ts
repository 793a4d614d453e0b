/**
 * Every fact a rule may read, and every value an enumerated fact takes, has a zh and an en label in
 * the facts schema: a field added without its wording fails here, before an explanation shows a code.
 */
import t from 'tap'
import type { TSchema } from '@sinclair/typebox'
import { FACT_SCHEMAS, FACT_NAMES } from '../../../src/domain/rules/vocabulary.js'
import { factKind, factLabel, unitOf, valueLabel, valueLabels } from '../../../src/domain/rules/labels.js'
import { Facts } from '../../../src/schemas/facts.js'
import { SCHEMAS_BY_ID } from '../../../src/schemas/registry.js'
import { factsJsonSchema } from '../../../src/domain/rules/facts-schema.js'

const hasWords = (l: unknown) => typeof l === 'object' && l !== null &&
  typeof (l as { zh: unknown }).zh === 'string' && (l as { zh: string }).zh.length > 0 &&
  typeof (l as { en: unknown }).en === 'string' && (l as { en: string }).en.length > 0
const han = /\p{Script=Han}/u

t.test('every fact has a label in both languages', async (t) => {
  t.ok(FACT_NAMES.size > 50, 'the vocabulary is all there')
  for (const name of FACT_NAMES) {
    const label = factLabel(name)
    t.ok(hasWords(label), `${name} has a zh and an en label`)
    t.match(label.zh, han, `${name}: the zh label is Chinese`)
    t.notMatch(label.zh, /[a-z]{3,}/, `${name}: the zh label carries no English word`)
  }
})

t.test('every value of every enumerated or yes/no fact has a label in both languages', async (t) => {
  let values = 0
  for (const [name, schema] of FACT_SCHEMAS) {
    const kind = factKind(name)
    if (kind === 'enum' || kind === 'enum-array') {
      const codes = (kind === 'enum' ? schema.enum : schema.items.enum) as string[]
      t.same(Object.keys(valueLabels(name) ?? {}).sort(), [...codes].sort(), `${name}: a label for each value, and no other`)
      for (const code of codes) {
        values++
        t.ok(hasWords(valueLabel(name, code)), `${name} = ${code}`)
        t.notMatch(valueLabel(name, code).zh, /[a-z]{3,}/, `${name} = ${code}: the zh label carries no English word`)
      }
    }
    if (kind === 'boolean') {
      t.same(Object.keys(valueLabels(name) ?? {}).sort(), ['false', 'true'], `${name}: what true and what false say`)
      t.not(valueLabel(name, true).zh, valueLabel(name, false).zh, `${name}: true and false read differently`)
      t.ok(hasWords(valueLabel(name, true)) && hasWords(valueLabel(name, false)), `${name}: both answers in both languages`)
    }
    if (kind === 'number') t.ok(unitOf(name) !== undefined, `${name}: a number says what it counts`)
  }
  t.ok(values > 100, `${values} enumerated values are labelled`)
})

t.test('every field of the facts schema, also those only the sanction arithmetic reads, is labelled', async (t) => {
  const visit = (schema: TSchema, path: string): void => {
    const target = typeof schema.$ref === 'string' ? SCHEMAS_BY_ID.get(schema.$ref) as TSchema : schema
    if (target.type === 'object' && target.properties !== undefined) {
      for (const [key, child] of Object.entries(target.properties as Record<string, TSchema>)) visit(child, `${path}/${key}`)
      return
    }
    if (target.type === 'array' && target.items.$ref !== undefined) return visit(target.items, `${path}/*`)
    t.ok(hasWords(target['x-label']), `${path} has a label`)
    const codes = (target.enum ?? target.items?.enum) as string[] | undefined
    if (codes !== undefined) {
      const labels = (target['x-enum-labels'] ?? target.items['x-enum-labels']) as Record<string, unknown>
      t.ok(codes.every((c) => hasWords(labels[c])), `${path}: every value has a label`)
    }
  }
  visit(Facts, '')
})

t.test('values in words', async (t) => {
  t.same(factLabel('conduct.association.subjectRoles'), { zh: '本人在该组织中的角色', en: 'the subject’s roles in it' })
  t.same(valueLabel('conduct.association.subjectRoles', 'group-owner'), { zh: '群主', en: 'group owner' })
  t.same(valueLabel('conduct.association.registered', false), { zh: '该组织未经民政部门登记注册', en: 'it is not registered with the civil-affairs authorities' })
  t.same(valueLabel('subject.leadingCadre', true), { zh: '是党员领导干部', en: 'is a leading cadre (党员领导干部)' })
  t.same(valueLabel('conduct.association.memberCount', 120), { zh: '120人', en: '120' }, 'the en name already says what is counted')
  t.same(valueLabel('conduct.benefit.amountYuan', 30000), { zh: '30000元', en: '30,000 yuan' })
  t.same(valueLabel('conduct.association.officeTitle', '秘书长'), { zh: '秘书长', en: '秘书长' }, 'free text as given')
  t.same(valueLabel('conduct.period.end', '2017-12-31'), { zh: '2017-12-31', en: '2017-12-31' })
  t.same(valueLabel('subject.rank', 'general'), { zh: 'general', en: 'general' }, 'a value outside the list (the rules check refuses it) is shown, not hidden')
  t.equal(valueLabels('conduct.period.end'), undefined, 'a date has no closed list')
  t.same([factKind('subject.rank'), factKind('conduct.period.end'), factKind('conduct.association.officeTitle'), factKind('conduct.benefit.amountYuan')], ['enum', 'date', 'string', 'number'])
  t.throws(() => factLabel('subject.shoeSize'), /not a fact of the facts vocabulary/)
})

t.test('the labels travel with the standalone facts schema that callers’ forms read (/v1/schema/facts)', async (t) => {
  const schema = factsJsonSchema() as { $defs: Record<string, { properties: Record<string, any> }> }
  const roles = schema.$defs.Association.properties.subjectRoles
  t.same(roles['x-label'], { zh: '本人在该组织中的角色', en: 'the subject’s roles in it' })
  t.same(roles.items['x-enum-labels'].initiator, { zh: '发起人', en: 'initiator' })
  t.same(schema.$defs.Subject.properties.leadingCadre['x-enum-labels'].false, { zh: '不是党员领导干部', en: 'is not a leading cadre' })
  t.same(schema.$defs.Benefit.properties.amountYuan['x-unit'], { zh: '元', en: 'yuan' })
})
