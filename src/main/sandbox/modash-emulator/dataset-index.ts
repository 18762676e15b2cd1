import { PLATFORMS } from '../../../shared/platforms'
import type { Platform } from '../../../shared/platforms'
import type { SandboxCreator } from '../dataset/generate-dataset'
import { locationsDictionary } from '../dataset/dictionaries'
import type { Location } from '../dataset/dictionaries'

/** Lookups built once per emulator so each request scans only its own platform's creators. */
export class DatasetIndex {
  private readonly byPlatform = new Map<Platform, SandboxCreator[]>()
  private readonly byId = new Map<string, SandboxCreator>()
  private readonly byName = new Map<string, SandboxCreator>()
  readonly locations: Location[] = locationsDictionary()
  private readonly locationById = new Map(this.locations.map((l) => [l.id, l]))
  /** Lowercased word sets of bio + name, and normalised caption text, computed once. */
  readonly bioWords = new Map<SandboxCreator, Set<string>>()
  readonly captions = new Map<SandboxCreator, string>()

  constructor(dataset: readonly SandboxCreator[]) {
    for (const p of PLATFORMS) this.byPlatform.set(p, [])
    for (const c of dataset) {
      this.byPlatform.get(c.platform)?.push(c)
      this.byId.set(key(c.platform, c.userId), c)
      this.byName.set(key(c.platform, c.username), c)
      this.bioWords.set(c, new Set(words(`${c.bio} ${c.fullname}`)))
      this.captions.set(c, ` ${words(c.recentPosts.map((p) => p.text).join(' ')).join(' ')} `)
    }
  }

  creators(platform: Platform): readonly SandboxCreator[] {
    return this.byPlatform.get(platform) ?? []
  }

  /** By id, or by username / handle as TikTok and YouTube clients also send. */
  find(platform: Platform, idOrName: string): SandboxCreator | undefined {
    return (
      this.byId.get(key(platform, idOrName)) ??
      this.byName.get(key(platform, idOrName.replace(/^@/, '').toLowerCase()))
    )
  }

  /** By exact username only (case aside), as a `relevance` `@username` names an account. */
  findByUsername(platform: Platform, username: string): SandboxCreator | undefined {
    return this.byName.get(key(platform, username.toLowerCase()))
  }

  location(id: number): Location | undefined {
    return this.locationById.get(id)
  }
}

function key(platform: Platform, value: string): string {
  return `${platform}:${value}`
}

/** Lowercase words, splitting on anything that is not a letter or digit ("#skincare" → skincare). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}
