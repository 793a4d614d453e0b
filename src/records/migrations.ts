/**
 * The versioned schema of the decision records, for both backends. A migration is never edited once
 * shipped; a change is a new entry. migrate() applies the pending ones in order, in one transaction
 * under an advisory lock, so replicas starting together apply each exactly once.
 */
import type { Db } from './db.js'

export interface Migration { version: number, name: string, sql: string }

export const MIGRATIONS: Migration[] = [{
  version: 1,
  name: 'decision records, rules revisions, reviews',
  sql: `
create table rules_revisions (
  revision text primary key,
  stored_at timestamptz not null default now()
);
create table rules_files (
  revision text not null references rules_revisions on delete cascade,
  file text not null,
  raw bytea not null,
  primary key (revision, file)
);
create table decisions (
  decision_id uuid primary key,
  evaluated_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  client text not null,
  request_id text not null,
  service_version text not null,
  rules_revision text not null references rules_revisions,
  lang text not null,
  options text not null,
  facts bytea not null,
  key_id text not null,
  answer_digest text not null,
  summary text not null,
  answer text,
  rule_ids text[] not null,
  recommended text,
  status text not null,
  idempotency_key text,
  body_digest text
);
create index decisions_by_time on decisions (evaluated_at, decision_id);
create index decisions_by_rule on decisions using gin (rule_ids);
create unique index decisions_idempotency on decisions (client, idempotency_key) where idempotency_key is not null;
create table reviews (
  review_id uuid primary key,
  decision_id uuid not null references decisions on delete cascade,
  replaces uuid references reviews on delete cascade,
  recorded_at timestamptz not null default now(),
  client text not null,
  sanction text,
  articles json not null,
  reviewer text not null,
  reason text not null,
  decided_on date not null
);
create index reviews_by_decision on reviews (decision_id);
create unique index reviews_replaced_once on reviews (replaces) where replaces is not null;
`
}]

/** Applies every pending migration; returns the versions applied now. */
export async function migrate (db: Db, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return await db.transaction(async (tx) => {
    // The same lock number on every replica: the second to start waits, then finds nothing to do.
    await tx.query('select pg_advisory_xact_lock(4715002)')
    await tx.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())')
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version))
    const applied: number[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await tx.exec(m.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    return applied
  })
}
