import { roundFollowers } from '../../src/main/services/filters-canonical'
import { COUNTRIES, INTERESTS } from '../../src/main/sandbox/dataset/dictionaries'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import { createRng, deriveSeed } from '../../src/main/sandbox/dataset/prng'
import type { Rng } from '../../src/main/sandbox/dataset/prng'
import { DatasetIndex } from '../../src/main/sandbox/modash-emulator/dataset-index'
import { runSearch } from '../../src/main/sandbox/modash-emulator/search'
import { searchBodySchema } from '../../src/main/sandbox/modash-emulator/search-schema'
import type { Platform } from '../../src/shared/platforms'
import { PLATFORMS } from '../../src/shared/platforms'
import type { InfluencerFilter, SearchFilters } from '../../src/shared/search-filters'
import { containedScenario } from './replay-contained'

/**
 * A month of one talent manager, as a script every client replays identically. Searches come
 * from a few dozen briefs, revisited across the month and each time written as people write
 * them (keys in any order, defaults spelled out or left out, follower bounds that Modash rounds
 * to the same step). Profiles are opened from the results, some again after 5 and 40 days;
 * emails are looked up on opened profiles, some twice. One market is read to its last page and
 * then narrowed (`replay-contained.ts`).
 */

const DAY_MS = 86_400_000
const ACTIVE_DAYS = 30
/** 40-day reopens of the first days' reports land up to here. */
export const REPLAY_DAYS = 45

/** What a search means: the filters once, in one spelling; `id` names the meaning. */
export interface Brief {
  id: number
  platform: Platform
  influencer: InfluencerFilter
}

/** A result of an earlier search, by position: the same creator in every client's replay. */
export interface ResultRef {
  search: number
  index: number
}

export type ReplayAction =
  | { at: number; kind: 'search'; id: number; brief: number; page: number; filters: SearchFilters }
  | { at: number; kind: 'report'; ref: ResultRef }
  | { at: number; kind: 'email'; ref: ResultRef }

export interface ReplayScript {
  briefs: Brief[]
  actions: ReplayAction[]
}

export function replayScript(
  dataset: readonly SandboxCreator[],
  count: number,
  seed: number,
): ReplayScript {
  const rng = createRng(deriveSeed(seed, 'replay'))
  const briefs = makeBriefs(rng, dataset, 60)
  const generated: ReplayAction[] = []
  // Actions that would fall after the replay's end (a late 40-day reopen) are never made.
  const push = (a: ReplayAction) => {
    if (a.at < REPLAY_DAYS * DAY_MS) generated.push(a)
  }
  const used: Brief[] = []
  let searches = 0
  const sessionsPerDay = Math.max(1, Math.round(count / 15 / ACTIVE_DAYS))
  for (let session = 0; generated.length < count; session++) {
    const day = Math.min(ACTIVE_DAYS - 1, Math.floor(session / sessionsPerDay))
    let at = day * DAY_MS + (9 + (session % sessionsPerDay)) * 3_600_000
    const tick = () => (at += rng.int(20, 240) * 1000)
    // Most sessions return to a brief from earlier in the month; some start a new one.
    const fresh = briefs.filter((b) => !used.includes(b))
    const brief =
      used.length === 0 || (fresh.length > 0 && rng.chance(0.3)) ? rng.pick(fresh) : rng.pick(used)
    if (!used.includes(brief)) used.push(brief)
    const pages = rng.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
    ] as const)
    for (let page = 0; page < pages; page++) {
      const id = searches++
      const filters = spell(rng, brief)
      push({ at: tick(), kind: 'search', id, brief: brief.id, page, filters })
      // The same search run again as it was: back from a profile, a refresh, another tab.
      if (rng.chance(0.3)) {
        push({ at: tick(), kind: 'search', id: searches++, brief: brief.id, page, filters })
      }
      const opened = rng.weighted([
        [0, 3],
        [1, 4],
        [2, 2],
        [3, 1],
      ] as const)
      for (let k = opened; k > 0; k--) {
        const ref = { search: id, index: rng.int(0, 14) }
        push({ at: tick(), kind: 'report', ref })
        if (rng.chance(0.25)) push({ at: at + 5 * DAY_MS, kind: 'report', ref })
        if (rng.chance(0.12)) push({ at: at + 40 * DAY_MS, kind: 'report', ref })
        if (rng.chance(0.4)) {
          push({ at: tick(), kind: 'email', ref })
          if (rng.chance(0.2)) {
            const later = rng.chance(0.5) ? tick() : at + rng.int(1, 35) * DAY_MS
            push({ at: later, kind: 'email', ref })
          }
        }
      }
    }
  }
  const actions = generated.slice(0, count)
  // A market read to its last page and then narrowed: searches the cache can answer for free.
  const contained = containedScenario(rng, dataset, briefs.length, searches, 10)
  return {
    briefs: [...briefs, ...contained.briefs],
    actions: [...actions, ...contained.actions].sort((a, b) => a.at - b.at),
  }
}

