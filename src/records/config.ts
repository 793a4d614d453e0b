/**
 * The decision records' part of the environment, parsed once at boot like src/config.ts: where the
 * records live (DATABASE_URL, else the embedded store in DATA_DIR), the key for the facts and how
 * long records are kept. Without DECISIONS_KEY the service refuses to start, except in local mode
 * (ALLOW_UNAUTHENTICATED=true, as `npm start` sets, with the embedded store): there a key is
 * generated once and kept in DATA_DIR/decisions.key (mode 0600), so local records stay readable
 * across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { ConfigError } from '../errors.js'
import { newDecisionsKey, parseDecisionsKeys, type FactsCipher } from './cipher.js'

export const RecordsConfigSchema = Type.Object({
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'Directory of the embedded store (used when DATABASE_URL is empty).' }),
  DATABASE_URL: Type.String({ default: '', pattern: '^(|postgres(ql)?://.*)$', description: 'postgres://… : keep the records in this PostgreSQL server instead.' }),
  DECISIONS_KEY: Type.String({ default: '', description: 'Key(s) that encrypt the facts of the records: [id:]key, comma-separated, first one encrypts.' }),
  DECISION_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 36500, default: 1825, description: 'Records older than this are purged by the service.' }),
  ALLOW_UNAUTHENTICATED: Type.Boolean({ default: false })
})
export type RecordsConfig = Static<typeof RecordsConfigSchema>

export function parseRecordsConfig (env: NodeJS.ProcessEnv): RecordsConfig {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(RecordsConfigSchema.properties)) {
    const v = env[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const value = Value.Convert(RecordsConfigSchema, Value.Default(RecordsConfigSchema, raw))
  const errors = [...Value.Errors(RecordsConfigSchema, value)]
  if (errors.length > 0) throw new ConfigError('invalid configuration: ' + errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join('; '))
  return value as RecordsConfig
}

/** The cipher for the facts: from DECISIONS_KEY, or in local mode a key kept in DATA_DIR. */
export function factsCipher (config: RecordsConfig): FactsCipher {
  if (config.DECISIONS_KEY !== '') return parseDecisionsKeys(config.DECISIONS_KEY)
  if (!config.ALLOW_UNAUTHENTICATED || config.DATABASE_URL !== '') {
    throw new ConfigError('DECISIONS_KEY is required: the facts of every decision record are encrypted with it (generate one with: openssl rand -hex 32)')
  }
  const dir = resolve(config.DATA_DIR)
  const file = join(dir, 'decisions.key')
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, newDecisionsKey() + '\n', { mode: 0o600, flag: 'wx' })
  }
  return parseDecisionsKeys(readFileSync(file, 'utf8').trim())
}
