import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { OfflineApplier } from './offline-appliers'
import type { TeamClient } from './team-client'

/** Where the laptop keeps its place in the team's change feed: a row of its `settings` table. */
export function cursorKey(teamId: string | null): string {
  return teamId === null ? 'team.pullCursor' : `team.pullCursor.${teamId}`
}

export interface SyncResult {
  applied: number
  /** Already in this laptop's copy (its own purchases, or pulled before). */
  skipped: number
  /** Kept as bought, but no applier could read the body. */
  unreadable: number
  cursor: string
}

/**
 * Pulls what the team bought into the laptop's SQLite file, incrementally, until it has caught
 * up. Each page is applied in one SQLite transaction together with the new cursor, so a crash
 * or a lost connection never skips a purchase nor applies one twice (a purchase already in the
 * `purchases` table, by id, is skipped). Afterwards everything the team knows is served from
 * the laptop, offline too. The cursor is kept per team database (`teamId`), so joining another
 * team starts afresh.
 */
export async function syncOfflineCopy(args: {
  client: TeamClient
  db: Kysely<Database>
  appliers: readonly OfflineApplier[]
  teamId?: string | null
  pageSize?: number
  now?: () => Date
}): Promise<SyncResult> {
  const key = cursorKey(args.teamId ?? null)
  const now = args.now ?? (() => new Date())
  const stored = await args.db
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', key)
    .executeTakeFirst()
  let cursor = stored === undefined ? null : (JSON.parse(stored.value_json) as string)
  const result: SyncResult = { applied: 0, skipped: 0, unreadable: 0, cursor: cursor ?? '' }
  for (;;) {
    const page = await args.client.pull(cursor, { limit: args.pageSize ?? 200 })
    await args.db.transaction().execute(async (trx) => {
      for (const { purchase } of page.changes) {
        const known = await trx
          .selectFrom('purchases')
          .select('id')
          .where('id', '=', purchase.id)
          .executeTakeFirst()
        if (known !== undefined) {
          result.skipped += 1
          continue
        }
        const applier = args.appliers.find((a) => a.kind === purchase.kind)
        const ok = applier === undefined ? false : await applier.apply(trx, purchase)
        if (ok) result.applied += 1
        else result.unreadable += 1
        await trx
          .insertInto('purchases')
          .values({
            id: purchase.id,
            purchase_key: purchase.key,
            kind: purchase.kind,
            provider: purchase.provider,
            context_json: JSON.stringify(purchase.context),
            response_json: purchase.raw === undefined ? null : JSON.stringify(purchase.raw),
            units: purchase.units,
            millicredits: purchase.milliCredits,
            http_status: purchase.httpStatus,
            bought_at: purchase.boughtAt,
            stored_at: now().toISOString(),
          })
          .execute()
      }
      await trx
        .insertInto('settings')
        .values({ key, value_json: JSON.stringify(page.cursor) })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({ value_json: JSON.stringify(page.cursor) }),
        )
        .execute()
    })
    cursor = page.cursor
    result.cursor = page.cursor
    if (!page.more) return result
  }
}
