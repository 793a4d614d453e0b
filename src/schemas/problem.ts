import { Type, type Static } from '@sinclair/typebox'
import { ref } from './common.js'

/** RFC 9457 problem details, with the JSON pointer of each bad field for validation failures. */
export const Problem = Type.Object({
  type: Type.String({ description: 'Stable identifier of the kind of problem, e.g. urn:discipline-rules:problem:validation-failed.' }),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({
    pointer: Type.String({ description: 'JSON pointer of the offending field in the request body ("" for the whole body).' }),
    detail: Type.String()
  }, { additionalProperties: false })))
}, { $id: 'Problem', additionalProperties: false })
export type Problem = Static<typeof Problem>

/** A response of a route's schema that answers a problem, with what it means on that route. */
export const problem = (description: string) => ref(Problem, { description })
