import { Type } from '@sinclair/typebox'
import { ref } from './common.js'
import { EvaluationResponse } from './evaluation.js'
import { Problem } from './problem.js'

const strict = { additionalProperties: false } as const

export const BatchRequest = Type.Object({
  cases: Type.Array(Type.Unknown({ description: 'An evaluation request ({ facts, options? }); each is validated on its own.' }), { minItems: 1 })
}, { ...strict, $id: 'BatchRequest', description: 'Up to the configured number of cases (BATCH_LIMIT, default 100). A bad case yields a problem in its own slot, not a failed batch.' })

export const BatchResponse = Type.Object({
  rulesRevision: Type.String(),
  results: Type.Array(Type.Object({
    index: Type.Integer(),
    status: Type.Integer({ description: '200, or the status the case would have had alone (400, 422).' }),
    evaluation: Type.Optional(ref(EvaluationResponse)),
    problem: Type.Optional(ref(Problem))
  }, strict))
}, { ...strict, $id: 'BatchResponse' })
