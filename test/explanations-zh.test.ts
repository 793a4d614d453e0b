/**
 * A reader of Chinese reads Chinese: for every golden case, evaluated in zh with the full
 * explanation, no `text` a reader sees shows a dotted fact name (subject.… / conduct.…), a boolean
 * code, an English value code of the facts vocabulary as a word of its own, or any other code: a
 * lowercase Latin word such as a field of the request or response (statedCircumstances, undetermined)
 * or a rule id. Names such as QQ or WeChat start with a capital and pass. Only `text` fields count (a
 * citation's `gloss` is English on purpose); the rule authors' own zh wording counts too.
 */
import t from 'tap'
import { buildApp } from './helpers/app.js'
import { FACT_NAMES } from '../src/domain/rules/vocabulary.js'
import { valueLabels } from '../src/domain/rules/labels.js'
import { loadCases } from './helpers/cases.js'

const codes = new Set(['true', 'false'])
for (const name of FACT_NAMES) for (const code of Object.keys(valueLabels(name) ?? {})) codes.add(code)
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// A code as a word of its own: hyphens belong to the word, so `other` does not match inside `other-rumour`.
const CODE = new RegExp(`(?<![A-Za-z0-9-])(?:${[...codes].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z0-9-])`)
const FACT_NAME = /(?<![A-Za-z0-9-])(?:subject|conduct)\.[A-Za-z]/
const OTHER_CODE = /(?<![A-Za-z0-9])[a-z][A-Za-z0-9.-]{2,}/

interface Offence { file: string, pointer: string, text: string }

function offences (file: string, value: unknown, pointer: string, out: Offence[]): Offence[] {
  if (Array.isArray(value)) value.forEach((v, i) => offences(file, v, `${pointer}/${i}`, out))
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'text' && typeof v === 'string') {
        if (FACT_NAME.test(v) || CODE.test(v) || OTHER_CODE.test(v)) out.push({ file, pointer, text: v })
      } else offences(file, v, `${pointer}/${key}`, out)
    }
  }
  return out
}

const app = buildApp()
t.teardown(() => app.close())

t.test('no zh explanation of any golden case shows a fact name or a value code', async (t) => {
  const found: Offence[] = []
  const cases = loadCases()
  for (const c of cases) {
    const request = c.request as { options?: object }
    const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: { ...request, options: { ...request.options, lang: 'zh', explain: 'full' } } })
    t.equal(res.statusCode, 200, `${c.file} answered`)
    offences(c.file, res.json(), '', found)
  }
  t.ok(cases.length > 100, `${cases.length} cases read`)

  t.same(found.map((o) => `${o.file} ${o.pointer}: ${o.text}`), [], 'no codes in the zh texts')
})

t.test('the check finds what it looks for', async (t) => {
  const found = offences('x', {
    a: { text: 'conduct.association.subjectRoles 包含以下任一项 initiator' },
    b: [{ text: '规则 speech.other-rumour 的处分幅度' }, { text: '等于 true' }],
    c: { text: '本人是群主', gloss: 'group-owner, in English on purpose' },
    d: { text: '微信群、QQ群、WeChat' },
    e: { text: '请在 statedCircumstances 中陈述' },
    f: [{ text: '群主 qq' }, { text: 'QQ' }]
  }, '', [])
  t.same(found.map((o) => o.pointer), ['/a', '/b/0', '/b/1', '/e', '/f/0'],
    'a fact name, a rule id, a boolean, a field name and a short value code are found; a gloss and names such as QQ or WeChat are not')
})
