/**
 * The requests behind openapi.yaml's examples: golden cases chosen by name (each for the kind of
 * answer it shows, which collecting the examples checks), and mistakes made from the reference case.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLED_RULES_DIR } from '../src/paths.js'

interface Case { name: string, request: { facts: Record<string, unknown>, options?: Record<string, unknown> } }

export function readCase (file: string): Case {
  return JSON.parse(readFileSync(join(BUNDLED_RULES_DIR, 'cases', `${file}.json`), 'utf8')) as Case
}

/** Which answer each chosen case stands for: the collector checks the answer is of that kind. */
export type Shows = 'triggered' | 'undetermined' | 'finding'

/** The evaluation examples: a triggered rule (the reference case), an undetermined one, a finding. */
export function exampleRequests (): Array<{ name: string, summary: string, description: string, shows: Shows, request: Case['request'] }> {
  return ([
    ['reference-case', 'reference-dong', 'triggered', 'Triggered: 董某 and the 400-member WeChat group (the reference case)'],
    ['undetermined', 'election-conduct-missing', 'undetermined', 'Undetermined: what was done in an intra-party election is not stated'],
    ['finding', 'secrets-keeping-below-threshold', 'finding', 'A finding: below the lowest tier, no sanction proposed']
  ] as const).map(([name, file, shows, summary]) => {
    const c = readCase(file)
    return { name, summary, description: `Golden case rules/cases/${file}.json: ${c.name}`, shows, request: c.request }
  })
}

const reference = () => readCase('reference-dong').request
const conduct = () => reference().facts.conduct as Array<Record<string, unknown>>

/** Requests the service refuses, each for one reason. */
export const mistakes = {
  /** No conduct item: fails the schema at /facts/conduct. */
  emptyConduct: { facts: { ...reference().facts, conduct: [] } },
  /** The decision date precedes the end of the conduct: contradictory facts (422). */
  conductAfterDecision: { ...reference(), options: { decisionDate: '2017-06-30' }, facts: { ...reference().facts, conduct: conduct() } }
}
