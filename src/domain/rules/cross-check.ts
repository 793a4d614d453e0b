/**
 * Cross-references of a rule set that its schema cannot express: its id is its file name and its
 * rules' id prefix, every clause it cites is in the catalog (and has a text in the versions the rule
 * applies), every fact its conditions read is in the vocabulary, every shared condition it names exists.
 */
import { basename } from 'node:path'
import type { Condition, Rule, RuleSetFile } from '../../schemas/rules-data.js'
import type { Catalog } from './catalog.js'
import type { RulesProblem } from '../../errors.js'
import { CONDUCT_TYPES } from '../../schemas/facts.js'
import { FACT_NAMES } from './vocabulary.js'
import { leavesOf } from './walk.js'
import { CONDITIONS_FILE, referencesOf, type SharedConditions } from './shared-conditions.js'
import { contradictionProblems, ruleProblem } from './check.js'
import { engineRules } from '../decide/engine.js'

/** The set's own checks: its id is its file name and its rules' id prefix; its conduct type is known. */
export function checkSetIds (file: string, set: RuleSetFile, problems: RulesProblem[]): void {
  const name = basename(file, '.json')
  if (set.id !== name) problems.push({ file, pointer: '/id', message: `rule set '${set.id}' is in ${file}: a rule set's file is rulesets/<its id>.json` })
  set.rules.forEach((rule, i) => {
    const prefix = rule.id.split('.')[0]
    if (prefix !== set.id) problems.push({ file, pointer: `/rules/${i}/id`, message: `rule '${rule.id}' is in rule set '${set.id}': a rule's id starts with the id of its set ('${set.id}.…')` })
  })
  if (!(CONDUCT_TYPES as readonly string[]).includes(set.conductType)) {
    problems.push({ file, pointer: '/conductType', message: `unknown conduct type '${set.conductType}' (known: ${CONDUCT_TYPES.join(', ')})` })
  }
}

/** Every fact a rule's trees read is in the vocabulary; every shared condition they name exists (and is marked used). */
export function checkTrees (file: string, rule: Rule, at: string, shared: SharedConditions, used: Set<string>, problems: RulesProblem[]): void {
  for (const { conditions, pointer } of engineRules(rule, at)) {
    for (const { leaf, pointer: p } of leavesOf<Condition>(conditions, pointer)) {
      const fact = (leaf as { fact: string }).fact
      if (!FACT_NAMES.has(fact)) problems.push({ file, pointer: `${p}/fact`, message: `unknown fact '${fact}' (see rules/README.md for the vocabulary)` })
    }
    for (const ref of referencesOf(conditions, pointer)) {
      if (shared.has(ref.name)) used.add(ref.name)
      else problems.push({ file, pointer: `${ref.pointer}/condition`, message: `no shared condition '${ref.name}' in ${CONDITIONS_FILE}` })
    }
  }
}

export function checkRuleSet (file: string, set: RuleSetFile, catalog: Catalog, seenRules: Set<string>, problems: RulesProblem[]): void {
  const clauseRef = (id: string, pointer: string, needTiers = false): void => {
    const clause = catalog.clauses.get(id)
    if (clause === undefined) problems.push({ file, pointer, message: `clause '${id}' is not in the catalog` })
    else if (needTiers && clause.kind !== 'offence') problems.push({ file, pointer, message: `clause '${id}' is not an offence with sanction tiers` })
  }
  const ids = new Set(set.rules.map((r) => r.id))
  set.rules.forEach((rule, i) => {
    const at = `/rules/${i}`
    if (seenRules.has(rule.id)) problems.push({ file, pointer: `${at}/id`, message: `duplicate rule id '${rule.id}'` })
    seenRules.add(rule.id)
    clauseRef(rule.clause, `${at}/clause`, true)
    rule.supporting?.forEach((s, j) => clauseRef(s.clause, `${at}/supporting/${j}/clause`))
    if (rule.referral !== undefined) clauseRef(rule.referral.clause, `${at}/referral/clause`)
    const versions = new Set(catalog.clauses.get(rule.clause)?.versions.map((v) => v.version))
    for (const v of Object.keys(rule.elementsByVersion ?? {})) {
      if (!versions.has(v)) problems.push({ file, pointer: `${at}/elementsByVersion/${v}`, message: `clause '${rule.clause}' has no version '${v}'` })
    }
    testProblems(file, rule, at, catalog, problems)
    rule.adjustments?.forEach((a, j) => {
      clauseRef(a.clause, `${at}/adjustments/${j}/clause`)
      a.versions.forEach((v, k) => {
        if (!versions.has(v)) problems.push({ file, pointer: `${at}/adjustments/${j}/versions/${k}`, message: `clause '${rule.clause}' has no version '${v}'` })
      })
    })
    rule.yieldsTo?.forEach((y, j) => {
      clauseRef(y.clause, `${at}/yieldsTo/${j}/clause`)
      // The overlap is resolved between the triggered rules of one set (src/domain/decide/evaluate.ts).
      if (!ids.has(y.rule)) problems.push({ file, pointer: `${at}/yieldsTo/${j}/rule`, message: `rule '${y.rule}' is not in this rule set` })
    })
  })
}

