/**
 * Loads and checks a rules directory: the catalog under catalog/ (one file per instrument), the shared
 * conditions in conditions.json, the rule sets under rulesets/ (file name = set id = its rules' id
 * prefix). Every file is validated against its schema, then cross-checked (ids unique, every cited
 * clause in the catalog and in force for the versions the rule applies, every fact in the facts
 * vocabulary, every shared condition referred to and resolving, no rule that can never fire:
 * ./check.ts). Any problem stops the load with the file and the JSON pointer; a rules directory either
 * loads whole or not at all.
 */
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import type { TSchema } from '@sinclair/typebox'
import { CatalogFile, ConditionsFile, RuleSetFile, type Condition, type Rule } from '../../schemas/rules-data.js'
import type { Catalog } from './catalog.js'
import { buildCatalog } from './load-catalog.js'
import { checkSetIds, checkRuleSet, checkTrees, staticProblems } from './cross-check.js'
import { CONDITIONS_FILE, sharedConditionProblems, unusedProblems } from './shared-conditions.js'
import { SourcesFile, type Source } from '../../schemas/rules-sources.js'
import { SOURCES_FILE, nameSources, sourcesById, unresolvedSources } from './sources.js'
import { REGULATIONS, requiredClauseProblems, requiredSourceProblems } from './required-clauses.js'
import { compileEngines, type RuleSetEngines } from '../decide/engine.js'
import { CONDUCT_TYPES } from '../../schemas/facts.js'
import { RulesLoadError, type RulesProblem } from '../../errors.js'
import { errorsOf } from '../../schemas/string-enum.js'
import { readRulesFile, DEFAULT_READ_LIMITS, type ReadLimits } from './files.js'
import { readIndex, conductTypeProblems, INDEX_FILE } from './index-file.js'

export interface LoadedRuleSet {
  file: string
  set: RuleSetFile
  /** json-rules-engine engines of the set's rules (src/domain/decide/engine.ts). */
  engines: RuleSetEngines
  rules: Map<string, Rule>
}

export interface LoadedRules {
  revision: string
  catalog: Catalog
  /** The public sources the rules cite (rules/sources.json), by id. */
  sources: ReadonlyMap<string, Source>
  /** Named shared conditions (rules/conditions.json), by name; rules refer to them as { condition: name }. */
  sharedConditions: ReadonlyMap<string, Condition>
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
  catalog: TypeCompiler.Compile(CatalogFile),
  conditions: TypeCompiler.Compile(ConditionsFile),
  ruleSet: TypeCompiler.Compile(RuleSetFile),
  sources: TypeCompiler.Compile(SourcesFile)
}

async function jsonFiles (dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  /* c8 ignore start -- index.json was read from this directory just before: only its removal meanwhile gets here */
  } catch {
    return []
  }
  /* c8 ignore stop */
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n))
}

interface Parsed { file: string; raw: Buffer; data: unknown }

async function parse (root: string, path: string, problems: RulesProblem[], limits = DEFAULT_READ_LIMITS): Promise<Parsed | undefined> {
  const file = relative(root, path)
  const raw = await readRulesFile(root, path, file, limits)
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
    for (const { path, message } of errorsOf(e)) {
      // A recursive union reports one error per branch; the first per path is the useful one.
      if (seen.has(path)) continue
      seen.add(path)
      problems.push({ file: p.file, pointer: path, message })
    }
    if (seen.size >= 20) break
  }
  return undefined
}

/** Content hash of every rules file, path and bytes, in a stable order. */
function revisionOf (files: Parsed[]): string {
  const hash = createHash('sha256')
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(f.file).update('\0').update(f.raw).update('\0')
  }
  return 'sha256:' + hash.digest('hex')
}

/** Every file of a folder, parsed (a file that is not JSON is a problem). */
async function parseAll (root: string, paths: string[], problems: RulesProblem[], limits?: ReadLimits): Promise<Parsed[]> {
  const out: Parsed[] = []
  for (const path of paths) {
    const p = await parse(root, path, problems, limits)
    if (p !== undefined) out.push(p)
  }
  return out
}

/** sources.json: a rules directory without it cites sources that cannot resolve. */
async function loadSources (root: string, problems: RulesProblem[], limits: ReadLimits): Promise<{ parsed: Parsed[], sources: Map<string, Source> }> {
  const [p] = await parseAll(root, (await jsonFiles(root)).filter((f) => basename(f) === SOURCES_FILE), problems, limits)
  if (p === undefined) {
    problems.push({ file: SOURCES_FILE, pointer: '', message: 'no sources file: the public sources the rules cite by id' })
    return { parsed: [], sources: new Map() }
  }
  const data = validate<SourcesFile>(checkers.sources, p, problems)
  return { parsed: [p], sources: sourcesById(p.file, data?.sources ?? [], problems) }
}

