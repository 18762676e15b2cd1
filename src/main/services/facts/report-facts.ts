import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { isRecord } from '../../providers/modash/lenient'
import { captionLine } from './words'

/**
 * What a bought report proves about its creator, in the compact form offline search reads with
 * SQLite's JSON functions (one row per creator in `creator_facts`). The report's main fields
 * (country, language, gender, bio, credibility) stay in `creators` columns, where indexes are;
 * the rest is here. A field the report did not carry is left out, and is then "unknown", never
 * "no": only what the report actually says can make a creator fail a filter.
 */
export interface ReportFacts {
  /** The age band ("25-34"); null when the report says none (a brand page). */
  age?: string | null
  /** 1 regular, 2 business, 3 creator. */
  accountType?: number
  /** Contact types Modash lists (email, youtube, …). */
  contacts?: string[]
  interests?: number[]
  brands?: number[]
  hashtags?: string[]
  mentions?: string[]
  /** The recent posts' captions as one padded line of words (see `captionLine`). */
  captions?: string
  /** The newest post's date. */
  lastPostAt?: string
  /** Follower growth over n months, as the interval [lo, hi] the monthly history allows. */
  growth?: Record<string, [number, number]>
  reelsPlays?: number
  /** Whether the report lists any sponsored post. */
  sponsored?: boolean
  aud?: AudienceFacts
}

/** Audience shares by code (interests by lower-case name, as reports name them). */
export interface AudienceFacts {
  countries: Record<string, number>
  languages: Record<string, number>
  genders: Record<string, number>
  ages: Record<string, number>
  interests: Record<string, number>
  /**
   * The smallest share each list holds. A report lists the top entries: one it leaves out has
   * at most this share, so it is known to miss a weight above it.
   */
  min: Partial<Record<AudienceList, number>>
}
export type AudienceList = 'countries' | 'languages' | 'genders' | 'ages' | 'interests'

const ACCOUNT_TYPES: Record<string, number> = { regular: 1, business: 2, creator: 3 }

export function reportFacts(profile: unknown): ReportFacts {
  const p = isRecord(profile) ? profile : {}
  const facts: ReportFacts = {}
  if ('ageGroup' in p) facts.age = typeof p.ageGroup === 'string' ? p.ageGroup : null
  const account = accountType(p.accountType)
  if (account !== null) facts.accountType = account
  if (Array.isArray(p.contacts)) facts.contacts = strings(p.contacts.map((c) => field(c, 'type')))
  if (Array.isArray(p.interests)) facts.interests = ids(p.interests)
  if (Array.isArray(p.brandAffinity)) facts.brands = ids(p.brandAffinity)
  if (Array.isArray(p.hashtags)) facts.hashtags = strings(p.hashtags.map((h) => field(h, 'tag')))
  if (Array.isArray(p.mentions)) facts.mentions = strings(p.mentions.map((h) => field(h, 'tag')))
  const posts = [p.recentPosts, p.popularPosts, p.sponsoredPosts].flatMap((list) =>
    Array.isArray(list) ? list.filter(isRecord) : [],
  )
  if (Array.isArray(p.recentPosts))
    facts.captions = captionLine(strings(p.recentPosts.map((post) => field(post, 'text'))))
  const newest = newestDate(posts.map((post) => post.created))
  if (newest !== null) facts.lastPostAt = newest
  const growth = growthIntervals(p.statHistory)
  if (growth !== null) facts.growth = growth
  if (typeof p.avgReelsPlays === 'number' && Number.isFinite(p.avgReelsPlays))
    facts.reelsPlays = p.avgReelsPlays
  if (Array.isArray(p.sponsoredPosts)) facts.sponsored = p.sponsoredPosts.length > 0
  if (isRecord(p.audience)) facts.aud = audienceFacts(p.audience)
  return facts
}

function audienceFacts(a: Record<string, unknown>): AudienceFacts {
  const out: AudienceFacts = {
    countries: shares(a.geoCountries, 'code'),
    languages: shares(a.languages, 'code'),
    genders: shares(a.genders, 'code'),
    ages: shares(a.ages, 'code'),
    interests: shares(a.interests, 'name', (n) => n.toLowerCase()),
    min: {},
  }
  for (const list of ['countries', 'languages', 'genders', 'ages', 'interests'] as const) {
    const values = Object.values(out[list])
    if (values.length > 0) out.min[list] = Math.min(...values)
  }
  return out
}

