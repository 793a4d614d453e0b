/**
 * Facts and their values in words, read from the annotations of the facts schema (x-label,
 * x-enum-labels, x-unit), so that a field added to the schema brings its wording with it and
 * explanations never show a dotted name or a code.
 */
import type { TSchema } from '@sinclair/typebox'
import { LABEL, UNIT, VALUE_LABELS, type Label } from '../../schemas/facts/labelled.js'
import { FACT_SCHEMAS } from './vocabulary.js'

export type { Label }

/** What kind of value a fact holds, which decides how a condition on it is worded. */
export type FactKind = 'boolean' | 'enum' | 'enum-array' | 'number' | 'date' | 'string'

function schemaOf (name: string): TSchema {
  const schema = FACT_SCHEMAS.get(name)
  // The loader refuses rules that read a fact outside the vocabulary, so a name always has a schema.
  if (schema === undefined) throw new Error(`'${name}' is not a fact of the facts vocabulary`)
  return schema
}

export function factKind (name: string): FactKind {
  const schema = schemaOf(name)
  if (schema.type === 'array') return 'enum-array'
  if (schema.type === 'boolean') return 'boolean'
  if (schema.type === 'integer' || schema.type === 'number') return 'number'
  if (schema.enum !== undefined) return 'enum'
  return schema.format === 'date' ? 'date' : 'string'
}

/** The fact's name in words: a noun phrase ("本人在该组织中的角色", "the subject’s roles in it"). */
export function factLabel (name: string): Label {
  return schemaOf(name)[LABEL] as Label
}

/** The labels of every value the fact takes (enum values, or true and false), if it has a closed set. */
export function valueLabels (name: string): Readonly<Record<string, Label>> | undefined {
  const schema = schemaOf(name)
  return (schema.items?.[VALUE_LABELS] ?? schema[VALUE_LABELS]) as Record<string, Label> | undefined
}

/** What a number counts in, e.g. 人 / '' (the name says "the number of members"), 元 / yuan. */
export function unitOf (name: string): Label | undefined {
  return schemaOf(name)[UNIT] as Label | undefined
}

/**
 * One value in words: an enum value's label, a boolean's statement, a number with its unit
 * (100人 / 100), a string as given. A value outside the fact's closed set (which the rules check
 * refuses) is shown as given rather than hidden.
 */
export function valueLabel (name: string, value: unknown): Label {
  const known = valueLabels(name)?.[String(value)]
  if (known !== undefined) return known
  const unit = typeof value === 'number' ? unitOf(name) : undefined
  if (unit !== undefined) {
    return { zh: `${value as number}${unit.zh}`, en: unit.en === '' ? (value as number).toLocaleString('en') : `${(value as number).toLocaleString('en')} ${unit.en}` }
  }
  return { zh: String(value), en: String(value) }
}
