/**
 * POST /admin/impact: rules:impact (src/tools/rules-impact.ts) as a service operation. The candidate
 * comes as a bundle, every file of its rules directory by path with its parsed JSON; it is written to
 * a temporary directory and loaded as any rules directory is (a broken one is a 422 naming each
 * problem), then the recorded decisions in the window and the golden cases of the rules in use (the
 * loaded revision, with the cases read when it loaded; not the directory as it is now) are replayed on it. Admin scope; evaluations run on worker threads, one per core.
 */
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ref } from '../schemas/common.js'
import { Problem } from '../schemas/problem.js'
import { RulesLoadError } from '../errors.js'
import { sendProblem } from '../plugins/problems.js'
import { measureImpact } from '../records/impact-run.js'

const Counts = Type.Object({
  ruleId: Type.String(),
  gained: Type.Integer(),
  lost: Type.Integer(),
  tierChanged: Type.Integer(),
  rangeChanged: Type.Integer(),
  recommendationChanged: Type.Integer(),
  reviewed: Type.Object({ agreeBefore: Type.Integer(), agreeAfter: Type.Integer(), disagreeBefore: Type.Integer(), disagreeAfter: Type.Integer() },
    { description: 'Reviewed decisions resting on the rule whose imposed sanction lies within the computed range (agree) or not, on the recorded answer and on the candidate.' })
})
const Part = { answers: Type.Integer(), changed: Type.Integer({ description: 'Answers in which anything counted here changes.' }), rules: Type.Array(Counts) }
const ImpactReport = Type.Object({
  candidateRevision: Type.String(),
  window: Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }),
  decisions: Type.Object({ ...Part, reproduced: Type.Integer({ description: 'Records whose own revision gives their recorded answer again.' }), reviewed: Type.Integer() }),
  goldenCases: Type.Object(Part)
})

const FILE = '^(catalog/|rulesets/)?[a-z0-9][a-z0-9._-]*\\.json$'

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/admin/impact', {
    config: { scope: 'admin', rateLimit: {} },
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      operationId: 'measureRulesImpact',
      tags: ['operations'],
      summary: 'What a candidate rules directory would change in recorded decisions and golden cases (scope admin)',
      security: [{ bearerAuth: [] }],
      body: Type.Object({
        files: Type.Record(Type.String({ pattern: FILE }), Type.Unknown(), { additionalProperties: false, description: 'Every file of the candidate rules directory (index.json, sources.json, conditions.json, catalog/…, rulesets/…) by path, with its JSON.' }),
        from: Type.Optional(Type.String({ format: 'date-time', description: 'Recorded decisions evaluated at or after.' })),
        to: Type.Optional(Type.String({ format: 'date-time', description: 'Recorded decisions evaluated before.' }))
      }, { additionalProperties: false }),
      response: { 200: ImpactReport, 400: ref(Problem), 401: ref(Problem), 403: ref(Problem), 422: ref(Problem, { description: 'The candidate failed the checks every rules directory must pass.' }), 429: ref(Problem) }
    }
  }, async (request, reply) => {
    const { files, from, to } = request.body
    const window = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }
    // Both taken in one turn: a reload sets the rules and their cases in one turn too.
    const { files: inUse } = app.rules
    const current = { files: inUse, cases: await app.goldenCases }
    const outcome = await measureBundle(files, (dir) => measureImpact({ current, candidateDir: dir, repository: app.records?.repository, window }))
    if (!(outcome instanceof RulesLoadError)) return outcome
    return await sendProblem(reply, {
      type: 'rules-rejected',
      title: 'The candidate rules failed their checks',
      status: 422,
      detail: `${outcome.problems.length} problem(s).`,
      instance: request.url,
      errors: outcome.problems.map((p) => ({ pointer: `${p.file}#${p.pointer}`, detail: p.message }))
    })
  })
}

/** Writes the bundle into a temporary directory and measures it there; a candidate that fails the rules checks is returned, not thrown. */
async function measureBundle<T> (files: Record<string, unknown>, measure: (dir: string) => Promise<T>): Promise<T | RulesLoadError> {
  const dir = await mkdtemp(join(tmpdir(), 'impact-candidate-'))
  const written = (async () => {
    for (const [file, data] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true })
      await writeFile(join(dir, file), JSON.stringify(data))
    }
    return await measure(dir)
  })()
  const outcome = await written.catch((err: unknown) => { if (err instanceof RulesLoadError) return err; throw err })
    .finally(async () => { await rm(dir, { recursive: true, force: true }) })
  return outcome
}

export default routes
