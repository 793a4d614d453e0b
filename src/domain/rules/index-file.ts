/**
 * rules/index.json, the directory's own list of what it holds: every catalog file, every rule-set file
 * with the conduct type it covers, and every other JSON file at its top (conditions.json, sources.json).
 * The loader reads only what the index lists, after checking that the directory matches it: a listed
 * file missing, or an unlisted .json file in the directory, catalog/ or rulesets/, refuses the load.
 * cases/ and schema/ are for authors and never loaded, so they are not listed.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { RulesIndex } from '../../schemas/rules-index.js'
import { RulesLoadError, type RulesProblem } from '../../errors.js'
import { errorsOf } from '../../schemas/string-enum.js'
import { readRulesFile, type ReadLimits } from './files.js'

export const INDEX_FILE = 'index.json'
const FOLDERS = ['', 'catalog/', 'rulesets/']
const checker = TypeCompiler.Compile(RulesIndex)

export interface DirectoryIndex {
  /** Absolute paths of the catalog and rule-set files, in a stable order. */
  catalog: string[]
  ruleSets: string[]
  /** Rule-set file (relative to the directory) → the conduct type the index says it covers. */
  conductTypes: ReadonlyMap<string, string>
  /** The index file's bytes, kept with a stored rules revision so that it loads again as it was. */
  raw: Buffer
}

async function parseIndex (root: string, limits: ReadLimits, problems: RulesProblem[]): Promise<{ index: RulesIndex, raw: Buffer } | undefined> {
  const raw = await readRulesFile(root, join(root, INDEX_FILE), INDEX_FILE, limits)
  let data: unknown
  try {
    data = JSON.parse(raw.toString('utf8'))
  } catch (err) {
    problems.push({ file: INDEX_FILE, pointer: '', message: `not valid JSON: ${(err as Error).message}` })
    return undefined
  }
  if (checker.Check(data)) return { index: data, raw }
  for (const { path, message } of [...checker.Errors(data)].flatMap(errorsOf)) problems.push({ file: INDEX_FILE, pointer: path, message })
  return undefined
}

/** The .json files of the three loaded folders, relative to root (a missing folder holds none). */
async function present (root: string): Promise<Set<string>> {
  const found = new Set<string>()
  for (const folder of FOLDERS) {
    const names = await readdir(join(root, folder)).catch(() => [])
    for (const name of names) if (name.endsWith('.json')) found.add(folder + name)
  }
  found.delete(INDEX_FILE)
  return found
}

/** Reads index.json and checks the directory against it; any mismatch throws, naming each file. */
export async function readIndex (root: string, limits: ReadLimits): Promise<DirectoryIndex> {
  const problems: RulesProblem[] = []
  const parsed = await parseIndex(root, limits, problems)
  if (parsed === undefined) throw new RulesLoadError(problems)
  const { index, raw } = parsed
  const listed = [...index.catalog, ...Object.keys(index.rulesets), ...index.data]
  const found = await present(root)
  for (const file of listed) {
    if (!found.has(file)) problems.push({ file, pointer: '', message: `listed in ${INDEX_FILE} but missing` })
  }
  for (const file of [...found].filter((f) => !listed.includes(f)).sort()) {
    problems.push({ file, pointer: '', message: `not listed in ${INDEX_FILE}: add it there, or remove it` })
  }
  if (problems.length > 0) throw new RulesLoadError(problems)
  return {
    catalog: [...index.catalog].sort().map((f) => join(root, f)),
    ruleSets: Object.keys(index.rulesets).sort().map((f) => join(root, f)),
    conductTypes: new Map(Object.entries(index.rulesets)),
    raw
  }
}

/** A rule set whose conductType is not the one the index says it covers. */
export function conductTypeProblems (index: DirectoryIndex, sets: ReadonlyArray<{ file: string, set: { conductType: string } }>): RulesProblem[] {
  return sets.flatMap(({ file, set }) => index.conductTypes.get(file) === set.conductType
    ? []
    : [{ file, pointer: '/conductType', message: `is '${set.conductType}', but ${INDEX_FILE} says this file covers '${index.conductTypes.get(file) as string}'` }])
}
