import { COUNTRIES } from '../../src/main/sandbox/dataset/dictionaries'
import type { SandboxCreator } from '../../src/main/sandbox/dataset/generate-dataset'
import type { Rng } from '../../src/main/sandbox/dataset/prng'
import { DatasetIndex } from '../../src/main/sandbox/modash-emulator/dataset-index'
import { runSearch } from '../../src/main/sandbox/modash-emulator/search'
import { searchBodySchema } from '../../src/main/sandbox/modash-emulator/search-schema'
import { PAGE_SIZE } from '../../src/shared/search-filters'
import type { SearchFilters } from '../../src/shared/search-filters'
import { PLATFORMS } from '../../src/shared/platforms'
import type { Brief, ReplayAction } from './replay-script'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/**
 * A talent manager shortlisting inside one market: a search read to its last page, then the
 * same market narrowed (a higher follower floor, an engagement floor, a different order), each
 * a new search. Every creator the narrower ones can find is already cached, and the cache can
 * tell each of them in or out from its search profile: Creator Desk answers them for free,
 * below the per-page minimum, which counts each distinct page once.
 */
export function containedScenario(
  rng: Rng,
  dataset: readonly SandboxCreator[],
  firstBrief: number,
  firstSearch: number,
  day: number,
): { briefs: Brief[]; actions: ReplayAction[] } {
  const index = new DatasetIndex(dataset)
  const count = (b: Omit<Brief, 'id'>, sort?: SearchFilters['sort']) =>
    runSearch(
      index,
      b.platform,
      searchBodySchema.parse({ ...(sort ? { sort } : {}), filter: { influencer: b.influencer } }),
    ).total
  // A market small enough to read to the end (2 to 5 pages), but not empty once narrowed.
  let wide: Omit<Brief, 'id'> | null = null
  while (wide === null) {
    const candidate: Omit<Brief, 'id'> = {
      platform: rng.pick(PLATFORMS),
      influencer: {
        location: [rng.pick(COUNTRIES).id],
        followers: { min: rng.pick([5_000, 10_000, 25_000]) },
      },
    }
    const total = count(candidate)
    if (total > PAGE_SIZE && total <= 5 * PAGE_SIZE) wide = candidate
  }
  const floor = (wide.influencer.followers?.min ?? 0) * 2
  const narrower: { brief: Omit<Brief, 'id'>; sort?: SearchFilters['sort'] }[] = [
    { brief: { ...wide, influencer: { ...wide.influencer, followers: { min: floor } } } },
    { brief: { ...wide, influencer: { ...wide.influencer, engagementRate: 0.02 } } },
    { brief: wide, sort: { field: 'engagementRate', direction: 'desc' } },
  ]
  const briefs: Brief[] = [{ id: firstBrief, ...wide }]
  const actions: ReplayAction[] = []
  let at = day * DAY_MS + 15 * 3_600_000
  let search = firstSearch
  // The wide search, page after page until one comes back short (a full last page is followed
  // by an empty one, as a user paging on would see).
  const pages = Math.floor(count(wide) / PAGE_SIZE) + 1
  for (let page = 0; page < pages; page++) {
    at += MINUTE_MS
    const filters: SearchFilters = { influencer: wide.influencer }
    actions.push({ at, kind: 'search', id: search++, brief: firstBrief, page, filters })
  }
  for (const [i, n] of narrower.entries()) {
    const id = firstBrief + 1 + i
    briefs.push({ id, ...n.brief })
    const total = count(n.brief, n.sort)
    for (let page = 0; page * PAGE_SIZE < total && page < 2; page++) {
      at += MINUTE_MS
      const filters: SearchFilters = {
        influencer: n.brief.influencer,
        ...(n.sort ? { sort: n.sort } : {}),
      }
      const searchId = search++
      actions.push({ at, kind: 'search', id: searchId, brief: id, page, filters })
      // A profile opened from the free answer: every client must reach the same creator.
      if (page === 0)
        actions.push({ at: at + 1000, kind: 'report', ref: { search: searchId, index: 0 } })
    }
  }
  return { briefs, actions }
}
