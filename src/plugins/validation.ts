/**
 * Request validation with TypeBox's compiler against the shared schemas. Unlike Fastify's default
 * Ajv set-up it neither coerces types in bodies nor strips unknown properties, and it reports every
 * error with its JSON pointer, which the problem handler turns into an RFC 9457 response.
 */
import type { FastifySchemaCompiler } from 'fastify'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import { SHARED_SCHEMAS } from '../schemas/registry.js'
import '../schemas/formats.js'

const MAX_ERRORS = 50

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check: TypeCheck<TSchema> = TypeCompiler.Compile(schema, SHARED_SCHEMAS)
  return (input: unknown) => {
    // Path and query parameters arrive as strings; only they may be converted. Bodies are taken as sent.
    const value = httpPart === 'body' ? input : Value.Convert(schema, SHARED_SCHEMAS, input)
    if (check.Check(value)) return { value }
    const errors: Array<{ instancePath: string; message: string; keyword: string; schemaPath: string; params: Record<string, unknown> }> = []
    for (const e of check.Errors(value)) {
      errors.push({ instancePath: e.path, message: e.message, keyword: 'typebox', schemaPath: '', params: {} })
      if (errors.length >= MAX_ERRORS) break
    }
    return { error: errors as never }
  }
}
