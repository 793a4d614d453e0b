/**
 * /docs: Swagger UI, served by the service itself from @fastify/swagger-ui's bundled assets (nothing
 * from a CDN), with the reference case as the runnable example of POST /v1/evaluations.
 */
import fp from 'fastify-plugin'
import swaggerUi from '@fastify/swagger-ui'

export default fp(async (app) => {
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true, displayRequestDuration: true },
    logLevel: 'warn'
  })
}, { name: 'docs', dependencies: ['openapi'] })
