/**
 * Every error the service raises on purpose, in one place. Each carries what its handler needs to
 * answer: the variable (configuration), the file and JSON pointer (rules), the pointer in the request
 * (facts, limits). No Fastify here: the domain and the tools throw these too.
 */

/** A bad environment variable; start-up stops with its name. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** An API key that cannot be used; start-up stops with where it came from. */
export class KeysError extends Error {
  override name = 'KeysError'
}

/** One problem in a rules directory: the file, the JSON pointer inside it and what is wrong. */
export interface RulesProblem {
  file: string
  pointer: string
  message: string
}

/** A rules directory that does not load; it loads whole or not at all. */
export class RulesLoadError extends Error {
  readonly problems: RulesProblem[]
  constructor (problems: RulesProblem[]) {
    super('rules failed to load:\n' + problems.map((p) => `  ${p.file}${p.pointer === '' ? '' : ' ' + p.pointer}: ${p.message}`).join('\n'))
    this.name = 'RulesLoadError'
    this.problems = problems
  }
}

/** One fact that does not make sense with the others: its pointer in the request and why. */
export interface FactProblem {
  pointer: string
  message: string
}

/** Facts that are well formed but do not make sense together; answered with 422. */
export class FactsError extends Error {
  readonly problems: FactProblem[]
  constructor (problems: FactProblem[]) {
    super(problems.map((p) => `${p.pointer}: ${p.message}`).join('; '))
    this.name = 'FactsError'
    this.problems = problems
  }
}

/** A request over one of the configured limits (nesting depth, string length, conduct items); 400. */
export class LimitError extends Error {
  override name = 'LimitError'
  readonly statusCode = 400
  readonly code = 'DR_LIMIT_EXCEEDED'
  readonly pointer: string
  constructor (message: string, pointer: string) {
    super(message)
    this.pointer = pointer
  }
}
