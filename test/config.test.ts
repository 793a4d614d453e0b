import t from 'tap'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { GetErrorFunction, DefaultErrorFunction } from '@sinclair/typebox/errors'
import { parseConfig, DEFAULT_CONFIG } from '../src/config.js'
import { StringEnum, errorsOf } from '../src/schemas/string-enum.js'
import { ConfigError } from '../src/errors.js'
import { BUNDLED_RULES_DIR } from '../src/paths.js'

t.test('defaults', async (t) => {
  t.same(parseConfig({}), { PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', RULES_DIR: BUNDLED_RULES_DIR, API_KEYS: '', API_KEYS_FILE: '', ALLOW_UNAUTHENTICATED: false, BODY_LIMIT: 262144, BATCH_LIMIT: 100, BATCH_BODY_LIMIT: 4194304, MAX_CONDUCT_ITEMS: 50, MAX_JSON_DEPTH: 32, MAX_STRING_LENGTH: 2000, RATE_LIMIT_MAX: 600, RATE_LIMIT_WINDOW_MS: 60000, MAX_EVENT_LOOP_DELAY_MS: 1000, RULES_MAX_FILE_BYTES: 4194304, RULES_RELOAD_TIMEOUT_MS: 10000, SHUTDOWN_TIMEOUT_MS: 10000, SHUTDOWN_DRAIN_MS: 1000, CORS_ORIGINS: '', REDIS_URL: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', DATA_DIR: './data', DATABASE_URL: '', DECISIONS_KEY: '', DECISION_RETENTION_DAYS: 1825 })
})

t.test('values from the environment, empty ones ignored', async (t) => {
  const c = parseConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn', RULES_DIR: '/rules', BODY_LIMIT: '4096', SHUTDOWN_TIMEOUT_MS: '', ALLOW_UNAUTHENTICATED: 'true', RATE_LIMIT_MAX: '5', OTHER: 'x' })
  t.match(c, { PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'warn', RULES_DIR: '/rules', BODY_LIMIT: 4096, SHUTDOWN_TIMEOUT_MS: 10000, ALLOW_UNAUTHENTICATED: true, RATE_LIMIT_MAX: 5 })
  t.notOk('OTHER' in c)
})

t.test('bad values stop the service with the variable named', async (t) => {
  t.throws(() => parseConfig({ PORT: 'eighty' }), { name: 'ConfigError', message: /PORT: expected a whole number written in decimal digits, got 'eighty'/ })
  t.ok(new ConfigError('x') instanceof Error)
  t.throws(() => parseConfig({ PORT: '70000' }), /PORT/)
  t.throws(() => parseConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL: Expected one of: fatal, error/)
  t.throws(() => parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }), /OTEL_EXPORTER_OTLP_ENDPOINT/, 'a collector is an http(s) URL')
  t.equal(parseConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring:4318' }).OTEL_EXPORTER_OTLP_ENDPOINT, 'http://otel-collector.monitoring:4318')
})

t.test('.env.example lists every variable with its default', async (t) => {
  const { readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { PACKAGE_ROOT } = await import('../src/paths.js')
  const { ConfigSchema } = await import('../src/config.js')
  const lines = readFileSync(join(PACKAGE_ROOT, '.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l))
  const listed = Object.fromEntries(lines.map((l) => l.split('=', 2) as [string, string]))
  t.same(Object.keys(listed).sort(), Object.keys(ConfigSchema.properties).sort())
  const defaults = parseConfig({})
  for (const [key, value] of Object.entries(listed)) {
    if (value === '') continue
    t.equal(String(defaults[key as keyof typeof defaults]), value, `${key} default`)
  }
})

t.test('numbers are plain decimal integers in range, never truncated', async (t) => {
  // Each of these was once read as something else: 1e6 as 1, 0x10 as 16, 3.5 as 3.
  for (const [key, value] of [['RATE_LIMIT_MAX', '1e6'], ['PORT', '0x10'], ['PORT', '3.5'], ['PORT', '-1'], ['PORT', ' 80'], ['PORT', '+80'], ['BODY_LIMIT', '1_000_000'], ['PORT', '0b11']]) {
    t.throws(() => parseConfig({ [key]: value }), { name: 'ConfigError', message: new RegExp(`^${key}: expected a whole number written in decimal digits`) }, `${key}=${value}`)
  }
  t.throws(() => parseConfig({ PORT: '65536' }), { message: /^PORT: expected a number from 0 to 65535, got 65536$/ })
  t.throws(() => parseConfig({ RATE_LIMIT_MAX: '0' }), { message: /^RATE_LIMIT_MAX: expected a number from 1 to/ })
  t.throws(() => parseConfig({ PORT: '99999999999999999999' }), /PORT: expected a whole number/, 'no digits beyond what a number holds')
  t.equal(parseConfig({ RATE_LIMIT_MAX: '1000000', PORT: '0' }).RATE_LIMIT_MAX, 1_000_000)
  t.throws(() => parseConfig({ ALLOW_UNAUTHENTICATED: 'yes please' }), /ALLOW_UNAUTHENTICATED: Expected boolean/)
})

t.test('the defaults are the schema\'s, in one place', async (t) => {
  t.same(DEFAULT_CONFIG, parseConfig({}))
  t.ok(Object.isFrozen(DEFAULT_CONFIG))
})

t.test('string enums do not replace TypeBox\'s global error function', async (t) => {
  t.equal(GetErrorFunction(), DefaultErrorFunction, 'importing the schemas leaves the global error function alone')
  const schema = StringEnum(['a', 'b'])
  const [error] = [...Value.Errors(schema, 'c')]
  t.same(errorsOf(error), [{ path: '', message: 'Expected one of: a, b' }])
  const [plain] = [...Value.Errors(Type.Integer(), 'x')]
  t.same(errorsOf(plain), [{ path: '', message: plain.message }], 'other errors keep TypeBox\'s message')
})
