/**
 * The code lists the API speaks, as data: the sanction ladder of the regulations (2015 Art 7 / 2018
 * Art 8 / 2023 Art 8), lightest first; the circumstance levels a case officer may state (the 情节
 * scale); and the tier tests of the articles (audit §2), each version's tiers naming their own.
 * Schemas and the domain both read them from here, so a schema never imports the domain.
 */
export const SANCTIONS = ['warning', 'serious-warning', 'removal-from-party-posts', 'probation', 'expulsion'] as const
export type Sanction = (typeof SANCTIONS)[number]

/** The 情节 scale a statement may give as one word (it sets the ordinal tests only). */
export const CIRCUMSTANCES = ['relatively-minor', 'base', 'relatively-serious', 'serious'] as const
export type Circumstance = (typeof CIRCUMSTANCES)[number]

/**
 * The test of an article's tier, as the text words it. `none` and `by-circumstances` hold once the
 * elements hold; every other test holds only if stated or established by the rule's data.
 */
export const TIER_TESTS = ['none', 'by-circumstances', 'relatively-minor', 'relatively-serious', 'serious', 'bad-effect', 'serious-bad-effect', 'serious-consequences', 'political-ecology-worsened', 'lost-member-qualities', 'planner-organiser-core'] as const
export type TierTest = (typeof TIER_TESTS)[number]

/** The tests a case officer states (the others need no statement). */
export const STATED_TESTS = TIER_TESTS.filter((t) => t !== 'none' && t !== 'by-circumstances') as Array<Exclude<TierTest, 'none' | 'by-circumstances'>>
export type StatedTest = Exclude<TierTest, 'none' | 'by-circumstances'>
