/** The rules:coverage report as text: a table of rules, each rule's golden cases, and what no case exercises. */

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
  /** Cases in which the rule was ruled out (its elements false) / answered with a finding, for some conduct item. */
  ruledOutIn: string[]
  findingIn: string[]
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

function pad (s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length)
}

/** A rule's golden cases, one line per answer the cases gave it. */
function caseLines (x: RuleCoverage): string[] {
  const list = (files: string[]) => files.join(', ') || '-'
  return [
    `  triggered in: ${list(x.triggeredBy)}`,
    `  ruled out in: ${list(x.ruledOutIn)}`,
    `  a finding in: ${list(x.findingIn)}`,
    `  undetermined in: ${list(x.undeterminedIn)}`
  ]
}

export function render (r: Omit<CoverageReport, 'output'>): string {
  const lines: string[] = []
  const width = Math.max(4, ...r.rules.map((x) => x.rule.length))
  lines.push(`${pad('Rule', width)}  Triggered  Not triggered  Undetermined  Conditions exercised`)
  for (const x of r.rules) {
    const both = x.leaves.filter((l) => l.trueIn > 0 && l.falseIn > 0).length
    lines.push(`${pad(x.rule, width)}  ${pad(String(x.triggeredBy.length), 9)}  ${pad(String(x.notTriggeredBy.length), 13)}  ${pad(String(x.undeterminedIn.length), 12)}  ${both}/${x.leaves.length}`)
    lines.push(...caseLines(x))
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

