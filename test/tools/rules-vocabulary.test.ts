/**
 * The vocabulary tables of rules/README.md are what the facts schema generates (run
 * `npm run rules:vocabulary` after changing src/schemas/facts), and they list every fact a rule may read.
 */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { START, END, main, vocabularyMarkdown, withVocabulary } from '../../src/tools/rules-vocabulary.js'
import { FACT_NAMES, FACT_SCHEMAS } from '../../src/domain/rules/vocabulary.js'
import { BUNDLED_RULES_DIR, PACKAGE_ROOT } from '../../src/paths.js'

const README = join(BUNDLED_RULES_DIR, 'README.md')

t.test('rules/README.md lists the vocabulary as the schema has it', async (t) => {
  const readme = readFileSync(README, 'utf8')
  t.equal(readme, withVocabulary(readme), 'rules/README.md is up to date (run `npm run rules:vocabulary`)')
  const tables = vocabularyMarkdown()
  for (const name of FACT_NAMES) {
    t.match(tables, `| \`${name}\` |`, `${name} has its row`)
    t.ok(typeof FACT_SCHEMAS.get(name)?.description === 'string', `${name} says what it means`)
  }
  t.match(tables, '| `conduct.association.subjectRoles` | set of | 本人在该组织中的角色 / the subject’s roles in it | `initiator` 发起人 / initiator<br>')
  t.match(tables, '| `conduct.association.memberCount` | number | 成员人数 / the number of members | unit: 人 |')
  t.match(tables, '| `conduct.benefit.amountYuan` | number | 金额 / the amount | unit: 元 / yuan |')
  t.match(tables, '| `subject.partyMember` | yes/no (required) |')
})

t.test('writing the tables', async (t) => {
  const dir = t.testdir({ 'README.md': `# Rules\n\nbefore\n\n${START}\nold tables\n${END}\n\nafter\n` })
  let written = ''
  t.equal(main([join(dir, 'README.md')], (s) => { written += s }), 0)
  t.equal(written, `wrote the facts vocabulary in ${join(dir, 'README.md')}\n`)
  t.equal(readFileSync(join(dir, 'README.md'), 'utf8'), `# Rules\n\nbefore\n\n${vocabularyMarkdown()}\n\nafter\n`, 'only the part between the markers changes')
  t.throws(() => withVocabulary('# no markers\n'), /no vocabulary markers/)

  writeFileSync(join(dir, 'spawned.md'), `${START}\n${END}\n`)
  const run = spawnSync(process.execPath, [...process.execArgv, join(PACKAGE_ROOT, 'src/tools/rules-vocabulary.ts'), join(dir, 'spawned.md')], { encoding: 'utf8' })
  t.equal(run.status, 0, 'run as a program')
  t.equal(readFileSync(join(dir, 'spawned.md'), 'utf8'), `${vocabularyMarkdown()}\n`)
})
