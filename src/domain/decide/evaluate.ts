/**
 * The evaluation pipeline: check what the schema cannot (dates in order, rule ids that exist), run
 * every rule set that looks at each conduct item, resolve overlaps between rules, and classify.
 * Plain functions; the HTTP layer only adds validation of shape and the problem responses.
 */
import { EvaluationResponse as EvaluationResponseSchema, type EvaluationRequest, type EvaluationResponse } from '../../schemas/evaluation.js'
import type { LoadedRules } from '../rules/load.js'
import { citeAt, defined } from '../rules/catalog.js'
import { runEngine } from './engine.js'
import { flattenFacts } from '../rules/vocabulary.js'
import { evaluateRule } from './evaluate-rule.js'
import { classify } from './classify.js'
import type { Triggered, Undetermined, Finding, NotTriggered, RuleEvaluation } from './findings.js'
import { CONDUCT_DETAILS } from '../../schemas/facts.js'
import type { Lang } from '../../schemas/common.js'
import { compileLocaliser, type LocaliseState } from '../render/language.js'
import { SCHEMAS_BY_ID } from '../../schemas/registry.js'
import { SERVICE_VERSION } from '../../version.js'
import { FactsError, type FactProblem } from '../../errors.js'

export interface EvaluateContext {
  now: Date
  decisionId: string
  /** The language negotiated from Accept-Language, if any; options.lang wins over it. */
  lang?: Lang
}

/** Localises a response and collects the instruments and versions its citations name, in one walk. */
const localiseResponse = compileLocaliser(EvaluationResponseSchema, SCHEMAS_BY_ID) as (value: EvaluationResponse, state: LocaliseState) => EvaluationResponse

/** The fields of a conduct item that hold the details of one conduct type. */
const DETAIL_FIELDS = Object.values(CONDUCT_DETAILS)

function check (rules: LoadedRules, req: EvaluationRequest, decisionDate: string): void {
  const problems: FactProblem[] = []
  req.facts.conduct.forEach((item, i) => {
    const at = `/facts/conduct/${i}`
    const { start, end } = item.period
    const detail = CONDUCT_DETAILS[item.type]
    if (start !== undefined && end !== undefined && end < start) problems.push({ pointer: `${at}/period/end`, message: 'ends before it starts' })
    for (const other of DETAIL_FIELDS) {
      if (other !== detail && item[other] !== undefined) problems.push({ pointer: `${at}/${other}`, message: `does not belong to conduct of type '${item.type}' (expected '${detail}')` })
    }
    if (end !== undefined && end > decisionDate) problems.push({ pointer: `${at}/period/end`, message: 'ends after the decision date (options.decisionDate, default today)' })
    else if (start !== undefined && start > decisionDate) problems.push({ pointer: `${at}/period/start`, message: 'starts after the decision date (options.decisionDate, default today)' })
    if (item[detail] === undefined) problems.push({ pointer: `${at}/${detail}`, message: `required for conduct of type '${item.type}'` })
    for (const ruleId of Object.keys(item.statedCircumstances ?? {})) {
      const set = rules.ruleIndex.get(ruleId)
      if (set === undefined || set.set.conductType !== item.type) {
        problems.push({ pointer: `${at}/statedCircumstances/${ruleId}`, message: `no rule '${ruleId}' applies to conduct of type '${item.type}' (GET /v1/rulesets lists the rules)` })
      }
    }
  })
  if (problems.length > 0) throw new FactsError(problems)
}

export async function evaluate (rules: LoadedRules, req: EvaluationRequest, ctx: EvaluateContext): Promise<EvaluationResponse> {
  const decisionDate = req.options?.decisionDate ?? ctx.now.toISOString().slice(0, 10)
  check(rules, req, decisionDate)
  const explain = req.options?.explain ?? 'summary'

  const triggered: Triggered[] = []
  const undetermined: Undetermined[] = []
  const findings: Finding[] = []
  const notTriggered: NotTriggered[] = []

  for (const [conductIndex, conduct] of req.facts.conduct.entries()) {
    const facts = flattenFacts(req.facts.subject, conduct)
    const results: RuleEvaluation[] = []
    for (const loaded of rules.byConductType.get(conduct.type)!) {
      const outcomes = rules.evaluator === 'json-rules-engine' ? await runEngine(loaded.engine, facts) : loaded.compiled(facts)
      for (const rule of loaded.set.rules) {
        results.push(evaluateRule(rule, { catalog: rules.catalog, ruleSet: loaded.set.id, conductIndex, conduct, facts, outcomes, decisionDate, explain }))
      }
    }
    const firing = new Set(results.flatMap((r) => r.kind === 'triggered' ? [r.value.ruleId] : []))
    for (const r of results) {
      if (r.kind === 'triggered') {
        const over = r.yieldsTo.find((y) => firing.has(y.rule))
        if (over === undefined) {
          triggered.push(r.value)
          continue
        }
        findings.push({
          ruleId: r.value.ruleId,
          ruleSet: r.value.ruleSet,
          conductIndex,
          ...(conduct.id !== undefined ? { conductId: conduct.id } : {}),
          title: r.value.title,
          status: 'superseded',
          supersededBy: over.rule,
          circumstance: r.value.circumstance,
          explanation: over.reason,
          citations: [r.value.citations[0], citeAt(rules.catalog, over.clause, decisionDate)].filter(defined)
        })
      } else if (r.kind === 'undetermined') undetermined.push(r.value)
      else if (r.kind === 'finding') findings.push(r.value)
      else if (r.value !== undefined) notTriggered.push(r.value)
    }
  }

  const lang = req.options?.lang ?? ctx.lang ?? 'zh'
  const classification = classify(req, triggered, undetermined, rules.catalog, decisionDate)
  if (explain === 'none') {
    for (const t of triggered) {
      delete t.notes
    }
  }
  const state: LocaliseState = { lang, cited: new Map() }
  const response = localiseResponse({
    decisionId: ctx.decisionId,
    rulesRevision: rules.revision,
    evaluatedAt: ctx.now.toISOString(),
    decisionDate,
    lang,
    triggered,
    undetermined,
    findings,
    ...(explain === 'full' ? { notTriggered } : {}),
    classification,
    provenance: {
      serviceVersion: SERVICE_VERSION,
      rulesRevision: rules.revision,
      decisionId: ctx.decisionId,
      evaluatedAt: ctx.now.toISOString(),
      instruments: []
    },
    disclaimer: DISCLAIMER
  }, state)
  response.provenance.instruments = [...state.cited.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([instrument, versions]) => ({ instrument, versions: [...versions].sort() }))
  return response
}

const DISCLAIMER = {
  zh: '本结果是辅助决策的建议，依据已编码的规则和推断，不是处分决定；由审理人员作出决定。',
  en: 'This is decision support based on encoded rules and stated inferences, not a disciplinary decision; a reviewer decides.'
}
