/**
 * `node --import ./bench/canned/register.mjs <server>`: the server runs with its evaluation replaced
 * by a canned answer (./evaluate.mjs), for bench/decompose.mjs. Nothing else changes: every import of
 * dist/src/domain/evaluate.js (the routes', the records') gets ./evaluate.mjs instead, except the
 * import inside ./evaluate.mjs itself, which gets the real one. Bench only; the service never loads it.
 */
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
