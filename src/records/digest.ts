/**
 * The digest of an answer: SHA-256 of the answer's JSON exactly as the service sends it
 * (`answerText`, src/domain/render/render.ts). A record keeps this digest instead
 * of the 12–16 KB answer; the answer is rebuilt by replaying the facts on the recorded rules revision,
 * and it is the recorded answer when the rebuilt one has the same digest. A client that kept the
 * answer it received can check it against the record with `sha256sum` of the body (base64url).
 */
import { createHash } from 'node:crypto'

/** SHA-256 of an answer's JSON text, base64url. */
export const digestOf = (text: string): string => createHash('sha256').update(text).digest('base64url')