function shares(
  list: unknown,
  key: 'code' | 'name',
  norm: (k: string) => string = (k) => k,
): Record<string, number> {
  const out: Record<string, number> = {}
  if (!Array.isArray(list)) return out
  for (const item of list) {
    const k = field(item, key)
    const w = isRecord(item) ? item.weight : undefined
    if (typeof k === 'string' && typeof w === 'number' && Number.isFinite(w)) out[norm(k)] = w
  }
  return out
}

/**
 * Growth over 1..n months from the monthly follower history (oldest first, the current month
 * last). The months' counts are rounded, so growth is known only within the interval they
 * allow; a filter value inside it stays unknown rather than guessed.
 */
function growthIntervals(history: unknown): Record<string, [number, number]> | null {
  if (!Array.isArray(history)) return null
  const months = history
    .filter(isRecord)
    .filter((m) => typeof m.month === 'string' && typeof m.followers === 'number')
    .sort((a, b) => String(a.month).localeCompare(String(b.month)))
  const now = months.at(-1)?.followers as number | undefined
  if (now === undefined || !(now > 0)) return null
  const out: Record<string, [number, number]> = {}
  for (let m = 1; m <= 6; m++) {
    const then = months.at(-1 - m)?.followers as number | undefined
    if (then === undefined || !(then > 0.5)) continue
    // Rounding to 6 decimals where Modash computes the rate, and float error, widen it a hair.
    out[String(m)] = [now / (then + 0.5) - 1 - 1e-6, now / (then - 0.5) - 1 + 1e-6]
  }
  return Object.keys(out).length > 0 ? out : null
}

function accountType(value: unknown): number | null {
  if (typeof value === 'number' && [1, 2, 3].includes(value)) return value
  if (typeof value === 'string') return ACCOUNT_TYPES[value.toLowerCase()] ?? null
  return null
}

function newestDate(values: unknown[]): string | null {
  const times = values
    .filter((v): v is string => typeof v === 'string')
    .map((v) => Date.parse(v))
    .filter((t) => Number.isFinite(t))
  return times.length === 0 ? null : new Date(Math.max(...times)).toISOString()
}

function field(item: unknown, key: string): unknown {
  return isRecord(item) ? item[key] : undefined
}

function strings(values: unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))]
}

function ids(list: unknown[]): number[] {
  const out = list
    .map((item) => field(item, 'id'))
    .map((id) => (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id))
    .filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id))
  return [...new Set(out)]
}

/** Named dictionary entries a report carries (its interests and brands), for offline names. */
export function reportDictionaryEntries(
  profile: unknown,
): { kind: 'interests' | 'brands'; id: string; name: string }[] {
  const p = isRecord(profile) ? profile : {}
  const out: { kind: 'interests' | 'brands'; id: string; name: string }[] = []
  for (const [kind, list] of [
    ['interests', p.interests],
    ['brands', p.brandAffinity],
  ] as const) {
    if (!Array.isArray(list)) continue
    for (const item of list) {
      const id = field(item, 'id')
      const name = field(item, 'name')
      if ((typeof id === 'number' || typeof id === 'string') && typeof name === 'string')
        out.push({ kind, id: String(id), name })
    }
  }
  return out
}

/** Writes (or replaces) a creator's report facts; called wherever a report is stored. */
export async function storeReportFacts(
  db: Kysely<Database>,
  creatorId: number,
  profile: unknown,
  fetchedAt: string,
): Promise<void> {
  await db
    .insertInto('creator_facts')
    .values({
      creator_id: creatorId,
      facts_json: JSON.stringify(reportFacts(profile)),
      fetched_at: fetchedAt,
    })
    .onConflict((oc) =>
      oc.column('creator_id').doUpdateSet((eb) => ({
        facts_json: eb.ref('excluded.facts_json'),
        fetched_at: eb.ref('excluded.fetched_at'),
      })),
    )
    .execute()
  const entries = reportDictionaryEntries(profile)
  if (entries.length === 0) return
  await db
    .insertInto('dictionary_entries')
    .values(entries.map((e) => ({ ...e, title: null, country_code: null, place_kind: null })))
    .onConflict((oc) => oc.columns(['kind', 'id']).doNothing())
    .execute()
}
