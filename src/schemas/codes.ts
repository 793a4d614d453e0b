/**
 * The code lists the API speaks, as data: the sanction ladder of the regulations (2015 Art 7 / 2018
 * Art 8 / 2023 Art 8), lightest first, and the circumstance tiers in order of gravity. Schemas and
 * the domain both read them from here, so a schema never imports the domain.
 */
export const SANCTIONS = ['warning', 'serious-warning', 'removal-from-party-posts', 'probation', 'expulsion'] as const
export type Sanction = (typeof SANCTIONS)[number]

export const CIRCUMSTANCES = ['relatively-minor', 'base', 'relatively-serious', 'serious'] as const
export type Circumstance = (typeof CIRCUMSTANCES)[number]
