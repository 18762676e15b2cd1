import type BetterSqlite3 from 'better-sqlite3'
import type { ModashSearchProfile } from '../../src/main/providers/modash/schemas'
import type { Platform } from '../../src/shared/platforms'

export interface Profiled {
  platform: Platform
  profile: ModashSearchProfile
}

export interface Rate {
  rows: number
  ms: number
  perSecond: number
}

export function rate(rows: number, ms: number): Rate {
  return { rows, ms, perSecond: (rows * 1000) / ms }
}

/**
 * The floor for writing search profiles: per row, one prepared statement freeing the handle
 * from any other account and one prepared upsert, all in one transaction. Same rows, same
 * handle rule as the app, no query building; the statements are prepared once per connection
 * and kept, as the app keeps its own.
 */
export function floorUpsert(sqlite: BetterSqlite3.Database, items: Profiled[], at: string): Rate {
  const { release, upsert } = statementsOf(sqlite)
  const start = performance.now()
  sqlite.transaction(() => {
    for (const { platform, profile: p } of items) {
      const handle = p.username?.toLowerCase() ?? null
      if (handle !== null) release.run(platform, handle, p.userId)
      upsert.run(
        platform,
        p.userId,
        handle,
        p.fullname ?? null,
        p.url ?? null,
        p.picture ?? null,
        p.followers ?? null,
        p.engagements ?? null,
        p.engagementRate ?? null,
        p.averageViews ?? null,
        p.isVerified == null ? null : p.isVerified ? 1 : 0,
        JSON.stringify(p),
        at,
        at,
        at,
      )
    }
  })()
  return rate(items.length, performance.now() - start)
}

const kept = new WeakMap<
  BetterSqlite3.Database,
  { release: BetterSqlite3.Statement; upsert: BetterSqlite3.Statement }
>()

function statementsOf(sqlite: BetterSqlite3.Database) {
  let statements = kept.get(sqlite)
  if (statements === undefined) {
    statements = {
      release: sqlite.prepare(
        'UPDATE creators SET handle = NULL WHERE platform = ? AND handle = ? AND provider_id <> ?',
      ),
      upsert: sqlite.prepare(UPSERT),
    }
    kept.set(sqlite, statements)
  }
  return statements
}

const UPSERT = `
  INSERT INTO creators (platform, provider_id, handle, full_name, profile_url, picture_url,
    followers, engagements, engagement_rate, average_views, is_verified, basic_profile_json,
    has_basic_profile, has_detailed_profile, basic_fetched_at, email_found, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, 0, ?, ?)
  ON CONFLICT (platform, provider_id) DO UPDATE SET
    handle = excluded.handle, full_name = excluded.full_name,
    profile_url = excluded.profile_url, picture_url = excluded.picture_url,
    followers = excluded.followers, engagements = excluded.engagements,
    engagement_rate = excluded.engagement_rate, average_views = excluded.average_views,
    is_verified = coalesce(excluded.is_verified, creators.is_verified),
    basic_profile_json = excluded.basic_profile_json, has_basic_profile = 1,
    basic_fetched_at = excluded.basic_fetched_at, updated_at = excluded.updated_at`
