import { createHash } from 'node:crypto'
import type { ClayApi, ClayRunInputs } from '../../src/main/providers/clay/clay-api'
import { modashSearchBody } from '../../src/main/providers/modash/modash-api'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import type { Core } from '../../src/main/services/core-types'
import type { Platform } from '../../src/shared/platforms'
import type { SearchFilters } from '../../src/shared/search-filters'

/** A creator on a search page, as each client knows it. */
export interface Hit {
  userId: string
  username: string | null
  /** The app's cache id; null for clients without a cache. */
  creatorId: number | null
}

/** One way of running the replay's actions. */
export interface ReplayClient {
  search(platform: Platform, filters: SearchFilters, page: number): Promise<Hit[]>
  report(platform: Platform, hit: Hit): Promise<void>
  email(platform: Platform, hit: Hit): Promise<void>
}

export const ROUTINE = 'function:t_email'

/** Creator Desk itself: the core's search, select and enrich. */
export function serviceClient(core: Core): ReplayClient {
  const id = (hit: Hit) => {
    if (hit.creatorId === null) throw new Error('a cached hit always has an id')
    return hit.creatorId
  }
  return {
    async search(platform, filters, page) {
      const r = await core.creators.search({ platform, filters, page })
      return r.creators.map((c) => ({ userId: c.providerId, username: c.handle, creatorId: c.id }))
    },
    async report(_platform, hit) {
      await core.creators.select(id(hit))
    },
    async email(_platform, hit) {
      await core.creators.enrich(id(hit))
    },
  }
}

/** Every action is a provider call: what the month costs with no cache at all. */
export function uncachedClient(modash: ModashApi, clay: ClayApi): ReplayClient {
  return {
    async search(platform, filters, page) {
      const r = await modash.search(platform, modashSearchBody(filters, page))
      return [...r.data.directs, ...r.data.lookalikes].map((h) => ({
        userId: h.userId,
        username: h.profile.username ?? null,
        creatorId: null,
      }))
    },
    async report(platform, hit) {
      await modash.report(platform, hit.userId)
    },
    async email(platform, hit) {
      // The emulator's default routine's input columns, as the app maps them in sample mode.
      const input: ClayRunInputs = { Handle: hit.username ?? hit.userId, Platform: platform }
      const itemId = `${platform}-${hit.userId}`.slice(0, 64)
      const run = await clay.startRun(ROUTINE, itemId, input)
      await clay.waitForRun(run.runId, itemId)
    },
  }
}

/**
 * The seed's level 1: search pages cached under a hash of the filters exactly as written, and
 * nothing else cached. Two spellings of one search are two entries.
 */
export function literalHashClient(inner: ReplayClient): ReplayClient {
  const pages = new Map<string, Hit[]>()
  return {
    async search(platform, filters, page) {
      const key = createHash('sha256')
        .update(JSON.stringify({ platform, filters, page }))
        .digest('hex')
      const cached = pages.get(key)
      if (cached) return cached
      const hits = await inner.search(platform, filters, page)
      pages.set(key, hits)
      return hits
    },
    report: (platform, hit) => inner.report(platform, hit),
    email: (platform, hit) => inner.email(platform, hit),
  }
}
