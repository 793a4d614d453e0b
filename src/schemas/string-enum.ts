/**
 * String enums as `{ type: 'string', enum: [...] }`: plain in OpenAPI, and with an error message that
 * lists the allowed values (a TypeBox union of literals would only say "Expected union value").
 */
import { Kind, Type, TypeRegistry, type SchemaOptions, type TUnsafe } from '@sinclair/typebox'
import { SetErrorFunction, DefaultErrorFunction } from '@sinclair/typebox/errors'

TypeRegistry.Set<{ enum: string[] }>('StringEnum', (schema, value) => typeof value === 'string' && schema.enum.includes(value))
SetErrorFunction((error) => error.schema[Kind] === 'StringEnum'
  ? `Expected one of: ${(error.schema.enum as string[]).join(', ')}`
  : DefaultErrorFunction(error))

export function StringEnum<T extends string> (values: readonly T[], options: SchemaOptions = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ ...options, [Kind]: 'StringEnum', type: 'string', enum: [...values] })
}
