import type { Rng } from './prng'
import type { SandboxCreator } from './types'

/**
 * Share of creators Modash has no location for. A recorded live report had neither `city` nor
 * `country` (`docs/providers.md` §1.13), so the app must cope with that; a tenth is enough to meet it
 * on most result pages.
 */
export const UNKNOWN_LOCATION_SHARE = 0.1

/**
 * Takes the location away from some creators. `rng` is a stream of its own (see
 * `generateDataset`), so adding this did not move any other field of any creator for a seed.
 * The bio may still name a city: people write where they live whatever Modash inferred.
 */
export function withLiveGaps(c: SandboxCreator, rng: Rng): SandboxCreator {
  if (!rng.chance(UNKNOWN_LOCATION_SHARE)) return c
  return { ...c, country: null, city: null, cityId: null, state: null }
}

/** The channel link an Instagram creator with a YouTube channel shows Modash. */
export function youtubeLinkOf(username: string, hasYouTube: boolean): string | null {
  return hasYouTube ? `https://www.youtube.com/@${username.replace(/[^a-z0-9_]/g, '')}` : null
}
