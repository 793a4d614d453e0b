/**
 * Facts a caller may state in two places (src/domain/rules/aliases.ts): the older single `speech.action` and
 * the set `speech.actions`; `content.publicSecurityViolation` and `publicSecurityViolation` on the item.
 * They read as one fact; a contradiction is a 422 naming the older field.
 */
import t from 'tap'
import { buildApp } from '../helpers/app.js'

const app = buildApp()
t.teardown(() => app.close())

const subject = { partyMember: true, leadingCadre: false, rank: 'section', holdsPartyPost: true }
const evaluate = (item: object) => app.inject({
  method: 'POST',
  url: '/v1/evaluations',
  payload: { facts: { subject, conduct: [{ period: { start: '2024-02-01', end: '2024-02-01' }, ...item }] }, options: { decisionDate: '2024-06-01', explain: 'full' } }
})
const ids = (xs: Array<{ ruleId: string }>) => xs.map((x) => x.ruleId).sort()
const wangyi = { 'speech.wangyi-public': 'relatively-minor', 'speech.spreading': 'relatively-minor' }

t.test('speech.action alone reads as a set of one; with speech.actions it must be one of them', async (t) => {
  const speech = { type: 'online-speech', channel: 'wechat-moments', statedCircumstances: wangyi }
  const one = (await evaluate({ ...speech, speech: { content: 'central-policy-criticism', action: 'spread' } })).json()
  t.same(ids(one.triggered), ['speech.spreading'], 'action: spread answers the spreading article only')
  const set = (await evaluate({ ...speech, speech: { content: 'central-policy-criticism', actions: ['spread'] } })).json()
  t.same(ids(set.triggered), ids(one.triggered), 'the same as actions: [spread]')
  const both = (await evaluate({ ...speech, speech: { content: 'central-policy-criticism', action: 'authored', actions: ['authored', 'spread'] } })).json()
  t.same(ids(both.triggered), ['speech.spreading', 'speech.wangyi-public'], 'an agreeing action adds nothing; each action answers its own article')
  const res = await evaluate({ ...speech, speech: { content: 'central-policy-criticism', action: 'read-privately', actions: ['authored'] } })
  t.equal(res.statusCode, 422)
  t.same(res.json().errors.map((e: any) => e.pointer), ['/facts/conduct/0/speech/action'])
})

t.test('the public-security finding in its older place reads as the item\'s; the two must agree', async (t) => {
  const item = { type: 'obscene-content', channel: 'wechat-group', harmsPartyStatePeople: true }
  const content = { kind: 'gambling-link', action: 'forwarded', badEffect: true }
  const older = (await evaluate({ ...item, content: { ...content, publicSecurityViolation: true } })).json()
  t.same(ids(older.triggered), ['obscene.unlawful-act'], 'content.publicSecurityViolation still fires the unlawful-acts route')
  const newer = (await evaluate({ ...item, publicSecurityViolation: true, content })).json()
  t.same(ids(newer.triggered), ids(older.triggered), 'as on the conduct item')
  const agree = await evaluate({ ...item, publicSecurityViolation: true, content: { ...content, publicSecurityViolation: true } })
  t.equal(agree.statusCode, 200, 'stated twice alike is fine')
  const res = await evaluate({ ...item, publicSecurityViolation: false, content: { ...content, publicSecurityViolation: true } })
  t.equal(res.statusCode, 422)
  t.same(res.json().errors.map((e: any) => e.pointer), ['/facts/conduct/0/content/publicSecurityViolation'])
})
