/**
 * `npm run rules:coverage [dir] [--cases]`: which golden cases hit which rules and which leaf
 * conditions, and what no case exercises. A report: it exits 0 whenever the rules load.
 *
 * Every case is evaluated as the service would (rule outcomes: triggered, not triggered, undetermined,
 * finding; see caseOutcomes in ./cases.ts), and every conduct item is run through the engines of its
 * conduct type to read each leaf condition's result: true, false, or unknown when its fact is absent.
 * A leaf (in a rule's conditions, its elementsByVersion, indicators, note and adjustment conditions)
 * is exercised when some case made it true and some case made it false.
 */
import { resolve } from 'node:path'
import type { Condition } from '../schemas/rules-data.js'
import { loadRules, type LoadedRules, type LoadedRuleSet } from '../domain/rules/load.js'
import { RulesLoadError } from '../errors.js'
import { runAll, engineRules } from '../domain/decide/engine.js'
import { tri, type EvaluatedCondition } from '../domain/decide/conditions.js'
import { flattenFacts } from '../domain/rules/vocabulary.js'
import { BUNDLED_RULES_DIR } from '../paths.js'
import { readCases, evaluateCase, caseOutcomes, formatError } from './cases.js'
import { isMain } from './cli.js'

export interface LeafCoverage {
  file: string
  rule: string
  pointer: string
  text: string
  /** Cases that made the leaf true / false. */
  trueIn: number
  falseIn: number
}

export interface RuleCoverage {
  rule: string
  file: string
  triggeredBy: string[]
  notTriggeredBy: string[]
  undeterminedIn: string[]
  leaves: LeafCoverage[]
}

export interface CoverageReport {
  /** Cases evaluated. */
  cases: number
  /** Case files the service refused (rules:check says why); the report says why too. */
  skipped: string[]
  rules: RuleCoverage[]
  output: string
}

/** Calls visit for each leaf of an authored tree with the engine's result for it (same shape). */
function walk (c: Condition, r: EvaluatedCondition, pointer: string, visit: (pointer: string, leaf: Extract<Condition, { fact: string }>, r: EvaluatedCondition) => void): void {
  if ('all' in c) c.all.forEach((x, i) => walk(x, (r.all as EvaluatedCondition[])[i], `${pointer}/all/${i}`, visit))
  else if ('any' in c) c.any.forEach((x, i) => walk(x, (r.any as EvaluatedCondition[])[i], `${pointer}/any/${i}`, visit))
  else if ('not' in c) walk(c.not, r.not as EvaluatedCondition, `${pointer}/not`, visit)
  else visit(pointer, c, r)
}