/**
 * A rule's tier tests: each one a test its clause has in some version (a test no version has would
 * never be read), and the indicator ids unique across the rule (the engine names them by id).
 */
function testProblems (file: string, rule: Rule, at: string, catalog: Catalog, problems: RulesProblem[]): void {
  const clause = catalog.clauses.get(rule.clause)
  if (clause === undefined || rule.tests === undefined) return
  const has = new Set(clause.versions.flatMap((v) => (v.tiers ?? []).map((t) => t.test as string)))
  const indicators = new Set<string>()
  for (const [test, data] of Object.entries(rule.tests)) {
    if (!has.has(test)) problems.push({ file, pointer: `${at}/tests/${test}`, message: `clause '${rule.clause}' has no tier with test '${test}' in any version (its tests: ${[...has].join(', ')})` })
    if (!('indicators' in data)) continue
    data.indicators.forEach((ind, j) => {
      if (indicators.has(ind.id)) problems.push({ file, pointer: `${at}/tests/${test}/indicators/${j}/id`, message: `duplicate indicator id '${ind.id}' in rule '${rule.id}'` })
      indicators.add(ind.id)
    })
  }
}

/**
 * Citations that would have no text in a version the rule applies. A supporting clause is cited in
 * the version applied (a single-version instrument such as the 2002 notice is cited as it is); a
 * referral or overlap clause is cited in the version in force at decision, which for a rule's
 * version is that version or a later one; a statutory adjustment in each version it lists.
 */
export function citationProblems (file: string, set: RuleSetFile, catalog: Catalog): RulesProblem[] {
  const problems: RulesProblem[] = []
  const missing = (clauseId: string, versions: string[]): string[] => {
    const clause = catalog.clauses.get(clauseId)
    const instrument = clause === undefined ? undefined : catalog.instruments.get(clause.instrument)
    if (clause === undefined || instrument === undefined || instrument.versions.length === 1) return [] // reported by the loader, or always citable
    return versions.filter((v) => !clause.versions.some((cv) => cv.version === v))
  }
  set.rules.forEach((rule, i) => {
    const clause = catalog.clauses.get(rule.clause)
    if (clause === undefined) return
    const versions = clause.versions.map((v) => v.version)
    const check = (clauseId: string, vs: string[], pointer: string, what: string) => {
      const gaps = missing(clauseId, vs)
      if (gaps.length > 0) {
        problems.push(ruleProblem(file, rule, pointer, `${what} '${clauseId}' has no text in version ${gaps.join(', ')}, in which the rule applies '${rule.clause}'`))
      }
    }
    rule.supporting?.forEach((s, j) => check(s.clause, versions, `/rules/${i}/supporting/${j}/clause`, 'supporting clause'))
    if (rule.referral !== undefined) check(rule.referral.clause, versions, `/rules/${i}/referral/clause`, 'referral clause')
    rule.yieldsTo?.forEach((y, j) => check(y.clause, versions, `/rules/${i}/yieldsTo/${j}/clause`, 'overlap clause'))
    rule.adjustments?.forEach((a, j) => check(a.clause, a.versions.filter((v) => versions.includes(v)), `/rules/${i}/adjustments/${j}/clause`, 'adjustment clause'))
  })
  return problems
}


/** The checks the loader runs on every rule set after its schema and cross-reference checks. */
export function staticProblems (file: string, set: RuleSetFile, catalog: Catalog, shared: SharedConditions = new Map()): RulesProblem[] {
  return [...citationProblems(file, set, catalog), ...contradictionProblems(file, set, shared)]
}