/**
 * Distinct briefs (no two mean the same search) that match enough of the sandbox's creators
 * for three pages, checked with the emulator's own search.
 */
function makeBriefs(rng: Rng, dataset: readonly SandboxCreator[], count: number): Brief[] {
  const index = new DatasetIndex(dataset)
  const seen = new Set<string>()
  const out: Brief[] = []
  while (out.length < count) {
    const platform = rng.pick(PLATFORMS)
    const min = rng.pick([1_000, 2_000, 5_000, 10_000, 25_000, 50_000])
    const max = rng.pick([50_000, 100_000, 250_000, 500_000, 1_000_000, undefined])
    const influencer: InfluencerFilter = {
      followers: max === undefined || max <= min ? { min } : { min, max },
    }
    if (rng.chance(0.4)) influencer.location = [rng.pick(COUNTRIES.filter((c) => c.weight >= 5)).id]
    if (rng.chance(0.25)) influencer.language = rng.pick(['en', 'es', 'pt', 'de', 'fr'])
    if (rng.chance(0.3)) influencer.gender = rng.pick(['MALE', 'FEMALE'] as const)
    if (rng.chance(0.3)) influencer.interests = [rng.pick(INTERESTS).id]
    if (rng.chance(0.2)) influencer.engagementRate = rng.pick([0.01, 0.02, 0.03])
    const key = JSON.stringify([platform, influencer])
    if (seen.has(key)) continue
    seen.add(key)
    const body = searchBodySchema.parse({ page: 0, filter: { influencer } })
    const { total } = runSearch(index, platform, body)
    if (total >= 45) out.push({ id: out.length, platform, influencer })
  }
  return out
}

/** One of the many ways a person writes the same brief. */
function spell(rng: Rng, brief: Brief): SearchFilters {
  const influencer: Record<string, unknown> = { ...brief.influencer }
  const followers = brief.influencer.followers
  if (followers && rng.chance(0.5)) {
    influencer.followers = {
      ...(followers.min === undefined ? {} : { min: nearby(rng, followers.min) }),
      ...(followers.max === undefined ? {} : { max: nearby(rng, followers.max) }),
    }
  }
  const filters: Record<string, unknown> = { influencer: shuffled(rng, influencer) }
  if (rng.chance(0.3)) filters.calculationMethod = 'median'
  if (rng.chance(0.3)) {
    filters.sort = rng.chance(0.5)
      ? { field: 'followers' }
      : { direction: 'desc', field: 'followers' }
  }
  return shuffled(rng, filters)
}

/** A follower bound written a little off, that Modash still rounds to the same step. */
function nearby(rng: Rng, value: number): number {
  const step = value < 5000 ? 1000 : 5000
  const written = value + Math.round(rng.float(-0.4, 0.4) * step)
  return roundFollowers(written) === value && written > 0 ? written : value
}

function shuffled(rng: Rng, value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(rng.sample(Object.entries(value), Object.keys(value).length))
}
