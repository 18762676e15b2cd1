import { createModashClient } from '../../src/main/providers/modash/modash-client'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import type { FixtureServer } from './fixture-server'

export const CONTRACT_TOKEN = 'contract-token-5b2e91'

/** Three attempts in all, a few milliseconds apart: enough to see a retry, never slow. */
export const CONTRACT_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }

/** The real client, pointed at the fixture server, with pacing out of the way. */
export function contractClient(server: FixtureServer): ModashApi {
  return createModashClient({
    baseUrl: server.baseUrl,
    token: () => CONTRACT_TOKEN,
    timeoutMs: 2000,
    retry: CONTRACT_RETRY,
    limits: { searchPerSecond: 1000, reportPerSecond: 1000, usersPerSecond: 1000 },
  })
}
