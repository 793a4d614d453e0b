import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { boundedRead, depthOf, readRulesFile, MAX_NESTING } from '../../../src/domain/rules/files.js'
import type { RulesLoadError } from '../../../src/errors.js'

const limits = { maxFileBytes: 1024 }

async function read (root: string, name: string, bound = limits): Promise<{ bytes?: string, problems: string[] }> {
  try {
    return { bytes: (await readRulesFile(root, join(root, name), name, bound)).toString('utf8'), problems: [] }
  } catch (err) {
    return { bytes: undefined, problems: (err as RulesLoadError).problems.map((p) => `${p.file}: ${p.message}`) }
  }
}

t.test('a regular file, and a symbolic link to one inside the directory, are read', async (t) => {
  const root = t.testdir({ 'a.json': '{"a":1}', sub: { 'b.json': '{}' } })
  symlinkSync(join(root, 'sub', 'b.json'), join(root, 'link.json'))
  t.same(await read(root, 'a.json'), { bytes: '{"a":1}', problems: [] })
  t.same(await read(root, 'link.json'), { bytes: '{}', problems: [] })
})

t.test('anything but a regular file is refused by its type, never opened', async (t) => {
  const root = t.testdir({ dir: {}, outside: { 'x.json': '{}' } })
  execFileSync('mkfifo', [join(root, 'fifo.json')])
  symlinkSync('/dev/zero', join(root, 'zero.json'))
  symlinkSync(join(root, 'dir'), join(root, 'dir.json'))
  symlinkSync(join(root, 'loop-b.json'), join(root, 'loop-a.json'))
  symlinkSync(join(root, 'loop-a.json'), join(root, 'loop-b.json'))
  symlinkSync(join(root, 'nowhere'), join(root, 'dangling.json'))
  // A socket path must be short (108 bytes): the socket lives in a short directory, linked in.
  const short = mkdtempSync(join(tmpdir(), 'r-'))
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(join(short, 's'), resolve))
  t.teardown(() => { server.close(); rmSync(short, { recursive: true, force: true }) })
  symlinkSync(join(short, 's'), join(root, 'socket.json'))
  const cases: Array<[string, string]> = [
    ['fifo.json', 'fifo.json: not read: a FIFO, not a regular file'],
    ['zero.json', 'zero.json: not read: a device, not a regular file'],
    ['dir', 'dir: not read: a directory, not a regular file'],
    ['dir.json', 'dir.json: not read: a directory, not a regular file'],
    ['loop-a.json', 'loop-a.json: not read: a symbolic link loop'],
    ['dangling.json', 'dangling.json: not read: a symbolic link that leads nowhere (ENOENT)'],
    ['socket.json', 'socket.json: not read: a socket, not a regular file'],
    ['missing.json', 'missing.json: not read: missing'],
    ['dir/../fifo.json/x', 'dir/../fifo.json/x: not read: cannot be read (ENOTDIR)']
  ]
  for (const [name, problem] of cases) t.same(await read(root, name), { bytes: undefined, problems: [problem] }, name)
  symlinkSync(join(root, 'outside', 'x.json'), join(root, 'dir', 'escape.json'))
  t.same((await read(join(root, 'dir'), 'escape.json')).problems, ['escape.json: not read: a symbolic link to a file outside the rules directory'])
})

t.test('a file over the bound is refused by its size before it is read', async (t) => {
  const root = t.testdir({ 'big.json': 'x'.repeat(2000), 'exact.json': 'x'.repeat(1024) })
  t.same((await read(root, 'big.json')).problems, ['big.json: not read: 2000 bytes, more than RULES_MAX_FILE_BYTES (1024)'])
  t.equal((await read(root, 'exact.json')).bytes?.length, 1024, 'a file of exactly the bound is read')
})

t.test('the read itself is bounded and refuses what is not a regular file once open', async (t) => {
  const root = t.testdir({ 'grown.json': 'x'.repeat(100) })
  await t.rejects(boundedRead(join(root, 'grown.json'), 10), { code: 'EFBIG' }, 'a file that grew after stat: at most limit + 1 bytes read')
  t.equal((await boundedRead(join(root, 'grown.json'), 100)).length, 100)
  execFileSync('mkfifo', [join(root, 'swapped.json')])
  // A FIFO swapped in after the type check: the non-blocking open returns at once and fstat refuses it.
  await t.rejects(boundedRead(join(root, 'swapped.json'), 10), { code: 'ENOTREG' })
})

t.test('a file nested deeper than the checks can walk is refused before it is parsed', async (t) => {
  const deep = '{"all":['.repeat(20000) + '1' + ']}'.repeat(20000)
  const root = t.testdir({ 'deep.json': deep, 'edge.json': '['.repeat(MAX_NESTING) + ']'.repeat(MAX_NESTING) })
  t.same((await read(root, 'deep.json', { maxFileBytes: 1_000_000 })).problems, [`deep.json: not read: nested deeper than ${MAX_NESTING} levels`])
  t.equal((await read(root, 'edge.json')).problems.length, 0, 'exactly the bound is read')
  t.equal(depthOf(Buffer.from('{"a":"[[[{\\"","b":[{}]}')), 3, 'brackets and escaped quotes inside strings do not count')
})
