/**
 * Configuration from the environment, parsed once at boot against a TypeBox schema. A bad value
 * stops the service with the variable's name; .env.example lists every variable with its default.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { StringEnum } from './schemas/string-enum.js'
import { BUNDLED_RULES_DIR } from './paths.js'
import { DEFAULTS } from './app.js'
import { ConfigError } from './errors.js'

const int = (minimum: number, maximum: number, def: number, description: string) => Type.Integer({ minimum, maximum, default: def, description })

export const ConfigSchema = Type.Object({
  PORT: int(0, 65535, 3000, 'Port to listen on.'),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Address to bind (the image sets 0.0.0.0).' }),
  LOG_LEVEL: StringEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  RULES_DIR: Type.String({ minLength: 1, default: BUNDLED_RULES_DIR }),
  API_KEYS: Type.String({ default: '', description: 'client:scope[+scope]:secret, comma-separated; the secret is the key or sha256:<hex>.' }),
  API_KEYS_FILE: Type.String({ default: '', description: 'A file with one key per line, same format (e.g. a mounted Secret).' }),
  ALLOW_UNAUTHENTICATED: Type.Boolean({ default: false, description: 'Run open when no keys are configured (local use only; logged at start-up).' }),
  BODY_LIMIT: int(1024, 10 * 1024 * 1024, DEFAULTS.bodyLimit, 'Largest request body in bytes.'),
  BATCH_LIMIT: int(1, 10000, DEFAULTS.batchLimit, 'Most cases in one batch.'),
  BATCH_BODY_LIMIT: int(1024, 64 * 1024 * 1024, DEFAULTS.batchBodyLimit, 'Largest batch body in bytes.'),
  MAX_CONDUCT_ITEMS: int(1, 1000, DEFAULTS.maxConductItems, 'Most conduct items in one case.'),
  MAX_JSON_DEPTH: int(4, 1000, DEFAULTS.maxJsonDepth, 'Deepest nesting of a JSON body.'),
  MAX_STRING_LENGTH: int(16, 1_000_000, DEFAULTS.maxStringLength, 'Longest string (or property name) in a JSON body.'),
  RATE_LIMIT_MAX: int(1, 1_000_000, DEFAULTS.rateLimitMax, 'Requests per client per window on the evaluation and admin routes.'),
  RATE_LIMIT_WINDOW_MS: int(1000, 86_400_000, DEFAULTS.rateLimitWindowMs, 'The rate-limit window in milliseconds.'),
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000, DEFAULTS.maxEventLoopDelayMs, 'Event-loop delay above which requests get 503 (0: off).'),
  SHUTDOWN_TIMEOUT_MS: int(100, 120000, 10000, 'Bound on a graceful shutdown.')
})
export type Config = Static<typeof ConfigSchema>

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
