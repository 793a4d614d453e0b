/**
 * `npm run rules:impact -- <candidate rules dir> [--from <date-time>] [--to <date-time>] [--json] [--no-records]`:
 * what a change to the rules would do before it ships. Every recorded decision in the window (default
 * all) is replayed on its own revision and on the candidate, and every golden case of the rules in use
 * (RULES_DIR, default the bundled rules) on both; per rule, how many answers gain or lose it, change
 * tier, range or recommendation, and how many reviewed decisions agree before and on the candidate.
 * The store is the service's (DATABASE_URL, else the embedded store in DATA_DIR, which only one process
 * opens at a time: stop the service or use a copy); DECISIONS_KEY decrypts the facts.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { isMain } from './cli.js'
import { parseConfig } from '../config.js'
import { openRecords } from '../records/open.js'
import { measureImpact } from '../records/impact-run.js'
import { impactTable } from '../records/impact.js'
import { RulesLoadError } from '../errors.js'
import { loadRules } from '../domain/rules/load.js'
import { readCases } from './cases.js'

const USAGE = 'usage: npm run rules:impact -- <candidate rules dir> [--from <date-time>] [--to <date-time>] [--json] [--no-records]\n'

export async function main (argv: string[], env: NodeJS.ProcessEnv, write: (text: string) => void): Promise<number> {
  let args
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, 'no-records': { type: 'boolean' } } })
  } catch (err) {
    write(`${(err as Error).message}\n${USAGE}`)
    return 2
  }
  const [candidate] = args.positionals
  if (candidate === undefined || args.positionals.length > 1) {
    write(USAGE)
    return 2
  }
  try {
    const config = parseConfig(env)
    // The rules in use must load themselves: golden cases replayed on rules that do not load would count nothing.
    const current = { files: (await loadRules(config.RULES_DIR).catch((err: Error) => { throw new Error(`the rules in use (${config.RULES_DIR}) do not load: ${err.message}`) })).files, cases: (await readCases(config.RULES_DIR)).cases }
    const repository = args.values['no-records'] === true ? undefined : await openRecords(config)
    const window = { ...(args.values.from !== undefined ? { from: args.values.from } : {}), ...(args.values.to !== undefined ? { to: args.values.to } : {}) }
    const report = await measureImpact({ current, candidateDir: resolve(candidate), repository, window })
      .finally(async () => { await repository?.db.close() })
    write(args.values.json === true ? JSON.stringify(report, null, 2) + '\n' : impactTable(report))
    return 0
  } catch (err) {
    write(err instanceof RulesLoadError
      ? `the candidate is refused:\n${err.problems.map((p) => `  ${p.file}${p.pointer}: ${p.message}`).join('\n')}\n`
      : `rules:impact failed: ${(err as Error).message}\n`)
    return 1
  }
}

if (isMain(import.meta.url)) process.exitCode = await main(process.argv.slice(2), process.env, (text) => process.stdout.write(text))
