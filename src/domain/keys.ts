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

export function parseKeys (spec: string, source: string): ApiKey[] {
  const keys: ApiKey[] = []
  spec.split(/[\n,]/).map((s) => s.trim()).forEach((entry, i) => {
    if (entry === '' || entry.startsWith('#')) return
    const m = /^([A-Za-z0-9._-]{1,64}):([a-z+]+):(.+)$/.exec(entry)
    const where = `${source}, entry ${i + 1}`
    if (m === null) throw new KeysError(`${where}: expected client:scope[+scope]:secret`)
    const scopes = m[2].split('+')
    const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s))
    if (unknown.length > 0) throw new KeysError(`${where}: unknown scope '${unknown.join("', '")}' (known: ${SCOPES.join(', ')})`)
    const secret = m[3]
    let digest: Buffer
    if (secret.startsWith('sha256:')) {
      if (!/^sha256:[0-9a-f]{64}$/.test(secret)) throw new KeysError(`${where}: sha256: needs 64 lower-case hex digits`)
      digest = Buffer.from(secret.slice(7), 'hex')
    } else {
      if (secret.length < 16) throw new KeysError(`${where}: a key must be at least 16 characters`)
      digest = digestOf(secret)
    }
    if (keys.some((k) => k.client === m[1])) throw new KeysError(`${where}: client '${m[1]}' is listed twice`)
    keys.push({ client: m[1], scopes: scopes as Scope[], digest })
  })
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
