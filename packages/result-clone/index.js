'use strict'
/**
 * The deep copy json-rules-engine makes of a rule's conditions, event, priority and name for every
 * rule result (dist/rule-result.js; also dist/rule.js for a realised condition reference, which this
 * service no longer hands it). The package.json of the service installs it as the engine's `clone`
 * dependency through npm `overrides`.
 *
 * What it copies is rule data: JSON values held in the engine's Condition objects. So it copies
 * primitives, arrays and objects, each object with its own prototype (a copied Condition must keep its
 * methods, and the engine writes each run's results into the copy, never into the rule), and hands
 * Dates, RegExps, Maps, Sets and other built-in objects to structuredClone. It does not follow cycles,
 * which JSON cannot hold. lodash.clonedeep, used before, did the same for this data in about three
 * times the time: a type tag and a cycle-tracking stack lookup (a linear scan below 200 objects) for
 * every object, and a guarded assignment for every property, on every rule of every run.
 */
function copy (value) {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i])
    return out
  }
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null && isBuiltIn(value)) return structuredClone(value)
  const out = Object.create(proto)
  for (const key of Object.keys(value)) out[key] = copy(value[key])
  return out
}

/** An object of a built-in type that has its own internal state (a Date's time, a Map's entries). */
function isBuiltIn (value) {
  return value instanceof Date || value instanceof RegExp || value instanceof Map || value instanceof Set ||
    ArrayBuffer.isView(value) || value instanceof ArrayBuffer
}

module.exports = copy
