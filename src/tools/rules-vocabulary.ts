/**
 * Writes the facts vocabulary tables of rules/README.md from the facts schema, between the
 * `vocabulary:start` and `vocabulary:end` markers: `npm run rules:vocabulary`. Every fact a rule may
 * read is listed with its labels and the labels of its values, so the README cannot miss a field or
 * drift from the words the explanations use; test/tools/rules-vocabulary.test.ts fails when the
 * committed README differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FACT_SCHEMAS } from '../domain/rules/vocabulary.js'
import { factKind, factLabel, unitOf, valueLabels, type FactKind } from '../domain/rules/labels.js'
import { CONDUCT_DETAILS } from '../schemas/facts.js'
import { BUNDLED_RULES_DIR } from '../paths.js'
import { isMain } from './cli.js'

export const START = '<!-- vocabulary:start: generated from src/schemas/facts by `npm run rules:vocabulary`; do not edit by hand -->'
export const END = '<!-- vocabulary:end -->'

const INTRO = 'Each fact carries its name and the name of each of its values in zh and en (`x-label`, `x-enum-labels`, ' +
  '`x-unit` in the facts schema, so also in `openapi.yaml` and at `/v1/schema/facts`), and explanations are worded from ' +
  'them: a reader sees 本人在该组织中的角色包含以下任一项：发起人、组织者, not a fact name or a code. A field added to ' +
  '`src/schemas/facts/` without both labels fails the tests; after adding one, run `npm run rules:vocabulary`.'

const KINDS: Record<FactKind, string> = {
  boolean: 'yes/no', enum: 'one of', 'enum-array': 'set of', number: 'number', date: 'date', string: 'text'
}
const cell = (s: string) => s.replace(/\|/g, '\\|')

function valuesCell (name: string): string {
  const unit = unitOf(name)
  if (unit !== undefined) return `unit: ${unit.zh}${unit.en === '' ? '' : ` / ${unit.en}`}`
  const labels = valueLabels(name) ?? {}
  return Object.entries(labels).map(([code, l]) => `\`${code}\` ${l.zh} / ${l.en}`).join('<br>')
}

function row (name: string): string {
  const schema = FACT_SCHEMAS.get(name)!
  const label = factLabel(name)
  const optional = name === 'subject.partyMember' ? ' (required)' : ''
  return `| \`${name}\` | ${KINDS[factKind(name)]}${optional} | ${label.zh} / ${label.en} | ${cell(valuesCell(name))} | ${cell(schema.description as string)} |`
}

/** The fact names in groups: the person, every conduct item, then each conduct type's detail object. */
function groups (): Array<{ title: string, names: string[] }> {
  const names = [...FACT_SCHEMAS.keys()]
  const details = Object.entries(CONDUCT_DETAILS)
  const detailOf = (n: string) => details.find(([, d]) => n.startsWith(`conduct.${d}.`))
  return [
    { title: 'The person (`subject.*`)', names: names.filter((n) => n.startsWith('subject.')) },
    { title: 'Every conduct item, whatever its type', names: names.filter((n) => n.startsWith('conduct.') && detailOf(n) === undefined) },
    ...details.map(([type, detail]) => ({
      title: `Conduct type \`${type}\`: the \`${detail}\` object`,
      names: names.filter((n) => detailOf(n)?.[1] === detail)
    }))
  ]
}

/** The generated tables, markers included. */
export function vocabularyMarkdown (): string {
  const parts = groups().map(({ title, names }) => [
    `**${title}**`, '',
    '| Fact | Type | Label (zh / en) | Values (code, zh / en) | Meaning |',
    '|---|---|---|---|---|',
    ...names.map(row)
  ].join('\n'))
  return [START, '', INTRO, '', parts.join('\n\n'), '', END].join('\n')
}

/** The README with its vocabulary section replaced; a README without the markers is an error. */
export function withVocabulary (readme: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`the README has no vocabulary markers (${START} … ${END})`)
  return readme.slice(0, start) + vocabularyMarkdown() + readme.slice(end + END.length)
}

export function writeVocabulary (file = join(BUNDLED_RULES_DIR, 'README.md')): string {
  writeFileSync(file, withVocabulary(readFileSync(file, 'utf8')))
  return file
}

/** `rules-vocabulary [README]` (default rules/README.md): rewrites the tables and names the file. */
export function main (argv: string[], write: (text: string) => void): number {
  write(`wrote the facts vocabulary in ${writeVocabulary(argv[0])}\n`)
  return 0
}

if (isMain(import.meta.url)) process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text))
