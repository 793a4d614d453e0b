/**
 * `npm run key -- <client> [scope[+scope]]`: a new API key for one client. It prints the key to give the
 * client, and the two lines an operator may configure: the key itself, or (better, since the
 * configuration then holds no secret) its `sha256:` form. Every line it prints is checked by the same
 * parser the service uses at start-up, so what it prints always loads.
 */
import { createHash, randomBytes } from 'node:crypto'
import { parseKeys, SCOPES } from '../domain/keys.js'
import { KeysError } from '../errors.js'
import { isMain } from './cli.js'

export interface NewKey {
  key: string
  plain: string
  hashed: string
}

/** A random 256-bit key (base64url, 43 characters) and its configuration lines. */
export function makeKey (client: string, scopes = 'evaluate', random: (n: number) => Buffer = randomBytes): NewKey {
  const key = random(32).toString('base64url')
  const plain = `${client}:${scopes}:${key}`
  const hashed = `${client}:${scopes}:sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`
  parseKeys([{ spec: plain, source: 'the new key' }])
  parseKeys([{ spec: hashed, source: 'the new key' }])
  return { key, plain, hashed }
}

export function main (args: string[], write: (text: string) => void): number {
  const [client, scopes] = args
  if (client === undefined) {
    write(`usage: npm run key -- <client> [scope[+scope]]   (scopes: ${SCOPES.join(', ')}; default evaluate)\n`)
    return 2
  }
  try {
    const k = makeKey(client, scopes)
    write(`key for ${client} (give it to the client; it is shown once):\n  ${k.key}\n` +
      `configure one of (API_KEYS entry or a line of API_KEYS_FILE):\n  ${k.hashed}    (recommended: no secret in the configuration)\n  ${k.plain}\n`)
    return 0
  } catch (err) {
    if (!(err instanceof KeysError)) throw err
    write(`${err.message}\n`)
    return 2
  }
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text))
