import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { BUNDLED_RULES_DIR } from '../../src/paths.js'

export interface CaseFixture {
  file: string
  name: string
  provisions: string[]
  request: { facts: unknown, options?: unknown }
  expect: {
    triggered: Array<{ ruleId: string, version: string, circumstance: { tier: string, source: string }, sanctionRange: { min: string, max: string }, citations: string[], notes?: string[] }>
    undetermined: Array<{ ruleId: string, missing: string[] }>
    findings: Array<{ ruleId: string, status: string, supersededBy?: string }>
    notTriggered?: string[]
    classification: { status: string, provisional: boolean, sanctionRange: unknown, recommended: string | null, referral: boolean, recommendation?: { reason: string, narrowedBy: string[] } }
    adjustments?: Array<{ step: string, to: { min: string, max: string } | null, citations: string[] }>
    appliedVersion?: Array<{ ruleId: string, version: string, citations: string[] }>
  }
}

export const CASES_DIR = join(BUNDLED_RULES_DIR, 'cases')

export function loadCases (dir = CASES_DIR): CaseFixture[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => ({
    file,
    ...JSON.parse(readFileSync(join(dir, file), 'utf8'))
  }))
}

export function referenceCase (): CaseFixture {
  return loadCases().find((c) => c.file === 'reference-dong.json') as CaseFixture
}
