/**
 * Configuration from the environment, parsed once at boot against a TypeBox schema: the one place
 * where every setting and limit is declared with its default. buildApp takes the parsed result (the
 * defaults when a test passes nothing). A bad value stops the service with the variable's name;
 * .env.example lists every variable with its default.
 */
import { Type, type Static, type TInteger } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { StringEnum, errorsOf } from './schemas/string-enum.js'
import { BUNDLED_RULES_DIR } from './paths.js'
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
  BODY_LIMIT: int(1024, 10 * 1024 * 1024, 256 * 1024, 'Largest request body in bytes.'),
  BATCH_LIMIT: int(1, 10000, 100, 'Most cases in one batch.'),
  BATCH_BODY_LIMIT: int(1024, 64 * 1024 * 1024, 4 * 1024 * 1024, 'Largest batch body in bytes.'),
  MAX_CONDUCT_ITEMS: int(1, 1000, 50, 'Most conduct items in one case.'),
  MAX_JSON_DEPTH: int(4, 1000, 32, 'Deepest nesting of a JSON body.'),
  MAX_STRING_LENGTH: int(16, 1_000_000, 2000, 'Longest string (or property name) in a JSON body.'),
  RATE_LIMIT_MAX: int(1, 1_000_000, 600, 'Evaluations per client per window (a batch of N counts N), and refused (401) requests per address per window.'),
  RATE_LIMIT_WINDOW_MS: int(1000, 86_400_000, 60_000, 'The rate-limit window in milliseconds.'),
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000, 1000, 'Event-loop delay above which requests get 503 (0: off).'),
  RULES_MAX_FILE_BYTES: int(1024, 256 * 1024 * 1024, 4 * 1024 * 1024, 'Largest rules file in bytes: a bigger one (or anything but a regular file) refuses the load, naming it, before it is read.'),
  RULES_RELOAD_TIMEOUT_MS: int(100, 600_000, 10_000, 'Bound on loading the rules (start-up, SIGHUP, POST /admin/reload): a load still running then is abandoned and refused.'),
  SHUTDOWN_TIMEOUT_MS: int(100, 120000, 10000, 'Bound on a graceful shutdown.'),
  CORS_ORIGINS: Type.String({ default: '', description: 'Browser origins allowed to call the API, comma-separated (e.g. https://cases.example.org); empty: CORS off.' }),
  REDIS_URL: Type.String({ default: '', description: 'redis://host:port: one rate-limit budget shared by every replica; empty: a budget per replica.' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.String({ default: '', pattern: '^(https?://[^\\s]+)?$', description: 'An OpenTelemetry collector (http://host:4318): traces of every request go to <endpoint>/v1/traces over OTLP http/json; empty: no tracing at all.' }),
  SHUTDOWN_DRAIN_MS: int(0, 60_000, 1000, 'On SIGTERM, how long open connections are answered 503 with Connection: close before idle ones are closed (less if all close sooner).'),
  DATA_DIR: Type.String({ minLength: 1, default: './data', description: 'Directory of the embedded decision store (used when DATABASE_URL is empty).' }),
  DATABASE_URL: Type.String({ default: '', pattern: '^(|postgres(ql)?://.*)$', description: 'postgres://… : keep the decision records in this PostgreSQL server instead.' }),
  DECISIONS_KEY: Type.String({ default: '', description: 'Key(s) that encrypt the facts of the records: [id:]key, comma-separated, first one encrypts.' }),
  DECISION_RETENTION_DAYS: int(1, 36500, 1825, 'Decision records older than this are purged by the service.')
})
export type Config = Static<typeof ConfigSchema>

/** Every setting at its default: what buildApp uses for whatever a caller (a test) leaves out. */
export const DEFAULT_CONFIG: Readonly<Config> = Object.freeze(Value.Default(ConfigSchema, {}) as Config)

/**
 * A number setting is written as plain decimal digits: Number() and TypeBox's conversion would take
 * 1e6, 0x10 or 3.5 and truncate them to something the operator never wrote.
 */
function integerFrom (key: string, text: string, schema: TInteger): number {
  if (!/^[0-9]{1,16}$/.test(text)) throw new ConfigError(`${key}: expected a whole number written in decimal digits, got '${text}'`)
  const n = Number(text)
  const { minimum, maximum } = schema as { minimum: number, maximum: number }
  if (n < minimum || n > maximum) throw new ConfigError(`${key}: expected a number from ${minimum} to ${maximum}, got ${n}`)
  return n
}

export function parseConfig (env: NodeJS.ProcessEnv): Config {
  const raw: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const v = env[key]
    if (v === undefined || v === '') continue
    raw[key] = schema.type === 'integer' ? integerFrom(key, v, schema as TInteger) : v
  }
  const value = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw))
  const errors = [...Value.Errors(ConfigSchema, value)]
  if (errors.length > 0) {
    throw new ConfigError('invalid configuration: ' + errors.flatMap(errorsOf).map((e) => `${e.path.slice(1)}: ${e.message}`).join('; '))
  }
  return value as Config
}
