/**
 * Request validation with TypeBox's compiler against the shared schemas (with the configured limits).
 * Unlike Fastify's default Ajv set-up it neither coerces types in bodies nor strips unknown
 * properties, and it reports every error with its JSON pointer, which the problem handler turns into
 * an RFC 9457 response. `app.compileCheck` gives routes the same check for parts they validate
 * themselves (each case of a batch).
 */
import fp from 'fastify-plugin'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors'
import type { TSchema } from '@sinclair/typebox'
import { errorsOf } from '../schemas/string-enum.js'
import '../schemas/formats.js'
import { EvaluationResponse } from '../schemas/evaluation.js'
import { answerText } from '../domain/render/render.js'

const MAX_ERRORS = 50

export interface SchemaError { instancePath: string, message: string, keyword: string, schemaPath: string, params: Record<string, unknown> }
export type CheckResult = { value: unknown, error?: undefined } | { error: SchemaError[] }

declare module 'fastify' {
  interface FastifyInstance {
    compileCheck: (schema: TSchema) => (input: unknown) => CheckResult
  }
}

/**
 * One error as the caller sees it. A key of a record (statedCircumstances) is data, not a field
 * name, and may hold a name or an id number: a key off the pattern is reported at the record,
 * without the key.
 */
function describe (e: ValueError): SchemaError[] {
  const recordKey = e.type === ValueErrorType.ObjectAdditionalProperties && e.schema.patternProperties !== undefined
  return recordKey
    ? [{ instancePath: e.path.slice(0, e.path.lastIndexOf('/')), message: `a key does not match the pattern ${Object.keys(e.schema.patternProperties as object)[0]}`, keyword: 'typebox', schemaPath: '', params: {} }]
    : errorsOf(e).map(({ path, message }) => ({ instancePath: path, message, keyword: 'typebox', schemaPath: '', params: {} }))
}

export function compileCheck (schema: TSchema, schemas: TSchema[], convert: boolean): (input: unknown) => CheckResult {
  const check = TypeCompiler.Compile(schema, schemas)
  return (input) => {
    // Path and query parameters arrive as strings; only they may be converted. Bodies are taken as sent.
    const value = convert ? Value.Convert(schema, schemas, input) : input
    if (check.Check(value)) return { value }
    const errors: SchemaError[] = []
    for (const e of check.Errors(value)) {
      errors.push(...describe(e))
      if (errors.length >= MAX_ERRORS) break
    }
    return { error: errors.slice(0, MAX_ERRORS) }
  }
}

type SerializerFactory = ReturnType<typeof SerializerSelector>

/**
 * Fastify's own response serializers (fast-json-stringify), one per distinct schema instead of one
 * per route and status code. Most status codes of most routes answer with the Problem schema, each
 * with its own description (a description never changes how a value is written), and building
 * a serializer (fast-json-stringify checks every shared schema with Ajv, then generates code) was a
 * fifth of start-up: 42 builds for 23 schemas, 10 once descriptions are set aside. Each is built at
 * its first use, not at start-up: the builds were a fifth of the CPU to ready again, and most routes
 * (the problem answers above all) are seldom or never answered. The schemas are the app's own and
 * fixed, and test/serializers.test.ts builds every route's, status by status, as start-up used to:
 * a schema that cannot be compiled fails there, not at its first answer. The cache lives as long as
 * one schema controller, so each app keeps its own shared schemas.
 */
export const sharedSerializers: SerializerFactory = (externalSchemas, options) => {
  const build = SerializerSelector()(externalSchemas, options)
  const built = new Map<string, ReturnType<typeof build>>()
  return (route) => {
    const { description: _description, ...shape } = route.schema as Record<string, unknown>
    // An evaluation answer is built in the serializer's own order, so JSON.stringify writes the same text (render.ts).
    if (shape.$ref === EvaluationResponse.$id) return answerText as ReturnType<typeof build>
    const k = JSON.stringify(shape)
    let serialize = built.get(k)
    if (serialize === undefined) {
      let compiled: ReturnType<typeof build> | undefined
      built.set(k, serialize = (data) => (compiled ??= build(route))(data))
    }
    return serialize
  }
}

export default fp<{ schemas: TSchema[] }>(async (app, opts) => {
  app.decorate('compileCheck', (schema: TSchema) => compileCheck(schema, opts.schemas, false))
  app.setValidatorCompiler(({ schema, httpPart }) => compileCheck(schema as TSchema, opts.schemas, httpPart !== 'body') as never)
}, { name: 'validation' })
