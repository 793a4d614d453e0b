/**
 * Builders for the facts schema that annotate each field with its name and its values in words, zh
 * and en, as JSON Schema extension keywords. They travel with the schema to openapi.yaml and
 * /v1/schema/facts, so that callers' forms can show them, and explanations are built from them:
 *   'x-label'        the fact's name, a noun phrase ("本人在该组织中的角色");
 *   'x-enum-labels'  each value a fact takes: an enum's values (on the enum, i.e. on `items` for a
 *                    list), or for a boolean `true` and `false` as whole statements ("未经登记注册");
 *   'x-unit'         what a number counts (人, 次, 元), where it counts something.
 */
import { Type, type SchemaOptions } from '@sinclair/typebox'
import { StringEnum, StringSet } from '../string-enum.js'

export interface Label { zh: string, en: string }
export type ValueLabels<T extends string> = Record<T, Label>

export const LABEL = 'x-label'
export const VALUE_LABELS = 'x-enum-labels'
export const UNIT = 'x-unit'

export const label = (zh: string, en: string): Label => ({ zh, en })

const keysOf = <T extends string>(values: ValueLabels<T>) => Object.keys(values) as T[]

/** One value out of a closed list. */
export function oneOf<T extends string> (name: Label, values: ValueLabels<T>, options: SchemaOptions = {}) {
  return StringEnum(keysOf(values), { ...options, [LABEL]: name, [VALUE_LABELS]: values })
}

/** A set of values out of a closed list (no repeats); empty means "established: none". */
export function setOf<T extends string> (name: Label, values: ValueLabels<T>, description: string) {
  return StringSet(keysOf(values), { [VALUE_LABELS]: values }, { description, [LABEL]: name })
}

/** A yes/no fact, with what each answer says about the case. */
export function yesNo (name: Label, yes: Label, no: Label, options: SchemaOptions = {}) {
  return Type.Boolean({ ...options, [LABEL]: name, [VALUE_LABELS]: { true: yes, false: no } })
}

/** A whole number of something: `unit` is the measure word (zh) and the counted noun (en, '' where the name says it). */
export function count (name: Label, unit: Label, options: SchemaOptions = {}) {
  return Type.Integer({ ...options, [LABEL]: name, [UNIT]: unit })
}

/** A measured amount (not necessarily whole), e.g. a sum of money. */
export function measure (name: Label, unit: Label, options: SchemaOptions = {}) {
  return Type.Number({ ...options, [LABEL]: name, [UNIT]: unit })
}
