/**
 * String enums as `{ type: 'string', enum: [...] }`: plain in OpenAPI, and with an error message that
 * lists the allowed values (a TypeBox union of literals would only say "Expected union value").
 * Sets of them (`StringSet`) as `{ type: 'array', items: <enum>, uniqueItems: true, maxItems }`,
 * checked by one function: TypeBox's compiled `uniqueItems` hashes every element byte by byte with a
 * BigInt FNV-1a, which cost more than the rest of a request's validation together.
 * Importing this module registers both checks and changes nothing else: messages are made by
 * `errorsOf` where problems are reported, not by replacing TypeBox's error function.
 */
import { Kind, Type, TypeRegistry, type SchemaOptions, type TUnsafe } from '@sinclair/typebox'
import type { ValueError } from '@sinclair/typebox/errors'

interface EnumSchema { enum: string[] }
interface SetSchema { items: EnumSchema, maxItems: number }

const isMember = (schema: EnumSchema, value: unknown): boolean => typeof value === 'string' && schema.enum.includes(value)

TypeRegistry.Set<EnumSchema>('StringEnum', isMember)
TypeRegistry.Set<SetSchema>('StringSet', (schema, value) => Array.isArray(value) && value.length <= schema.maxItems &&
  value.every((v) => isMember(schema.items, v)) && new Set(value).size === value.length)

export function StringEnum<T extends string> (values: readonly T[], options: SchemaOptions = {}): TUnsafe<T> {
  return Type.Unsafe<T>({ ...options, [Kind]: 'StringEnum', type: 'string', enum: [...values] })
}

/** A set of values out of a closed list: no value twice, so at most as many as the list has. */
export function StringSet<T extends string> (values: readonly T[], itemOptions: SchemaOptions = {}, options: SchemaOptions = {}): TUnsafe<T[]> {
  return Type.Unsafe<T[]>({ uniqueItems: true, maxItems: values.length, ...options, [Kind]: 'StringSet', type: 'array', items: StringEnum(values, itemOptions) })
}

const oneOfMessage = (schema: EnumSchema): string => `Expected one of: ${schema.enum.join(', ')}`

/** TypeBox's message for an error, except that a StringEnum says which values it allows. */
function errorMessage (error: Pick<ValueError, 'schema' | 'message'>): string {
  return error.schema[Kind] === 'StringEnum' ? oneOfMessage(error.schema as unknown as EnumSchema) : error.message
}

/** What is wrong with a StringSet's value, each at its own pointer, in TypeBox's words. */
function setErrors (schema: SetSchema, path: string, value: unknown): Array<{ path: string, message: string }> {
  if (!Array.isArray(value)) return [{ path, message: 'Expected array' }]
  const errors = value.flatMap((v, i) => isMember(schema.items, v) ? [] : [{ path: `${path}/${i}`, message: oneOfMessage(schema.items) }])
  if (value.length > schema.maxItems) errors.push({ path, message: `Expected array length to be less or equal to ${schema.maxItems}` })
  if (new Set(value).size !== value.length) errors.push({ path, message: 'Expected array elements to be unique' })
  return errors
}

/**
 * An error as the caller reads it: TypeBox's words, except that a StringEnum lists the values it allows,
 * and a StringSet's error becomes one per wrong element or rule broken. Every place that reports a
 * TypeBox error (requests, case files, rule files, the index, the configuration) describes it with this.
 */
export function errorsOf (error: Pick<ValueError, 'schema' | 'message' | 'path' | 'value'>): Array<{ path: string, message: string }> {
  return error.schema[Kind] === 'StringSet'
    ? setErrors(error.schema as unknown as SetSchema, error.path, error.value)
    : [{ path: error.path, message: errorMessage(error) }]
}
