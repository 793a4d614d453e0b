/**
 * String enums as `{ type: 'string', enum: [...] }`: plain in OpenAPI, and with an error message that
 * lists the allowed values (a TypeBox union of literals would only say "Expected union value").
 * Importing this module registers the StringEnum check and changes nothing else: the message is made
 * by `errorMessage` where problem details are built, not by replacing TypeBox's global error function.
 */
import { Kind, Type, TypeRegistry, type SchemaOptions, type TUnsafe } from '@sinclair/typebox'
import type { ValueError } from '@sinclair/typebox/errors'

TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value))

export function StringEnum<T extends string> (values: readonly T[], options: SchemaOptions = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ ...options, [Kind]: 'StringEnum', type: 'string', enum: [...values] })
}

/** TypeBox's message for an error, except that a StringEnum says which values it allows. */
export function errorMessage (error: Pick<ValueError, 'schema' | 'message'>): string {
  return error.schema[Kind] === 'StringEnum' ? `Expected one of: ${(error.schema.enum as string[]).join(', ')}` : error.message
}
