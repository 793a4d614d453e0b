/**
 * The examples of the OpenAPI document: real answers of the service to chosen golden cases and
 * mistakes, collected by scripts/openapi-examples.ts (`npm run openapi`) into openapi-examples.json
 * beside this file, and checked against the code by test/openapi.test.ts. They are read when the
 * document is first built (the first GET /openapi.yaml or /docs), not at start-up.
 */
import { readFileSync } from 'node:fs'
// A type-only import of the file makes tsc copy it next to the compiled module, where it is read.
import type examplesFile from './openapi-examples.json'

export interface Example { summary: string, description?: string, value: unknown }
/** operationId → the request body's examples and, by status, the response body's examples. */
export type ExampleSet = Record<string, { request?: Record<string, Example>, responses: Record<string, Record<string, Example>> }>
export const EXAMPLES_FILE = new URL('./openapi-examples.json', import.meta.url)

type Content = Record<string, { examples?: Record<string, Example> }>
export type Operation = { operationId?: string, requestBody?: { content: Content }, responses: Record<string, { content?: Content }> }

/** Puts each operation's examples on its request body and on each response's (single) media type. */
export function applyExamples (paths: Record<string, Record<string, Operation>>, set: ExampleSet = readExamples()): void {
  for (const op of Object.values(paths).flatMap((ops) => Object.values(ops))) {
    const mine = set[op.operationId as string] // every route has one (test/openapi.test.ts)
    if (mine === undefined) continue
    const body = op.requestBody?.content['application/json']
    if (body !== undefined && mine.request !== undefined) body.examples = mine.request
    for (const [status, examples] of Object.entries(mine.responses)) {
      const content = op.responses[status]?.content
      if (content === undefined) throw new Error(`examples of ${op.operationId} ${status}: the route declares no such body`)
      for (const media of Object.values(content)) media.examples = examples
    }
  }
}

function readExamples (): ExampleSet {
  return JSON.parse(readFileSync(EXAMPLES_FILE, 'utf8')) as typeof examplesFile & ExampleSet
}
