import t from 'tap'
import { makeKey, main } from '../../src/tools/make-key.js'
import { parseKeys, findKey } from '../../src/domain/keys.js'

t.test('a new key loads in both forms and authenticates its client', async (t) => {
  const k = makeKey('case-system', 'evaluate+admin')
  t.match(k.key, /^[A-Za-z0-9_-]{43}$/, '256 random bits, base64url')
  for (const line of [k.plain, k.hashed]) {
    const [key] = parseKeys([{ spec: line, source: 'test' }])
    t.same(key.scopes, ['evaluate', 'admin'])
    t.equal(findKey([key], k.key)?.client, 'case-system', 'the key authenticates the client')
    t.equal(findKey([key], k.key + 'x'), undefined, 'another token does not')
  }
  t.notOk(k.hashed.includes(k.key), 'the hashed line holds no secret')
})

t.test('keys differ each time; the random source is used', async (t) => {
  t.not(makeKey('a').key, makeKey('a').key)
  t.equal(makeKey('a', 'evaluate', (n) => Buffer.alloc(n, 1)).key, Buffer.alloc(32, 1).toString('base64url'))
})

t.test('the command line', async (t) => {
  let out = ''
  t.equal(main([], (s) => { out += s }), 2, 'usage without a client')
  t.match(out, /usage: npm run key/)
  out = ''
  t.equal(main(['ops', 'admin'], (s) => { out += s }), 0)
  t.match(out, /ops:admin:sha256:[0-9a-f]{64}/)
  out = ''
  t.equal(main(['ops', 'root'], (s) => { out += s }), 2, 'an unknown scope is refused with the parser\'s message')
  t.match(out, /unknown scope 'root'/)
  out = ''
  t.equal(main(['bad client'], (s) => { out += s }), 2, 'a client name the parser refuses')
  t.match(out, /expected client:scope/)
  t.throws(() => main(['x'], () => { throw new TypeError('boom') }), TypeError, 'an unexpected failure is not dressed up as a key problem')
})

t.test('started as a script, it prints a key that loads', async (t) => {
  const { spawnSync } = await import('node:child_process')
  const { join } = await import('node:path')
  const { PACKAGE_ROOT } = await import('../../src/paths.js')
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/make-key.ts'), 'case-system'], { encoding: 'utf8' })
  t.equal(run.status, 0)
  const hashed = /case-system:evaluate:sha256:[0-9a-f]{64}/.exec(run.stdout)?.[0] as string
  t.equal(parseKeys([{ spec: hashed, source: 'test' }])[0].client, 'case-system')
})
