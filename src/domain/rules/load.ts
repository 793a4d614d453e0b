/**
 * Loads and checks a rules directory: the catalog under catalog/, the rule sets under rulesets/.
 * Every file is validated against its schema, then cross-checked (ids unique, every cited clause in
 * the catalog and in force for the versions the rule applies, every fact in the facts vocabulary, no
 * rule that can never fire: src/domain/check.ts). Any problem stops the load with the file and the
 * JSON pointer; a rules directory either loads whole or not at all.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { TSchema } from '@sinclair/typebox'
import type { Engine } from 'json-rules-engine'
import { InstrumentsFile, ClausesFile, RuleSetFile, type Condition, type Clause, type Instrument, type Rule } from '../../schemas/rules-data.js'
import type * as Data from '../../schemas/rules-data.js'
import type { Catalog } from './catalog.js'
import { FACT_NAMES } from './vocabulary.js'
import { compileEngine, type CompiledRuleSet } from '../decide/engine.js'
import { CONDUCT_TYPES } from '../../schemas/facts.js'
import { staticProblems } from './check.js'
import { RulesLoadError, type RulesProblem } from '../../errors.js'

export interface LoadedRuleSet {
  file: string
  set: RuleSetFile
  engine: Engine
  compiled: CompiledRuleSet['compiled']
  rules: Map<string, Rule>
}

export type Evaluator = 'compiled' | 'json-rules-engine'

export interface LoadedRules {
  revision: string
  /** Which evaluator runs the engine rules: the compiled one, or json-rules-engine itself. */
  evaluator: Evaluator
  catalog: Catalog
  ruleSets: Map<string, LoadedRuleSet>
  /** Rule id → the rule set that holds it. */
  ruleIndex: Map<string, LoadedRuleSet>
  /** Conduct type → the rule sets that look at it (every type has an entry). */
  byConductType: Map<string, LoadedRuleSet[]>
  loadedAt: string
  /** The exact bytes of every file the revision is the hash of (kept with decision records, to replay them). */
  files: Array<{ file: string, raw: Buffer }>
}

const checkers = {
  instruments: TypeCompiler.Compile(InstrumentsFile),
  clauses: TypeCompiler.Compile(ClausesFile),
  ruleSet: TypeCompiler.Compile(RuleSetFile)
}

async function jsonFiles (dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n))
}

interface Parsed { file: string; raw: Buffer; data: unknown }

async function parse (root: string, path: string, problems: RulesProblem[]): Promise<Parsed | undefined> {
  const file = relative(root, path)
  const raw = await readFile(path)
  try {
    return { file, raw, data: JSON.parse(raw.toString('utf8')) }
  } catch (err) {
    problems.push({ file, pointer: '', message: `not valid JSON: ${(err as Error).message}` })
    return undefined
  }
}

function validate<T> (checker: ReturnType<typeof TypeCompiler.Compile<TSchema>>, p: Parsed, problems: RulesProblem[]): T | undefined {
  if (checker.Check(p.data)) return p.data as T
  const seen = new Set<string>()
  for (const e of checker.Errors(p.data)) {
    // A recursive union reports one error per branch; the first per path is the useful one.
    if (seen.has(e.path)) continue
    seen.add(e.path)
    problems.push({ file: p.file, pointer: e.path, message: e.message })
    if (seen.size >= 20) break
  }
  return undefined
}

function conditionFacts (c: Condition, pointer: string, out: Array<{ fact: string; pointer: string }>): void {
  if ('all' in c) c.all.forEach((x, i) => conditionFacts(x, `${pointer}/all/${i}`, out))
  else if ('any' in c) c.any.forEach((x, i) => conditionFacts(x, `${pointer}/any/${i}`, out))
  else if ('not' in c) conditionFacts(c.not, `${pointer}/not`, out)
  else out.push({ fact: c.fact, pointer: `${pointer}/fact` })
}

function checkCatalog (instruments: Instrument[], clauses: Array<{ file: string; clause: Clause; index: number }>, problems: RulesProblem[]): Catalog {
  const catalog: Catalog = { instruments: new Map(), clauses: new Map() }
  for (const inst of instruments) catalog.instruments.set(inst.id, inst)
  for (const { file, clause, index } of clauses) {
    const at = `/clauses/${index}`
    if (catalog.clauses.has(clause.id)) problems.push({ file, pointer: `${at}/id`, message: `duplicate clause id '${clause.id}'` })
    catalog.clauses.set(clause.id, clause)
    const inst = catalog.instruments.get(clause.instrument)
    if (inst === undefined) {
      problems.push({ file, pointer: `${at}/instrument`, message: `unknown instrument '${clause.instrument}'` })
      continue
    }
    clause.versions.forEach((v, i) => {
      if (!inst.versions.some((iv) => iv.version === v.version)) {
        problems.push({ file, pointer: `${at}/versions/${i}/version`, message: `instrument '${inst.id}' has no version '${v.version}'` })
      }
      if (clause.kind === 'offence' && v.tiers === undefined) {
        problems.push({ file, pointer: `${at}/versions/${i}/tiers`, message: 'an offence needs its sanction tiers' })
      }
    })
    clause.absent?.forEach((a, i) => {
      if (!inst.versions.some((iv) => iv.version === a.version)) {
        problems.push({ file, pointer: `${at}/absent/${i}/version`, message: `instrument '${inst.id}' has no version '${a.version}'` })
      } else if (clause.versions.some((v) => v.version === a.version)) {
        problems.push({ file, pointer: `${at}/absent/${i}/version`, message: `version '${a.version}' is both encoded and marked absent` })
      }
    })
  }
  return catalog
}

