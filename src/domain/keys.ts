/**
 * API keys. A key is given as `client:scope[+scope]:secret`, where the secret is the bearer token
 * itself or `sha256:<hex>` of it; several keys are separated by commas (env) or lines (a mounted file).
 * Only SHA-256 digests are kept in memory, and a presented token is compared digest to digest in
 * constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { KeysError } from '../errors.js'

export const SCOPES = ['evaluate', 'admin', 'audit', 'review'] as const
export type Scope = (typeof SCOPES)[number]

export interface ApiKey {
  client: string
  scopes: Scope[]
  digest: Buffer
}

const digestOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()

/** Where keys come from: the text (env or file) and its name for messages. */
export interface KeySource { spec: string, source: string }

/**
 * One key entry, or a KeysError that says what is wrong with it. A secret must be something a client
 * can send as a bearer token: printable ASCII without spaces.
 */
function parseEntry (entry: string, where: string): ApiKey {
  const m = /^([A-Za-z0-9._-]{1,64}):([a-z+]+):(.+)$/.exec(entry)
  if (m === null) throw new KeysError(`${where}: expected client:scope[+scope]:secret`)
  const scopes = m[2].split('+')
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
  if (unknown.length > 0) throw new KeysError(`${where}: unknown scope '${unknown.join("', '")}' (known: ${SCOPES.join(', ')})`)
  const secret = m[3]
  if (secret.startsWith('sha256:')) {
    if (!/^sha256:[0-9a-f]{64}$/.test(secret)) throw new KeysError(`${where}: sha256: needs 64 lower-case hex digits`)
    return { client: m[1], scopes: scopes as Scope[], digest: Buffer.from(secret.slice(7), 'hex') }
  }
  if (!/^[\x21-\x7e]*$/.test(secret)) throw new KeysError(`${where}: a key must be printable ASCII without spaces (a client could not send it as a bearer token)`)
  if (secret.length < 16) throw new KeysError(`${where}: a key must be at least 16 characters`)
  return { client: m[1], scopes: scopes as Scope[], digest: digestOf(secret) }
}

/** Every key from every source; a client listed twice or one secret given to two clients is refused. */
export function parseKeys (sources: readonly KeySource[]): ApiKey[] {
  const keys: ApiKey[] = []
  for (const { spec, source } of sources) {
    spec.split(/[\n,]/).forEach((raw, i) => {
      const entry = raw.trim()
      if (entry === '' || entry.startsWith('#')) return
      const where = `${source}, entry ${i + 1}`
      const key = parseEntry(entry, where)
      if (keys.some((k) => k.client === key.client)) throw new KeysError(`${where}: client '${key.client}' is listed twice`)
      const same = keys.find((k) => k.digest.equals(key.digest))
      if (same !== undefined) throw new KeysError(`${where}: client '${key.client}' has the same key as client '${same.client}' (a key must name one client)`)
      keys.push(key)
    })
  }
  return keys
}

/** The key a bearer token belongs to. Every key is compared, so the time taken does not tell which matched. */
export function findKey (keys: readonly ApiKey[], token: string): ApiKey | undefined {
  const presented = digestOf(token)
  let found: ApiKey | undefined
  for (const key of keys) {
    if (timingSafeEqual(key.digest, presented) && found === undefined) found = key
  }
  return found
}
