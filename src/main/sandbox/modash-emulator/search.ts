import type { Platform } from '../../../shared/platforms'
import { PAGE_SIZE } from '../../../shared/search-filters'
import { growthOver } from '../dataset/content'
import type { SandboxCreator } from '../dataset/generate-dataset'
import { words } from './dataset-index'
import type { DatasetIndex } from './dataset-index'
import { searchHit } from './profile'
import { ageRangeBands, audienceLocationShare, share } from './audience-filter'
import { buildPredicate, intervalMonths, relevanceScore } from './search-filter'
import type { SearchBody } from './search-schema'
import { namedCreators, searchTotal } from './search-scope'

export interface SearchOutcome {
  total: number
  hits: SandboxCreator[]
  body: Record<string, unknown>
}

/** Filters, orders and pages one platform's creators for a validated search body. */
export function runSearch(
  index: DatasetIndex,
  platform: Platform,
  body: SearchBody,
): SearchOutcome {
  const predicate = buildPredicate(index, platform, body.filter?.influencer, body.filter?.audience)
  const matches = index.creators(platform).filter(predicate)
  const key = sortKey(index, platform, body)
  const sign = body.sort?.direction === 'asc' ? 1 : -1
  const keyed = matches.map((c) => ({ c, k: key(c) }))
  // Ties fall back to followers (desc) then userId, so every page boundary is stable.
  keyed.sort(
    (a, b) =>
      sign * (a.k - b.k) ||
      b.c.followers - a.c.followers ||
      (a.c.userId < b.c.userId ? -1 : a.c.userId > b.c.userId ? 1 : 0),
  )
  // The accounts a `relevance` filter names come first, whatever the sort, as Modash's directs.
  const named = namedCreators(index, platform, body)
  const ordered = [
    ...keyed.filter((x) => named.has(x.c)),
    ...keyed.filter((x) => !named.has(x.c)),
  ].map((x) => x.c)
  const page = body.page ?? 0
  const hits = ordered.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
  const { total, isExactMatch } = searchTotal(platform, body, matches.length)
  return {
    total,
    hits,
    // Key order as in the recorded live body; no `match` object, which the live API omits.
    body: {
      error: false,
      total,
      directs: hits.filter((c) => named.has(c)).map(searchHit),
      lookalikes: hits.filter((c) => !named.has(c)).map(searchHit),
      isExactMatch,
    },
  }
}

function sortKey(
  index: DatasetIndex,
  platform: Platform,
  body: SearchBody,
): (c: SandboxCreator) => number {
  const inf = body.filter?.influencer
  const aud = body.filter?.audience
  const value = body.sort?.value ?? 0
  switch (body.sort?.field ?? 'followers') {
    case 'followers':
      return (c) => c.followers
    case 'engagements':
      return (c) => c.engagements
    case 'engagementRate':
      return (c) => c.engagementRate
    case 'reelsPlays':
      return (c) => c.avgReelsPlays ?? c.averageViews ?? 0
    case 'keywords': {
      const phrase = ` ${words(inf?.keywords ?? '').join(' ')} `
      return (c) =>
        c.recentPosts.filter((p) => ` ${words(p.text).join(' ')} `.includes(phrase)).length
    }
    case 'relevance':
      return (c) => relevanceScore(index, platform, inf?.relevance ?? [], c)
    case 'audienceRelevance':
      return (c) => relevanceScore(index, platform, inf?.audienceRelevance ?? [], c)
    case 'followersGrowth': {
      const months = intervalMonths(inf?.followersGrowthRate?.interval ?? 'i1month')
      return (c) => growthOver(c.followersGrowth, months)
    }
    case 'audienceGeo':
      return (c) => audienceLocationShare(index, c, value)
    case 'audienceLang':
      return (c) => share(c.audience.languages, aud?.language?.id ?? '')
    case 'audienceGender':
      return (c) => share(c.audience.genders, aud?.gender?.id ?? '')
    case 'audienceAge': {
      const bands = aud?.age?.map((a) => a.id) ?? ageRangeBands(aud?.ageRange ?? {})
      return (c) => bands.reduce((sum, b) => sum + share(c.audience.ages, b), 0)
    }
    case 'audienceInterest':
      return (c) => c.audience.interests.find((i) => i.id === value)?.weight ?? 0
  }
}
