import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import type { ModashUsers } from '../providers/modash/schemas'
import { normaliseHandle } from '../services/handles'

export type LookedUpUser = ModashUsers['users'][number] & { handle?: unknown }

/** The spelling the cache keeps for a users row, as a search hit's would be kept. */
export function lookedUpHandle(user: LookedUpUser): string | null {
  const handle = typeof user.handle === 'string' ? user.handle : null
  return normaliseHandle(user.username ?? handle ?? '')
}

/** Whether a users row is the account a handle names (the lookup also answers prefixes and names). */
export function isExactMatch(
  user: LookedUpUser,
  handle: string,
  kind: 'handle' | 'channel',
): boolean {
  if (kind === 'channel') return user.userId === handle
  const other = typeof user.handle === 'string' ? normaliseHandle(user.handle) : null
  return normaliseHandle(user.username ?? '') === handle || other === handle
}

/**
 * Keeps a creator found by the free handle lookup, so a batch can name it by id and buy its
 * report. Only what the lookup says is written: an account already cached (under another handle,
 * after a rename) keeps everything it had and only takes the handle back; the handle is released
 * from any other account of the platform that still holds it, as a search would.
 */
export async function keepLookedUp(
  db: Kysely<Database>,
  platform: Platform,
  user: LookedUpUser,
  fetchedAt: string,
): Promise<number> {
  const handle = lookedUpHandle(user)
  return db.transaction().execute(async (trx) => {
    if (handle !== null) {
      await trx
        .updateTable('creators')
        .set({ handle: null })
        .where('platform', '=', platform)
        .where('handle', '=', handle)
        .where('provider_id', '<>', user.userId)
        .execute()
    }
    const picture = user.picture ?? user.profile_picture ?? null
    const row = await sql<{ id: number }>`
      INSERT INTO creators (platform, provider_id, handle, full_name, profile_url, picture_url,
        followers, is_verified, basic_profile_json, has_basic_profile, has_detailed_profile,
        basic_fetched_at, email_found, created_at, updated_at)
      VALUES (${platform}, ${user.userId}, ${handle}, ${user.fullname ?? null},
        ${handle === null ? null : profileUrl(platform, handle)}, ${picture},
        ${user.followers == null ? null : Math.round(user.followers)},
        ${user.isVerified == null ? null : user.isVerified ? 1 : 0}, ${JSON.stringify(user)},
        1, 0, ${fetchedAt}, 0, ${fetchedAt}, ${fetchedAt})
      ON CONFLICT (platform, provider_id) DO UPDATE SET
        handle = coalesce(excluded.handle, creators.handle),
        updated_at = excluded.updated_at
      RETURNING id`.execute(trx)
    const id = row.rows[0]?.id
    if (id === undefined) throw new Error('the looked-up creator was not kept')
    return id
  })
}

function profileUrl(platform: Platform, handle: string): string {
  if (platform === 'instagram') return `https://www.instagram.com/${handle}/`
  if (platform === 'tiktok') return `https://www.tiktok.com/@${handle}`
  return `https://www.youtube.com/@${handle}`
}
