import t from 'tap'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { isMain } from '../../src/tools/cli.js'
import { PACKAGE_ROOT } from '../../src/paths.js'

t.test('isMain tells the started script from an imported module', async (t) => {
  const file = join(PACKAGE_ROOT, 'src/tools/cli.ts')
  const url = pathToFileURL(file).href
  t.equal(isMain(url, ['node', file]), true)
  t.equal(isMain(url, ['node', join(PACKAGE_ROOT, 'src/paths.ts')]), false)
  t.equal(isMain(url, ['node']), false, 'no script (a REPL)')
  t.equal(isMain(url, ['node', join(PACKAGE_ROOT, 'no-such-file.js')]), false, 'a script that is not a file')
  t.equal(isMain(url), false, 'this test is not the CLI')
})