function pad (s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

export async function coverageReport (dir: string, options: { listCases?: boolean } = {}): Promise<CoverageReport> {
  const rules: LoadedRules = await loadRules(dir)
  const { cases } = await readCases(dir)
  const skipped: string[] = []
  const problems: string[] = []
  const cov = new Map<string, RuleCoverage>()
  const leafIndex = new Map<string, LeafCoverage>()
  for (const [, set] of rules.ruleSets) {
    set.set.rules.forEach((rule, i) => {
      const rc: RuleCoverage = { rule: rule.id, file: set.file, triggeredBy: [], notTriggeredBy: [], undeterminedIn: [], leaves: [] }
      cov.set(rule.id, rc)
      for (const t of engineRules(rule, `/rules/${i}`)) {
        collectLeaves(t.conditions, t.pointer, (pointer, leaf) => {
          const lc: LeafCoverage = { file: set.file, rule: rule.id, pointer, text: `${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)}`, trueIn: 0, falseIn: 0 }
          rc.leaves.push(lc)
          leafIndex.set(`${set.file}#${pointer}`, lc)
        })
      }
    })
  }

  for (const c of cases) {
    const res = await evaluateCase(rules, c)
    if (Array.isArray(res)) {
      skipped.push(c.file)
      problems.push(...res.map(formatError))
      continue
    }
    const outcomes = caseOutcomes(rules, c, res)
    for (const [id, rc] of cov) {
      const outcome = outcomes.get(id)
      if (outcome === 'triggered') rc.triggeredBy.push(c.file)
      else if (outcome === 'not-triggered') rc.notTriggeredBy.push(c.file)
      else if (res.undetermined.some((u) => u.ruleId === id)) rc.undeterminedIn.push(c.file)
    }
    // Per leaf: true or false in this case if some conduct item made it so.
    const seen = new Map<LeafCoverage, Set<string>>()
    for (const item of c.data.request.facts.conduct) {
      const facts = flattenFacts(c.data.request.facts.subject, item)
      for (const set of rules.byConductType.get(item.type)!) await leafResults(set, facts, leafIndex, seen)
    }
    for (const [lc, values] of seen) {
      if (values.has('true')) lc.trueIn++
      if (values.has('false')) lc.falseIn++
    }
  }
  const report = { cases: cases.length - skipped.length, skipped, rules: [...cov.values()] }
  return { ...report, output: render({ ...report, skipped: problems }, options.listCases === true) }
}

function collectLeaves (c: Condition, pointer: string, visit: (pointer: string, leaf: Extract<Condition, { fact: string }>) => void): void {
  if ('all' in c) c.all.forEach((x, i) => collectLeaves(x, `${pointer}/all/${i}`, visit))
  else if ('any' in c) c.any.forEach((x, i) => collectLeaves(x, `${pointer}/any/${i}`, visit))
  else if ('not' in c) collectLeaves(c.not, `${pointer}/not`, visit)
  else visit(pointer, c)
}

async function leafResults (set: LoadedRuleSet, facts: Record<string, unknown>, leafIndex: Map<string, LeafCoverage>, seen: Map<LeafCoverage, Set<string>>): Promise<void> {
  const outcomes = await runAll(set.engines, facts)
  set.set.rules.forEach((rule, i) => {
    for (const t of engineRules(rule, `/rules/${i}`)) {
      const result = outcomes.get(t.name)!.conditions
      // A single leaf runs wrapped in an `all` (json-rules-engine wants a boolean operator on top).
      walk(t.conditions, 'fact' in t.conditions ? (result.all as EvaluatedCondition[])[0] : result, t.pointer, (pointer, _leaf, r) => {
        const lc = leafIndex.get(`${set.file}#${pointer}`)!
        const values = seen.get(lc) ?? new Set<string>()
        values.add(tri(r))
        seen.set(lc, values)
      })
    }
  })
}

function render (r: Omit<CoverageReport, 'output'>, listCases: boolean): string {
  const lines: string[] = []
  const width = Math.max(4, ...r.rules.map((x) => x.rule.length))
  lines.push(`${pad('Rule', width)}  Triggered  Not triggered  Undetermined  Conditions exercised`)
  for (const x of r.rules) {
    const both = x.leaves.filter((l) => l.trueIn > 0 && l.falseIn > 0).length
    lines.push(`${pad(x.rule, width)}  ${pad(String(x.triggeredBy.length), 9)}  ${pad(String(x.notTriggeredBy.length), 13)}  ${pad(String(x.undeterminedIn.length), 12)}  ${both}/${x.leaves.length}`)
    if (listCases) {
      lines.push(`  triggered by: ${x.triggeredBy.join(', ') || '-'}`)
      lines.push(`  not triggered by: ${x.notTriggeredBy.join(', ') || '-'}`)
    }
  }
  const untriggered = r.rules.filter((x) => x.triggeredBy.length === 0)
  const neverOut = r.rules.filter((x) => x.notTriggeredBy.length === 0)
  const leaves = r.rules.flatMap((x) => x.leaves)
  const partial = leaves.filter((l) => l.trueIn === 0 || l.falseIn === 0)
  if (untriggered.length > 0) lines.push('', 'Rules no case triggers:', ...untriggered.map((x) => `  ${x.file} ${x.rule}`))
  if (neverOut.length > 0) lines.push('', 'Rules no case rules out (or answers with a finding):', ...neverOut.map((x) => `  ${x.file} ${x.rule}`))
  if (partial.length > 0) {
    lines.push('', 'Conditions no case exercises both ways:')
    for (const l of partial) {
      const never = l.trueIn === 0 && l.falseIn === 0 ? 'never true nor false' : l.trueIn === 0 ? 'never true' : 'never false'
      lines.push(`  ${l.file} ${l.pointer} [${l.rule}] ${l.text}: ${never}`)
    }
  }
  if (r.skipped.length > 0) lines.push('', 'Cases skipped (see npm run rules:check):', ...r.skipped.map((s) => `  ${s}`))
  const exercised = leaves.length - partial.length
  lines.push('', `rules:coverage: ${r.cases} cases; ${r.rules.length - untriggered.length}/${r.rules.length} rules triggered, ` +
    `${r.rules.length - neverOut.length}/${r.rules.length} ruled out; ${exercised}/${leaves.length} leaf conditions exercised both ways`)
  return lines.join('\n') + '\n'
}

/** `rules-coverage [dir] [--cases]`: writes the report; 0 unless the rules do not load. */
export async function main (argv: string[], write: (text: string) => void): Promise<number> {
  const listCases = argv.includes('--cases')
  const dirArg = argv.find((a) => !a.startsWith('--'))
  try {
    write((await coverageReport(dirArg === undefined ? BUNDLED_RULES_DIR : resolve(dirArg), { listCases })).output)
    return 0
  } catch (err) {
    if (!(err instanceof RulesLoadError)) throw err
    write(`${err.message}\nrules:coverage: the rules do not load (npm run rules:check lists every problem)\n`)
    return 1
  }
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2), (text) => process.stdout.write(text))
