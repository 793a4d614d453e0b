/**
 * Configuration from the environment, parsed once at boot against a TypeBox schema. A bad value
 * stops the service with the variable's name; .env.example lists every variable with its default.
 */
import { Type, type Static } from '@sinclair/typebox'
import { StringEnum } from './schemas/string-enum.js'
import { Value } from '@sinclair/typebox/value'
import { BUNDLED_RULES_DIR } from './paths.js'
import { DEFAULT_BODY_LIMIT, DEFAULT_BATCH_LIMIT, DEFAULT_BATCH_BODY_LIMIT } from './app.js'

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: StringEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  RULES_DIR: Type.String({ minLength: 1, default: BUNDLED_RULES_DIR }),
  BODY_LIMIT: Type.Integer({ minimum: 1024, maximum: 10 * 1024 * 1024, default: DEFAULT_BODY_LIMIT }),
  BATCH_LIMIT: Type.Integer({ minimum: 1, maximum: 10000, default: DEFAULT_BATCH_LIMIT }),
  BATCH_BODY_LIMIT: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: DEFAULT_BATCH_BODY_LIMIT }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120000, default: 10000 })
})
export type Config = Static<typeof ConfigSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function parseConfig (env: NodeJS.ProcessEnv): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const v = env[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const value = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw))
  const errors = [...Value.Errors(ConfigSchema, value)]
  if (errors.length > 0) {
    throw new ConfigError('invalid configuration: ' + errors.map((e) => `${e.path.slice(1)}: ${e.message}`).join('; '))
  }
  return value as Config
}