/** A validated file's source ids resolve; each list gets its sources in words next to it. */
function withSources<T> (p: Parsed, data: T | undefined, sources: Map<string, Source>, problems: RulesProblem[]): T | undefined {
  if (data === undefined) return undefined
  problems.push(...unresolvedSources(p.file, data, sources))
  nameSources(data, sources)
  return data
}

/** conditions.json, if there is one: a rules directory without shared conditions needs none. */
async function sharedConditions (root: string, problems: RulesProblem[], limits: ReadLimits): Promise<{ parsed: Parsed[], shared: Map<string, Condition> }> {
  const [p] = await parseAll(root, (await jsonFiles(root)).filter((f) => basename(f) === CONDITIONS_FILE), problems, limits)
  const data = p === undefined ? undefined : validate<ConditionsFile>(checkers.conditions, p, problems)
  const shared = new Map(Object.entries(data?.conditions ?? {}))
  problems.push(...sharedConditionProblems(shared))
  return { parsed: p === undefined ? [] : [p], shared }
}

/** `limits` bound every file read (RULES_MAX_FILE_BYTES); only the files rules/index.json lists are read. */
export async function loadRules (root: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<LoadedRules> {
  const problems: RulesProblem[] = []
  const index = await readIndex(root, limits)
  const { catalog: catalogFiles, ruleSets: setFiles } = index

  const { parsed: sourcesParsed, sources } = await loadSources(root, problems, limits)
  const catalogParsed = await parseAll(root, catalogFiles, problems, limits)
  const catalog = buildCatalog(catalogParsed.flatMap((p) => {
    const data = withSources(p, validate<CatalogFile>(checkers.catalog, p, problems), sources, problems)
    return data === undefined ? [] : [{ file: p.file, data }]
  }), problems)
  const { parsed: conditionsParsed, shared } = await sharedConditions(root, problems, limits)
  const used = new Set<string>()

  const sets: Array<{ file: string, set: RuleSetFile }> = []
  const seenRules = new Set<string>()
  const setsParsed = await parseAll(root, setFiles, problems, limits)
  for (const p of setsParsed) {
    const set = withSources(p, validate<RuleSetFile>(checkers.ruleSet, p, problems), sources, problems)
    if (set === undefined) continue
    if (sets.some((s) => s.set.id === set.id)) problems.push({ file: p.file, pointer: '/id', message: `duplicate rule set id '${set.id}'` })
    checkSetIds(p.file, set, problems)
    checkRuleSet(p.file, set, catalog, seenRules, problems)
    set.rules.forEach((rule, i) => checkTrees(p.file, rule, `/rules/${i}`, shared, used, problems))
    problems.push(...staticProblems(p.file, set, catalog, shared))
    sets.push({ file: p.file, set })
  }
  problems.push(...unusedProblems(shared, used), ...conductTypeProblems(index, sets))
  const applied = new Set(sets.flatMap((s) => s.set.rules.map((r) => r.clause)))
  problems.push(...requiredClauseProblems(catalog, applied, join('catalog', `${REGULATIONS}.json`)), ...requiredSourceProblems(sources, SOURCES_FILE))
  if (problems.length > 0) throw new RulesLoadError(problems)
  const parsed = [...sourcesParsed, ...catalogParsed, ...conditionsParsed, ...setsParsed]
  // The index is kept with the files so that a stored revision loads again as it was (it is not part of the hash).
  const files = [{ file: INDEX_FILE, raw: index.raw }, ...parsed.map(({ file, raw }) => ({ file, raw }))]
  return { revision: revisionOf(parsed), catalog, sources, sharedConditions: shared, ...compileAll(sets, shared), loadedAt: new Date().toISOString(), files }
}

/** The engines of rule sets that passed every check, and the indexes by set id, rule id and conduct type. */
function compileAll (sets: Array<{ file: string, set: RuleSetFile }>, shared: ReadonlyMap<string, Condition>): Pick<LoadedRules, 'ruleSets' | 'ruleIndex' | 'byConductType'> {
  const ruleSets = new Map<string, LoadedRuleSet>()
  const ruleIndex = new Map<string, LoadedRuleSet>()
  const byConductType = new Map<string, LoadedRuleSet[]>(CONDUCT_TYPES.map((type) => [type, []]))
  for (const { file, set } of sets) {
    const loaded: LoadedRuleSet = { file, set, engines: compileEngines(set, shared), rules: new Map(set.rules.map((r) => [r.id, r])) }
    ruleSets.set(set.id, loaded)
    for (const r of set.rules) ruleIndex.set(r.id, loaded)
    byConductType.get(set.conductType)?.push(loaded)
  }
  return { ruleSets, ruleIndex, byConductType }
}
