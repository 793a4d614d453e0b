import { Type } from '@sinclair/typebox'
import { problem } from '../schemas/problem.js'

/**
 * What every protected, cacheable reference read (rule sets, clauses, the facts schema) can answer
 * besides its body: 304 from the caching plugin's If-None-Match check, 401/403 from the auth hook,
 * 429 only once an address has spent its budget of refused requests (these routes have no
 * `rateLimit` config, so a client with a good key is never limited here), and 503 from load shedding.
 */
export const READ_RESPONSES = {
  304: Type.Null({ description: 'Not modified: the If-None-Match header names the current ETag. No body.' }),
  401: problem('No or an invalid API key.'),
  403: problem('The API key lacks the evaluate scope.'),
  429: problem('Too many refused requests (no or an invalid key) from this address; see Retry-After. A valid key is not rate limited on this route.'),
  503: problem('Overloaded: the service is shedding load; see Retry-After.')
}
