/**
 * The digest of an answer: SHA-256 of the answer's JSON exactly as the service sends it (Fastify's
 * fast-json-stringify serializer of the EvaluationResponse schema). A record keeps this digest instead
 * of the 12–16 KB answer; the answer is rebuilt by replaying the facts on the recorded rules revision,
 * and it is the recorded answer when the rebuilt one has the same digest. A client that kept the
 * answer it received can check it against the record with `sha256sum` of the body (base64url).
 */
import { createHash } from 'node:crypto'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import { ref } from '../schemas/common.js'
import { EvaluationResponse } from '../schemas/evaluation.js'
import { SHARED_SCHEMAS } from '../schemas/registry.js'

type Serialize = (answer: unknown) => string
let serialize: Serialize | undefined

/** The answer's JSON as the single evaluation route sends it (the serializer is built on first use, once per thread). */
export function answerText (answer: unknown): string {
  serialize ??= SerializerSelector()(Object.fromEntries(SHARED_SCHEMAS.map((s) => [s.$id as string, s])), {})({
    schema: ref(EvaluationResponse), method: 'POST', url: '/v1/evaluations', httpStatus: '200'
  } as never) as Serialize
  return serialize(answer)
}

/** SHA-256 of an answer's JSON text, base64url. */
export const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64url')
