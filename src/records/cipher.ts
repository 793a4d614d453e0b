/**
 * The facts of a record are personal data: they are stored encrypted with AES-256-GCM, bound to
 * their decision id (additional authenticated data), under a key from DECISIONS_KEY. The variable
 * holds one or more keys, `[id:]key` comma-separated, the key as 64 hex digits or base64 of 32 bytes:
 * the first encrypts, every one decrypts, so a key is rotated by putting the new one first.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { ConfigError } from '../errors.js'

export interface Sealed { keyId: string, blob: Buffer }

export interface FactsCipher {
  /** The id of the key that encrypts. */
  keyId: string
  seal: (plain: unknown, decisionId: string) => Sealed
  open: (sealed: Sealed, decisionId: string) => unknown
}

function keyBytes (text: string, where: string): Buffer {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')
  if (bytes.length !== 32) throw new ConfigError(`${where}: a key must be 32 bytes, as 64 hex digits or base64`)
  return bytes
}

/**
 * Fresh random IVs, 12 bytes each, cut from a pool filled 256 at a time: one getrandom(2) per 256
 * records instead of one per record. Each is used once (a random 96-bit IV per record, as before).
 */
const IV_BYTES = 12
const IV_POOL = IV_BYTES * 256
let ivPool = Buffer.alloc(0)
let ivAt = 0
function nextIv (): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL)
    ivAt = 0
  }
  ivAt += IV_BYTES
  return ivPool.subarray(ivAt - IV_BYTES, ivAt)
}

export function parseDecisionsKeys (spec: string): FactsCipher {
  const keys = new Map<string, Buffer>()
  spec.split(',').map((s) => s.trim()).filter((s) => s !== '').forEach((entry, i) => {
    const m = /^(?:([A-Za-z0-9._-]{1,32}):)?(\S+)$/.exec(entry)
    const key = keyBytes(m?.[2] ?? '', `DECISIONS_KEY, entry ${i + 1}`)
    const id = m?.[1] ?? createHash('sha256').update(key).digest('hex').slice(0, 8)
    if (keys.has(id)) throw new ConfigError(`DECISIONS_KEY, entry ${i + 1}: key id '${id}' is listed twice`)
    keys.set(id, key)
  })
  const [keyId] = keys.keys()
  if (keyId === undefined) throw new ConfigError('DECISIONS_KEY: no key given')
  return {
    keyId,
    seal: (plain, decisionId) => {
      const iv = nextIv()
      const cipher = createCipheriv('aes-256-gcm', keys.get(keyId) as Buffer, iv).setAAD(Buffer.from(decisionId))
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()])
      return { keyId, blob: Buffer.concat([iv, cipher.getAuthTag(), body]) }
    },
    open: ({ keyId: id, blob }, decisionId) => {
      const key = keys.get(id)
      if (key === undefined) throw new Error(`facts sealed with key '${id}', which DECISIONS_KEY no longer holds`)
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12)).setAAD(Buffer.from(decisionId))
      decipher.setAuthTag(blob.subarray(12, 28))
      return JSON.parse(Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8'))
    }
  }
}

/** A new random key, in the form DECISIONS_KEY takes. */
export const newDecisionsKey = (): string => randomBytes(32).toString('hex')
