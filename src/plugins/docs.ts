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
    // The library's policy ends with upgrade-insecure-requests, which makes a browser fetch the page's
    // own scripts over https: over plain http on any host but localhost the page stays blank.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true, displayRequestDuration: true },
    logLevel: 'warn'
  })
}, { name: 'docs', dependencies: ['openapi'] })