function checkRuleSet (file: string, set: RuleSetFile, catalog: Catalog, seenRules: Set<string>, problems: RulesProblem[]): void {
  const clauseRef = (id: string, pointer: string, needTiers = false): void => {
    const clause = catalog.clauses.get(id)
    if (clause === undefined) problems.push({ file, pointer, message: `clause '${id}' is not in the catalog` })
    else if (needTiers && clause.kind !== 'offence') problems.push({ file, pointer, message: `clause '${id}' is not an offence with sanction tiers` })
  }
  if (!(CONDUCT_TYPES as readonly string[]).includes(set.conductType)) {
    problems.push({ file, pointer: '/conductType', message: `unknown conduct type '${set.conductType}' (known: ${CONDUCT_TYPES.join(', ')})` })
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
    rule.adjustments?.forEach((a, j) => {
      clauseRef(a.clause, `${at}/adjustments/${j}/clause`)
      a.versions.forEach((v, k) => {
        if (!versions.has(v)) problems.push({ file, pointer: `${at}/adjustments/${j}/versions/${k}`, message: `clause '${rule.clause}' has no version '${v}'` })
      })
    })
    rule.yieldsTo?.forEach((y, j) => {
      clauseRef(y.clause, `${at}/yieldsTo/${j}/clause`)
      if (!ids.has(y.rule)) problems.push({ file, pointer: `${at}/yieldsTo/${j}/rule`, message: `rule '${y.rule}' is not in this rule set` })
    })
    const facts: Array<{ fact: string; pointer: string }> = []
    conditionFacts(rule.conditions, `${at}/conditions`, facts)
    rule.circumstance?.indicators.forEach((ind, j) => conditionFacts(ind.conditions, `${at}/circumstance/indicators/${j}/conditions`, facts))
    rule.notes?.forEach((n, j) => { if (n.when !== undefined) conditionFacts(n.when, `${at}/notes/${j}/when`, facts) })
    for (const [v, c] of Object.entries(rule.elementsByVersion ?? {})) conditionFacts(c, `${at}/elementsByVersion/${v}`, facts)
    rule.adjustments?.forEach((a, j) => { if (a.when !== undefined) conditionFacts(a.when, `${at}/adjustments/${j}/when`, facts) })
    for (const f of facts) {
      if (!FACT_NAMES.has(f.fact)) problems.push({ file, pointer: f.pointer, message: `unknown fact '${f.fact}' (see rules/README.md for the vocabulary)` })
    }
  })
}

/** Content hash of every rules file, path and bytes, in a stable order. */
function revisionOf (files: Parsed[]): string {
  const hash = createHash('sha256')
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(f.file).update('\0').update(f.raw).update('\0')
  }
  return 'sha256:' + hash.digest('hex')
}

export async function loadRules (root: string, evaluator: Evaluator = 'compiled'): Promise<LoadedRules> {
  const problems: RulesProblem[] = []
  const catalogFiles = await jsonFiles(join(root, 'catalog'))
  const setFiles = await jsonFiles(join(root, 'rulesets'))
  if (!catalogFiles.some((f) => f.endsWith('instruments.json'))) problems.push({ file: 'catalog/instruments.json', pointer: '', message: 'missing' })
  if (setFiles.length === 0) problems.push({ file: 'rulesets/', pointer: '', message: 'no rule set files (*.json)' })
  if (problems.length > 0) throw new RulesLoadError(problems.map((p) => ({ ...p, file: join(root, p.file) })))

  const parsed: Parsed[] = []
  const instruments: Instrument[] = []
  const clauses: Array<{ file: string; clause: Clause; index: number }> = []
  for (const path of catalogFiles) {
    const p = await parse(root, path, problems)
    if (p === undefined) continue
    parsed.push(p)
    if (path.endsWith('instruments.json')) {
      instruments.push(...(validate<Data.InstrumentsFile>(checkers.instruments, p, problems)?.instruments ?? []))
    } else {
      validate<Data.ClausesFile>(checkers.clauses, p, problems)?.clauses.forEach((clause, index) => clauses.push({ file: p.file, clause, index }))
    }
  }
  const catalog = checkCatalog(instruments, clauses, problems)

  const ruleSets = new Map<string, LoadedRuleSet>()
  const ruleIndex = new Map<string, LoadedRuleSet>()
  const byConductType = new Map<string, LoadedRuleSet[]>(CONDUCT_TYPES.map((type) => [type, []]))
  const seenRules = new Set<string>()
  for (const path of setFiles) {
    const p = await parse(root, path, problems)
    if (p === undefined) continue
    parsed.push(p)
    const set = validate<RuleSetFile>(checkers.ruleSet, p, problems)
    if (set === undefined) continue
    if (ruleSets.has(set.id)) problems.push({ file: p.file, pointer: '/id', message: `duplicate rule set id '${set.id}'` })
    checkRuleSet(p.file, set, catalog, seenRules, problems)
    problems.push(...staticProblems(p.file, set, catalog))
    const loaded: LoadedRuleSet = { file: p.file, set, ...compileEngine(set), rules: new Map(set.rules.map((r) => [r.id, r])) }
    ruleSets.set(set.id, loaded)
    for (const r of set.rules) ruleIndex.set(r.id, loaded)
    byConductType.get(set.conductType)?.push(loaded)
  }
  if (problems.length > 0) throw new RulesLoadError(problems)
  return { revision: revisionOf(parsed), evaluator, catalog, ruleSets, ruleIndex, byConductType, loadedAt: new Date().toISOString(), files: parsed.map(({ file, raw }) => ({ file, raw })) }
}
