import { buildApp } from '../src/app.js'
import { answerText, digestOf } from '../src/records/digest.js'
import { readFileSync } from 'node:fs'
const app = buildApp({ config: { ALLOW_UNAUTHENTICATED: true } as never })
await app.ready()
for (const f of ['reference-dong.json']) {
  const req = JSON.parse(readFileSync('/work/wt5-rec5/rules/cases/' + f, 'utf8')).request
  for (const body of [req, { ...req, options: { ...(req.options ?? {}), explain: 'full' } }, { ...req, lang: 'en' }]) {
    const res = await app.inject({ method: 'POST', url: '/v1/evaluations', payload: body })
    if (res.statusCode !== 200) { console.log(res.body); continue }
    console.log(res.statusCode, res.body.length, answerText(res.json()) === res.body, digestOf(res.body))
  }
}
await app.close()
