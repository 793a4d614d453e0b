/**
 * The app as tests build it: src/app.ts's buildApp with load shedding off unless a test turns it on.
 *
 * Shedding answers 503 when the event loop lags by more than MAX_EVENT_LOOP_DELAY_MS (1 s by default). On a
 * machine busy with other work a test's own requests can lag that much, and a test about something else then
 * fails on a 503 it never meant to provoke. The tests about shedding set the limit themselves and get it.
 */
import { buildApp as build, type AppOptions } from '../../src/app.js'

export function buildApp (options: AppOptions = {}) {
  return build({ ...options, config: { MAX_EVENT_LOOP_DELAY_MS: 0, ...options.config } })
}
