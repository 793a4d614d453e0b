import t from 'tap'
import { parseConfig } from '../src/config.js'
import { ConfigError } from '../src/errors.js'
import { BUNDLED_RULES_DIR } from '../src/paths.js'

t.test('defaults', async (t) => {
  t.same(parseConfig({}), { PORT: 3000, HOST: '127.0.0.1', LOG_LEVEL: 'info', RULES_DIR: BUNDLED_RULES_DIR, RULES_EVALUATOR: 'compiled', API_KEYS: '', API_KEYS_FILE: '', ALLOW_UNAUTHENTICATED: false, BODY_LIMIT: 262144, BATCH_LIMIT: 100, BATCH_BODY_LIMIT: 4194304, MAX_CONDUCT_ITEMS: 50, MAX_JSON_DEPTH: 32, MAX_STRING_LENGTH: 2000, RATE_LIMIT_MAX: 600, RATE_LIMIT_WINDOW_MS: 60000, MAX_EVENT_LOOP_DELAY_MS: 1000, SHUTDOWN_TIMEOUT_MS: 10000 })
})

t.test('values from the environment, empty ones ignored', async (t) => {
  const c = parseConfig({ PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn', RULES_DIR: '/rules', BODY_LIMIT: '4096', SHUTDOWN_TIMEOUT_MS: '', ALLOW_UNAUTHENTICATED: 'true', RATE_LIMIT_MAX: '5', OTHER: 'x' })
  t.match(c, { PORT: 8080, HOST: '0.0.0.0', LOG_LEVEL: 'warn', RULES_DIR: '/rules', BODY_LIMIT: 4096, SHUTDOWN_TIMEOUT_MS: 10000, ALLOW_UNAUTHENTICATED: true, RATE_LIMIT_MAX: 5 })
  t.notOk('OTHER' in c)
})

t.test('bad values stop the service with the variable named', async (t) => {
  t.throws(() => parseConfig({ PORT: 'eighty' }), { name: 'ConfigError', message: /PORT: Expected integer/ })
  t.ok(new ConfigError('x') instanceof Error)
  t.throws(() => parseConfig({ PORT: '70000' }), /PORT/)
  t.throws(() => parseConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL: Expected one of: fatal, error/)
})

t.test('.env.example lists every variable with its default', async (t) => {
  const { readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { PACKAGE_ROOT } = await import('../src/paths.js')
  const { ConfigSchema } = await import('../src/config.js')
  const { RecordsConfigSchema, parseRecordsConfig } = await import('../src/records/config.js')
  const lines = readFileSync(join(PACKAGE_ROOT, '.env.example'), 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l))
  const listed = Object.fromEntries(lines.map((l) => l.split('=', 2) as [string, string]))
  t.same(Object.keys(listed).sort(), [...new Set([...Object.keys(ConfigSchema.properties), ...Object.keys(RecordsConfigSchema.properties)])].sort())
  const defaults = { ...parseRecordsConfig({}), ...parseConfig({}) }
  for (const [key, value] of Object.entries(listed)) {
    if (value === '') continue
    t.equal(String(defaults[key as keyof typeof defaults]), value, `${key} default`)
  }
})
