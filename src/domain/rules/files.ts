/**
 * Reading one rules file without letting the file decide how long or how much: only a regular file
 * (a symbolic link to one inside the rules directory is fine) is ever opened, its size is checked
 * before it is read, and the read is bounded by that size. A `.json` link to /dev/zero once grew the
 * process to 23 GB, and opening a FIFO blocks a thread of Node's fs pool until someone writes to it,
 * so the type is checked with lstat/stat first and the open itself is non-blocking.
 */
import { constants } from 'node:fs'
import { lstat, open, realpath, stat } from 'node:fs/promises'
import { sep } from 'node:path'
import { RulesLoadError } from '../../errors.js'
import { DEFAULT_CONFIG } from '../../config.js'

export interface ReadLimits {
  /** Largest rules file, in bytes (RULES_MAX_FILE_BYTES). */
  maxFileBytes: number
}

/** What a file that is not a regular file is, in words. */
function kindOf (s: { isDirectory: () => boolean, isFIFO: () => boolean, isSocket: () => boolean }): string {
  if (s.isDirectory()) return 'a directory'
  if (s.isFIFO()) return 'a FIFO'
  if (s.isSocket()) return 'a socket'
  // Neither a regular file, a link, a directory, a FIFO nor a socket: on Linux, a character or block device.
  return 'a device'
}

/** fs errors always carry a code (ENOENT, EACCES, ELOOP, EFBIG from boundedRead...). */
const errno = (err: unknown): string => String((err as NodeJS.ErrnoException).code)

/** Why the file at path may not be read, or undefined when it is a regular file within the bound. */
async function refusal (root: string, path: string, limits: ReadLimits): Promise<string | undefined> {
  let s = await lstat(path)
  if (s.isSymbolicLink()) {
    let target: string
    try {
      target = await realpath(path)
    } catch (err) {
      return errno(err) === 'ELOOP' ? 'a symbolic link loop' : `a symbolic link that leads nowhere (${errno(err)})`
    }
    s = await stat(target)
    if (s.isFile() && !target.startsWith(await realpath(root) + sep)) return 'a symbolic link to a file outside the rules directory'
  }
  if (!s.isFile()) return `${kindOf(s)}, not a regular file`
  if (s.size > limits.maxFileBytes) return `${s.size} bytes, more than RULES_MAX_FILE_BYTES (${limits.maxFileBytes})`
  return undefined
}

/**
 * Reads the file as fstat sizes it, and one byte more: a file that grew after stat (past the bound or
 * not: it is being written) is caught and refused, never read whole. The buffer is the file's size, not
 * the bound's: a zero-filled buffer of RULES_MAX_FILE_BYTES (4 MB) per file was most of loadRules' time.
 */
export async function boundedRead (path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const s = await handle.stat()
    if (!s.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' })
    const buffer = Buffer.allocUnsafe(Math.min(limit, s.size) + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length; length += n) {
      n = (await handle.read(buffer, length, buffer.length - length, length)).bytesRead
    }
    if (length === buffer.length) throw Object.assign(new Error('grew past the bound or since it was sized'), { code: 'EFBIG' })
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/**
 * Deepest nesting a rules file may have (the bundled ones reach 11): the checks walk condition trees
 * recursively, and a rule set nested 20 000 deep overflowed the stack, a 500 instead of a refusal.
 */
export const MAX_NESTING = 64

/** How deep arrays and objects nest in JSON text, counted without parsing (brackets in strings skipped). */
export function depthOf (bytes: Buffer): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (c === 0x5d || c === 0x7d) depth--
  }
  return deepest
}

/**
 * The bytes of a rules file (`file` is its path relative to the rules directory). A file that cannot be
 * read stops the load at once with a RulesLoadError naming it (missing, unreadable, not a regular file,
 * a link loop or a link out of the directory, over the size bound, nested too deep): checking the rest without it would
 * only add problems that follow from its absence.
 */
export async function readRulesFile (root: string, path: string, file: string, limits: ReadLimits): Promise<Buffer> {
  let why: string | undefined
  try {
    why = await refusal(root, path, limits)
    if (why === undefined) {
      const bytes = await boundedRead(path, limits.maxFileBytes)
      if (depthOf(bytes) <= MAX_NESTING) return bytes
      why = `nested deeper than ${MAX_NESTING} levels`
    }
  } catch (err) {
    const code = errno(err)
    why = code === 'ENOENT' ? 'missing' : `cannot be read (${code})`
  }
  throw new RulesLoadError([{ file, pointer: '', message: `not read: ${why}` }])
}

/** The bound a loader uses when its caller (a tool, a test) gives none: the configured default. */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({ maxFileBytes: DEFAULT_CONFIG.RULES_MAX_FILE_BYTES })
