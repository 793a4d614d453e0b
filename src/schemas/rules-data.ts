/**
 * Schemas of the files under rules/: the clause catalog and the rule sets. They are checked at
 * start-up; a file that fails stops the service with the file and the JSON pointer of the problem.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { StringEnum } from './string-enum.js'
import { Bilingual, Condition, ConditionsFile } from './rule-condition.js'
import { TIER_TESTS } from './codes.js'
import { sanctionCode, tierTestCode, DateString } from './common.js'
import './formats.js'

export { Condition, ConditionsFile }


const Unconfirmed = Type.Array(Type.String({ minLength: 1 }), { description: 'What the sources leave unconfirmed about this entry, in words. Empty or absent: nothing.' })

/** Public sources by id: each id resolves in rules/sources.json (the loader refuses one that does not). */
const SourceIds = Type.Array(Type.String({ pattern: '^[a-z0-9-]+$' }), { minItems: 1, uniqueItems: true, description: 'Ids of public sources in rules/sources.json.' })

export const InstrumentVersion = Type.Object({
  version: Type.String({ pattern: '^[0-9]{4}$' }),
  label: Type.String({ minLength: 1, description: 'How the version is named in a citation label, e.g. 2015年修订.' }),
  issued: Type.Optional(DateString),
  inForce: Type.Object({ from: DateString, to: Type.Optional(DateString) }, { additionalProperties: false }),
  articles: Type.Optional(Type.Integer({ minimum: 1, description: 'How many articles the version has: an article number above it is out of range.' })),
  sources: SourceIds,
  unconfirmed: Type.Optional(Unconfirmed)
}, { additionalProperties: false })

export const Instrument = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: Bilingual,
  versions: Type.Array(InstrumentVersion, { minItems: 1 })
}, { additionalProperties: false })

/** One tier of an article in one version: the text's own test, and the sanctions it opens. */
export const ClauseTier = Type.Object({
  test: tierTestCode(), sanctions: Type.Array(sanctionCode(), { minItems: 1 }),
  label: Type.Optional(Type.Unsafe<Static<typeof Bilingual>>({ ...Bilingual, description: 'The test in the text\'s own special wording, where it words it specially (shown instead of the test\'s usual name).' }))
}, { additionalProperties: false })

/**
 * A value written once with the date it changed, as OpenFisca writes dated parameters: keys are the
 * in-force dates of the versions in which it (last) changed; a version takes the latest entry not
 * after its own in-force date.
 */
const Dated = <T extends TSchema>(value: T, description: string) => Type.Record(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), value, { minProperties: 1, additionalProperties: false, description })

export const CatalogClauseVersion = Type.Object({
  version: Type.String({ pattern: '^[0-9]{4}$' }),
  article: Type.Integer({ minimum: 1 }),
  paragraph: Type.Optional(Type.Integer({ minimum: 1 })),
  item: Type.Optional(Type.Integer({ minimum: 1 })),
  paragraphs: Type.Optional(Type.Integer({ minimum: 1, description: 'How many paragraphs (款) the article has in this version, where the text was counted: an article with several is cited with its paragraph.' })),
  wholeArticle: Type.Optional(Type.Literal(true, { description: 'The provision is every paragraph of a multi-paragraph article (e.g. 2015 Art 20, both paragraphs 从重), so no paragraph is cited.' })),
  summary: Bilingual,
  sources: SourceIds,
  unconfirmed: Type.Optional(Unconfirmed)
}, { additionalProperties: false })

export const CatalogClause = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9.-]+$' }),
  title: Bilingual,
  kind: Type.Union([Type.Literal('offence'), Type.Literal('general'), Type.Literal('normative-document')]),
  subject: Type.Optional(Bilingual),
  before: Type.Optional(Type.Object({
    summary: Bilingual,
    sources: SourceIds
  }, { additionalProperties: false, description: 'What stood before the first encoded version (e.g. no such article before 2016).' })),
  tiers: Type.Optional(Dated(Type.Array(ClauseTier, { minItems: 1 }), 'An offence\'s sanction tiers, by the in-force date of the version in which they (last) changed.')),
  covers: Type.Optional(Dated(Type.Array(Type.String({ minLength: 1 })), 'For a general provision that lists circumstances (mitigating, aggravating): the fact codes it lists, by the in-force date of the version in which the list (last) changed.')),
  versions: Type.Array(CatalogClauseVersion, { minItems: 1 }),
  absent: Type.Optional(Type.Array(Type.Object({
    version: Type.String({ pattern: '^[0-9]{4}$' }),
    confirmed: Type.Boolean({ description: 'true: the version has no such provision (the reference says so); false: the reference does not give it, so it is not encoded.' }),
    note: Bilingual,
    sources: SourceIds
  }, { additionalProperties: false }), { description: 'Versions of the instrument in which this provision is not encoded, and why.' }))
}, { additionalProperties: false })

/** One catalog file per instrument: the instrument with its versions, and every clause of it the rules cite. */
export const CatalogFile = Type.Object({
  $comment: Type.Optional(Type.String()),
  instrument: Instrument,
  clauses: Type.Array(CatalogClause, { minItems: 1 })
}, { additionalProperties: false })

