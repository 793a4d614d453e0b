import t from 'tap'
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'
import type { RouteOptions } from 'fastify'
import { buildApp } from './helpers/app.js'

// The service builds each response serializer at its first use (src/plugins/validation.ts), so a start-up no
// longer proves that every response schema compiles: this test does, for every route and status code.
t.test('every response schema of every route compiles to a serializer', async (t) => {
  const app = buildApp()
  t.teardown(() => app.close())
  const routes: RouteOptions[] = []
  app.addHook('onRoute', (route) => { routes.push(route) })
  await app.ready()
  const build = SerializerSelector()(app.getSchemas(), {})
  let built = 0
  for (const route of routes) {
    const response = (route.schema?.response ?? {}) as Record<string, unknown>
    for (const [status, schema] of Object.entries(response)) {
      t.type(build({ schema, method: route.method as string, url: route.url, httpStatus: status } as never), 'function', `${String(route.method)} ${route.url} ${status}`)
      built++
    }
  }
  t.ok(routes.some((r) => r.url === '/v1/evaluations'), 'the routes registered in plugins are seen')
  t.ok(built > 20, `${built} response schemas built`)
})
