/** The catalog as the API shows it: each provision with its versions' in-force dates, labels and glosses. */
import type { Clause } from '../../schemas/rules-data.js'
import type { Catalog } from './catalog.js'
import { cite } from './catalog.js'

export function clauseView (catalog: Catalog, clause: Clause) {
  const instrument = catalog.instruments.get(clause.instrument)!
  return {
    id: clause.id,
    instrument: instrument.id,
    instrumentTitle: instrument.title,
    title: clause.title,
    kind: clause.kind,
    ...(clause.subject !== undefined ? { subject: clause.subject } : {}),
    ...(clause.before !== undefined ? { before: clause.before } : {}),
    versions: clause.versions.map((v) => {
      const citation = cite(catalog, clause.id, v.version)!
      return {
        version: v.version,
        inForce: instrument.versions.find((iv) => iv.version === v.version)!.inForce,
        article: v.article,
        ...(v.paragraph !== undefined ? { paragraph: v.paragraph } : {}),
        ...(v.item !== undefined ? { item: v.item } : {}),
        label: citation.label,
        gloss: citation.gloss,
        summary: v.summary,
        ...(v.tiers !== undefined ? { tiers: v.tiers } : {}),
        ...(v.covers !== undefined ? { covers: v.covers } : {}),
        source: v.source,
        unconfirmed: citation.unconfirmed
      }
    }),
    absent: clause.absent ?? [],
    href: `/v1/clauses/${clause.id}`
  }
}
