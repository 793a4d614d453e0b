/** How a rule set is shown to its readers: rules with their titles and every clause they may cite. */
import type { RuleSetFile } from '../../schemas/rules-data.js'
import type { Citation } from '../../schemas/citation.js'
import type { Bilingual } from '../../schemas/common.js'
import type { LoadedRules } from '../rules/load.js'
import { cite } from '../rules/catalog.js'

function allVersions (rules: LoadedRules, clauseId: string, role?: Bilingual): Citation[] {
  const clause = rules.catalog.clauses.get(clauseId)!
  return clause.versions.map((v) => cite(rules.catalog, clauseId, v.version, role)!)
}

export function describeRuleSet (rules: LoadedRules, set: RuleSetFile) {
  return {
    id: set.id,
    rulesRevision: rules.revision,
    title: set.title,
    description: set.description,
    conductType: set.conductType,
    rules: set.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      clause: rule.clause,
      inferredCircumstance: Object.values(rule.tests ?? {}).some((t) => 'indicators' in t),
      provenance: rule.provenance,
      citations: [
        ...allVersions(rules, rule.clause),
        ...(rule.supporting ?? []).flatMap((s) => allVersions(rules, s.clause, s.role)),
        ...(rule.referral === undefined ? [] : allVersions(rules, rule.referral.clause))
      ],
      conditions: rule.conditions
    }))
  }
}
