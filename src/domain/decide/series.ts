/**
 * A repeated series sent as separate conduct items. Where one rule triggers on several items of a case,
 * the items are read as one
 * continuing or repeated violation: the version is chosen once, at the latest end among them, exactly
 * as for one item running from the earliest start to that end (./rule.ts), and 从旧兼从轻 compares the
 * series' outcome in each version (the gravest item's), so every item answers on the same version.
 *
 * This is a reading, not the regulations' words: a provincial review guidance (issuer unconfirmed)
 * and a CCDI practice article (REQUIRED_SOURCES in src/domain/rules/required-clauses.ts) read a continuing or repeated series as one violation,
 * judged at its last act. Who joins, and why (docs/legal/model-design.md, "Series"):
 * - the unit is the rule: the same rule is the same article and one conduct type, and the case has one subject;
 * - only an item on which the rule triggers on its own joins: one undetermined, below the article's
 *   threshold or not pursued under its own version does not join and does not move the others' version.
 */
import type { Rule } from '../../schemas/rules-data.js'
import type { ConductItem } from '../../schemas/facts.js'
import type { ExplainLevel } from '../../schemas/evaluation.js'
import type { LoadedRules } from '../rules/load.js'
import type { Outcome } from './engine.js'
import { laterApplies, type VersionTier } from './circumstance.js'
import { compareRanges, rangeOf } from './ladder.js'
import { prepareRule, isChosen, type Chosen } from './rule.js'
import { pointer, type RuleContext } from './rule-context.js'
import { compared, sanctioned, type VersionChoice } from './sanctioned.js'
import type { RuleVerdict, SeriesRef } from './verdicts.js'

/** One conduct item as decided on its own: its facts' outcomes and its rules' verdicts. */
export interface ItemRun {
  conductIndex: number
  conduct: ConductItem
  outcomes: ReadonlyMap<string, Outcome>
  results: RuleVerdict[]
}

/**
 * Only an item on which the rule triggers on its own joins (before overlaps are resolved, so one whose
 * rule yields to another on the same item joins too). Undetermined (elements, end, tier), below the
 * threshold, or not pursued under the version in force when it was done: not a member.
 */
const joins = (r: RuleVerdict): boolean => r.status === 'triggered'

/** Each rule with several members is decided again on each of them, as one series. */
export function readSeries (runs: ItemRun[], rules: LoadedRules, decisionDate: string, explain: ExplainLevel): void {
  const byRule = new Map<string, Array<{ run: ItemRun, at: number }>>()
  for (const run of runs) {
    run.results.forEach((r, at) => {
      if (!joins(r)) return
      const members = byRule.get(r.ref.ruleId)
      if (members === undefined) byRule.set(r.ref.ruleId, [{ run, at }])
      else members.push({ run, at })
    })
  }
  for (const [ruleId, members] of byRule) {
    if (members.length < 2) continue
    const loaded = rules.ruleIndex.get(ruleId)!
    const series = seriesOf(members.map((m) => m.run))
    const ctxs: RuleContext[] = members.map((m) => ({ catalog: rules.catalog, ruleSet: loaded.set.id, conductIndex: m.run.conductIndex, conduct: m.run.conduct, outcomes: m.run.outcomes, decisionDate, explain, series }))
    const rule = loaded.rules.get(ruleId)!
    const prepared = ctxs.map((ctx) => prepareRule(rule, ctx))
    const choice = choiceOf(prepared.flatMap((p, i) => isChosen(p) ? [{ c: p, ctx: ctxs[i] }] : []))
    members.forEach((m, i) => { m.run.results[m.at] = decided(rule, ctxs[i], prepared[i], choice) })
  }
}

const decided = (rule: Rule, ctx: RuleContext, p: RuleVerdict | Chosen, choice: VersionChoice | undefined): RuleVerdict =>
  isChosen(p) ? sanctioned(rule, ctx, p, choice) : p

/** The members, the earliest start (where each states one) and the latest end (each member has one). */
function seriesOf (runs: ItemRun[]): SeriesRef {
  const ends = runs.map((r) => r.conduct.period.end!).sort()
  const starts = runs.map((r) => r.conduct.period.start)
  const series: SeriesRef = { members: runs.map((r) => r.conductIndex), end: ends[ends.length - 1] }
  if (starts.every((s) => s !== undefined)) series.start = (starts as string[]).sort()[0]
  return series
}

/** The outcome of the series in one version: an undetermined item's, else the gravest item's, else below (none sanctioned). */
function gravest (ts: VersionTier[]): VersionTier {
  const open = ts.find((t) => t.kind === 'undetermined')
  if (open !== undefined) return open
  let out = ts[0]
  for (const t of ts) {
    if (t.kind === 'established' && (out.kind !== 'established' || compareRanges(rangeOf(t.tier.sanctions), rangeOf(out.tier.sanctions)) > 0)) out = t
  }
  return out
}

/**
 * 从旧兼从轻 once for the series, where two versions are compared: the later version applies when it
 * does not sanction the series or sanctions it more lightly (the series' outcome is its gravest item's);
 * provisional when any item's own choice is, with what would settle each.
 */
function choiceOf (chosen: Array<{ c: Chosen, ctx: RuleContext }>): VersionChoice | undefined {
  if (chosen.length === 0 || chosen[0].c.newT === undefined) return undefined
  const own = chosen.map((x) => compared(x.c))
  return {
    later: laterApplies(gravest(chosen.map((x) => x.c.oldT)), gravest(chosen.map((x) => x.c.newT!))),
    provisional: own.some((o) => o.provisional),
    settle: [...new Set(own.flatMap((o, i) => o.settle.map((n) => pointer(n, chosen[i].ctx.conductIndex))))]
  }
}
