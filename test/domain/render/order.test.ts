import t from 'tap'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import { loadRules } from '../../../src/domain/rules/load.js'
import { evaluate } from '../../../src/domain/evaluate.js'
import { answerText } from '../../../src/domain/render/render.js'
import { ref } from '../../../src/schemas/common.js'
import { EvaluationResponse } from '../../../src/schemas/evaluation.js'
import { SHARED_SCHEMAS } from '../../../src/schemas/registry.js'
import { BUNDLED_RULES_DIR } from '../../../src/paths.js'
import { loadCases } from '../../helpers/cases.js'

// The service sends an answer as JSON.stringify writes it (answerText), which is only right if render builds
// every object in the order Fastify's schema serializer (fast-json-stringify) writes it: records made while
// the service sent that serializer's text must still reproduce byte for byte, and nothing the schema does not
// name may leave. Every golden case, in both languages and at every explain level.
const schemaSerializer = () => SerializerSelector()(Object.fromEntries(SHARED_SCHEMAS.map((s) => [s.$id as string, s])), {})({
  schema: ref(EvaluationResponse), method: 'POST', url: '/v1/evaluations', httpStatus: '200'
} as never) as (answer: unknown) => string

t.test('every golden answer is the text the response schema\'s serializer writes', async (t) => {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  const bySchema = schemaSerializer()
  const cases = loadCases()
  let compared = 0
  const differ: string[] = []
  for (const c of cases) {
    for (const lang of ['zh', 'en'] as const) {
      for (const explain of ['none', 'summary', 'full'] as const) {
        const request = { ...c.request, options: { ...(c.request.options as object), lang, explain } }
        const answer = await evaluate(rules, request as never, { now: new Date('2026-01-01T00:00:00Z'), decisionId: '00000000-0000-4000-8000-000000000000' })
        if (answerText(answer) !== bySchema(answer)) differ.push(`${c.file} ${lang} ${explain}`)
        compared++
      }
    }
  }
  t.equal(compared, cases.length * 6)
  t.same(differ, [], `${compared} answers, each the same text both ways`)
})

t.test('a property out of order, or one the schema does not name, is told apart', async (t) => {
  const rules = await loadRules(BUNDLED_RULES_DIR)
  const bySchema = schemaSerializer()
  const answer = await evaluate(rules, loadCases().find((c) => c.file === 'reference-dong.json')!.request as never, { now: new Date(), decisionId: '00000000-0000-4000-8000-000000000000' })
  const { lang, ...rest } = answer
  t.not(answerText({ lang, ...rest }), bySchema(answer), 'the comparison sees order')
  t.not(answerText({ ...answer, internal: 1 } as never), bySchema(answer), 'and extra properties')
})
