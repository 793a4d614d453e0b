/**
 * Part 3 of the bench: the in-process cost of the evaluator that answers (json-rules-engine, as
 * src/domain/decide runs it), then render, for the reference case and the mix, with the work per case
 * and one rule decided alone. `node bench/run.mjs --in-process` runs this part only.
 */
import { RULES_DIR, dist, median, mean, fmt, table, inProcessCosts, workOf, oneRuleCost } from './lib.mjs'

/** The modules the measurement calls, from dist/ (run `npm run build` first). */
export async function serviceModules () {
  const { loadRules } = await dist('domain/rules/load.js')
  const { evaluate } = await dist('domain/evaluate.js')
  const { decide } = await dist('domain/decide/decide.js')
  const { render } = await dist('domain/render/render.js')
  const { almanacFor, runOn, compileEngines } = await dist('domain/decide/engine.js')
  const { flattenFacts } = await dist('domain/rules/vocabulary.js')
  return { loadRules, evaluate, decide, render, almanacFor, runOn, compileEngines, flattenFacts }
}

export async function loadTimes (loadRules, dir, maxRuns = 3, maxMs = 8000, limits = undefined) {
  const times = []
  let rules
  const until = performance.now() + maxMs
  for (let i = 0; i < maxRuns && (i === 0 || performance.now() < until); i++) {
    const t = performance.now()
    rules = await loadRules(dir, limits)
    times.push(performance.now() - t)
  }
  return { rules, ms: median(times), runs: times.length }
}

export const budget = (ms) => ({ warmupPasses: 2000, warmupMs: ms / 2, maxPasses: 50000, maxMs: ms })

/** The association rule of the reference case, alone: the figure compared with other engines' Node bindings. */
const ONE_RULE = 'association.leading-cadre-unregistered'

export async function inProcess ({ out, cases, refIndex, ms }) {
  const m = await serviceModules()
  const base = await loadTimes(m.loadRules, RULES_DIR)
  const mods = { ...m, rules: base.rules }
  const ref = await inProcessCosts(mods, [cases[refIndex]], budget(ms))
  const mix = await inProcessCosts(mods, cases, budget(ms))
  const refWork = await workOf(mods, cases[refIndex].request)
  const mixWork = []
  for (const c of cases) mixWork.push(await workOf(mods, c.request))
  const avgWork = (k) => mean(mixWork.map((w) => w[k]))
  const sumWork = (k) => mixWork.reduce((n, w) => n + w[k], 0)
  const refRequest = cases[refIndex].request
  const loaded = base.rules.ruleIndex.get(ONE_RULE)
  const one = await oneRuleCost(mods, loaded, ONE_RULE, m.flattenFacts(refRequest.facts.subject, refRequest.facts.conduct[0]), budget(ms))

  out('3. In-process cost per case, µs (median over many runs after warm-up; mix: every fixture, each timed alone)')
  const rows = [
    ['json-rules-engine runs (elements; auxiliary of rules not ruled out)', ref.engines, mix.engines],
    ['decide (engine runs, verdicts, classification)', ref.decide, mix.decide],
    ['render (verdicts to the answer, one pass)', ref.render, mix.render],
    ['flattenFacts', ref.flatten, mix.flatten],
    ['evaluate = decide + render (what the service answers with)', ref.pipeline, mix.pipeline]
  ]
  out(table(['what', 'ref median', 'ref p99', 'mix median', 'mix mean', 'mix p99', 'samples ref/mix'],
    rows.map(([k, r, x]) => [k, fmt(r.median), fmt(r.p99), fmt(x.median), fmt(x.mean), fmt(x.p99), `${r.n}/${x.n}`])))
  out(`json-rules-engine share of evaluate: reference ${fmt(100 * ref.engines.median / ref.pipeline.median, 0)} % (medians); mix ${fmt(100 * mix.engines.mean / mix.pipeline.mean, 0)} % (means)`)
  out(`one rule alone (${ONE_RULE} on the reference facts, its engines per awaited call): median ${fmt(one.median)} µs, p99 ${fmt(one.p99)} µs`)
  out(`work per case (reference / mix mean): engine runs ${refWork.engineRuns} / ${fmt(avgWork('engineRuns'), 2)}; engine rules evaluated ${refWork.engineRules} / ${fmt(avgWork('engineRules'), 1)} (element rules ${refWork.elementRules} / ${fmt(avgWork('elementRules'), 1)}, the rest one combined auxiliary rule per rule not ruled out); flat facts per conduct item (read by its almanac, no Fact objects) ${refWork.facts} / ${fmt(avgWork('facts'), 1)}; condition nodes deep-cloned into RuleResults ${refWork.conditionNodes} / ${fmt(avgWork('conditionNodes'), 1)}`)
  out(`auxiliary engines not run in the mix (their rule's elements are false): ${sumWork('auxiliarySkipped')} of ${sumWork('auxiliaryRules')}`)
  out(`rules load (loadRules, in process): ${fmt(base.ms)} ms (median of ${base.runs})`)
  out()
  return { ref, mix, one, base, mods }
}
