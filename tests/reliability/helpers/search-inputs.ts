import type { ChannelInput } from '../../../src/shared/ipc-contract'
import { PLATFORMS } from '../../../src/shared/platforms'
import { shuffle } from './random'

type SearchInput = ChannelInput<'creators:search'>

/**
 * Search inputs that are all different searches (different cache keys), so each one is a paid
 * request until its page is bought. Handed out in a seeded random order.
 */
export function uncachedSearches(random: () => number): () => SearchInput {
  const all: SearchInput[] = []
  for (const calculationMethod of ['median', 'average'] as const)
    for (const engagementRate of [undefined, 0.01, 0.02])
      for (const lastposted of [undefined, 3650, 730, 365, 180, 90])
        for (const field of ['followers', 'engagements', 'engagementRate'] as const)
          for (const direction of ['desc', 'asc'] as const)
            for (let page = 0; page < 20; page++)
              for (const platform of PLATFORMS) {
                const influencer = {
                  ...(engagementRate === undefined ? {} : { engagementRate }),
                  ...(lastposted === undefined ? {} : { lastposted }),
                }
                all.push({
                  platform,
                  page,
                  filters: { influencer, sort: { field, direction }, calculationMethod },
                })
              }
  const order = shuffle(random, all)
  let next = 0
  return () => {
    const input = order[next++]
    if (input === undefined) throw new RangeError('ran out of distinct searches')
    return input
  }
}