const provenanceFields = {
  sources: SourceIds,
  inference: Type.Boolean({ description: 'True when the reading is our inference and no official test exists.' }),
  note: Type.Optional(Bilingual)
}
/** Where a legal reading comes from, as a rules file writes it: source ids. */
export const Provenance = Type.Object(provenanceFields, { additionalProperties: false })
/** As loaded: the loader adds `source`, the sources named in words, for answers that show one string. */
const LoadedProvenance = Type.Object({ ...provenanceFields, source: Type.String() }, { additionalProperties: false })

export const Indicator = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]+$' }),
  title: Bilingual,
  conditions: Condition
}, { additionalProperties: false })

/** A rule and a rule set, over the shape of their provenance (as written, or as loaded). */
function ruleOf<P extends TSchema> (provenance: P) {
  // A tier test read from facts: the article's own threshold (labelled so), or our inference (labelled so).
  const tests = Type.Record(Type.String({ pattern: `^(${TIER_TESTS.join('|')})$` }), Type.Union([
    Type.Object({ conditions: Condition, provenance }, { additionalProperties: false }),
    Type.Object({ minIndicators: Type.Integer({ minimum: 1 }), indicators: Type.Array(Indicator, { minItems: 1 }), provenance }, { additionalProperties: false })
  ]), { minProperties: 1, additionalProperties: false, description: 'Tier tests read from facts, by test id: conditions (the article\'s threshold) or indicators (our inference).' })
  const note = Type.Object({
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    when: Type.Optional(Condition),
    text: Bilingual,
    provenance: Type.Optional(provenance)
  }, { additionalProperties: false })
  return Type.Object({
    id: Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' }),
    title: Bilingual,
    clause: Type.String({ minLength: 1, description: 'Catalog id of the provision the rule applies; its version is chosen by date.' }),
    supporting: Type.Optional(Type.Array(Type.Object({
      clause: Type.String({ minLength: 1 }),
      role: Bilingual,
      // Cited only when this holds (e.g. confiscation only when the facts show improper gains); unknown:
      // not cited, and the answer notes the facts that would add it.
      when: Type.Optional(Condition)
    }, { additionalProperties: false }))),
    referral: Type.Optional(Type.Object({ clause: Type.String({ minLength: 1 }), text: Bilingual }, { additionalProperties: false })),
    conditions: Condition,
    elementsByVersion: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), Condition, {
      description: 'Extra elements that hold only in some versions (e.g. a subject widened in 2023), ANDed with conditions for that version.'
    })),
    tests: Type.Optional(tests),
    adjustments: Type.Optional(Type.Array(Type.Object({
      id: Type.String({ pattern: '^[a-z0-9-]+$' }),
      when: Type.Optional(Condition),
      versions: Type.Array(Type.String({ pattern: '^[0-9]{4}$' }), { minItems: 1 }),
      effect: StringEnum(['heavier', 'heavier-or-aggravated']),
      clause: Type.String({ minLength: 1 }),
      text: Bilingual
    }, { additionalProperties: false }), { description: 'Statutory aggravation the article itself prescribes (e.g. organised vote buying, 2018 Art 75 para 2).' })),
    yieldsTo: Type.Optional(Type.Array(Type.Object({
      rule: Type.String({ minLength: 1 }),
      clause: Type.String({ minLength: 1, description: 'The general provision that resolves the overlap.' }),
      reason: Bilingual,
      provenance
    }, { additionalProperties: false }))),
    notes: Type.Optional(Type.Array(note)),
    provenance
  }, { additionalProperties: false })
}

function ruleSetOf<R extends TSchema> (rule: R) {
  return Type.Object({
    $comment: Type.Optional(Type.String()),
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    title: Bilingual,
    description: Bilingual,
    conductType: Type.String({ minLength: 1 }),
    rules: Type.Array(rule, { minItems: 1 })
  }, { additionalProperties: false })
}

/** The schemas a rules file is checked against (and rules/schema/ is generated from). */
export const Rule = ruleOf(Provenance)
export const RuleSetFile = ruleSetOf(Rule)
const LoadedRuleSet = ruleSetOf(ruleOf(LoadedProvenance))
/** A rule and a rule set as the code reads them: as written, each provenance with its `source` in words. */
export type RuleSetFile = Static<typeof LoadedRuleSet>
export type Rule = RuleSetFile['rules'][number]

export type CatalogFile = Static<typeof CatalogFile>
export type CatalogClause = Static<typeof CatalogClause>
export type ConditionsFile = Static<typeof ConditionsFile>
export type Instrument = Static<typeof Instrument>

/** Where the loader adds the sources named in words next to their ids. */
type Named<T> = T & { source: string }
/** A clause version as the rest of the code reads it: the loader resolves each dated value for it. */
export type ClauseVersion = Named<Static<typeof CatalogClauseVersion>> & { tiers?: Array<Static<typeof ClauseTier>>, covers?: string[] }
/** A clause as the rest of the code reads it: with its instrument (its catalog file) and per-version values. */
export type Clause = Omit<CatalogClause, 'tiers' | 'covers' | 'versions' | 'before' | 'absent'> & {
  instrument: string
  versions: ClauseVersion[]
  before?: Named<NonNullable<CatalogClause['before']>>
  absent?: Array<Named<NonNullable<CatalogClause['absent']>[number]>>
}
