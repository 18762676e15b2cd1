import type { Kysely } from 'kysely'
import type { OutreachRow } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import type { Clock } from './clock'
import { ageInDays } from './clock'

/** Rows per database read: memory stays flat however long the export is. */
const CHUNK = 1000

/**
 * Contact data for export, from the cache only, streamed in keyset-paged chunks. For a list, the
 * member's notes, tags and status come along; `lists` names every list the creator is on.
 */
export async function* outreachRows(
  db: Kysely<Database>,
  clock: Clock,
  query: { listId: number } | { creatorIds: number[] },
): AsyncGenerator<OutreachRow> {
  const now = clock.now()
  const listId = 'listId' in query ? query.listId : null
  const ids = 'creatorIds' in query ? [...new Set(query.creatorIds)].sort((a, b) => a - b) : null
  let after = 0
  // With ids: where the next window of them starts (they are sorted, so windows ascend).
  let next = 0
  for (;;) {
    let q = db
      .selectFrom('creators as c')
      .select([
        'c.id',
        'c.platform',
        'c.handle',
        'c.profile_url',
        'c.full_name',
        'c.followers',
        'c.engagement_rate',
        'c.average_views',
        'c.credibility',
        'c.top_country',
        'c.top_country_share',
        'c.email',
        'c.email_found',
        'c.email_source',
        'c.clay_enriched_at',
        'c.detailed_profile_fetched_at',
        'c.basic_fetched_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('list_members as lm')
          .innerJoin('lists as l', 'l.id', 'lm.list_id')
          .select((e) => e.fn<string>('json_group_array', [e.ref('l.name')]).as('names'))
          .whereRef('lm.creator_id', '=', 'c.id')
          .as('list_names'),
      )
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(CHUNK)
    if (listId !== null) {
      q = q
        .innerJoin('list_members as m', (j) =>
          j.onRef('m.creator_id', '=', 'c.id').on('m.list_id', '=', listId),
        )
        .select(['m.notes', 'm.tags_json', 'm.status'])
    }
    if (ids !== null) {
      const window = ids.slice(next, next + CHUNK)
      if (window.length === 0) return
      next += window.length
      q = q.where('c.id', 'in', window)
    }
    const rows = (await q.execute()) as Array<
      Awaited<ReturnType<typeof q.execute>>[number] & {
        notes?: string
        tags_json?: string
        status?: string
      }
    >
    if (rows.length === 0) {
      // A window of ids may hold only creators no longer cached; the next window may not.
      if (ids === null) return
      continue
    }
    for (const r of rows) {
      const reportAt = r.detailed_profile_fetched_at
      yield {
        creatorId: r.id,
        platform: r.platform as Platform,
        handle: r.handle,
        profileUrl: r.profile_url,
        fullName: r.full_name,
        followers: r.followers,
        engagementRate: r.engagement_rate,
        averageViews: r.average_views,
        credibility: r.credibility,
        topCountry: r.top_country,
        topCountryShare: r.top_country_share,
        email: r.email_found === 1 ? r.email : null,
        emailSource: r.email_found === 1 ? r.email_source : null,
        emailFoundAt: r.email_found === 1 ? (r.clay_enriched_at ?? reportAt) : null,
        reportFetchedAt: reportAt,
        dataAgeDays: ageInDays(reportAt ?? r.basic_fetched_at, now),
        lists: r.list_names ? (JSON.parse(r.list_names) as string[]) : [],
        tags: r.tags_json ? (JSON.parse(r.tags_json) as string[]) : [],
        status: r.status ?? null,
        notes: r.notes ?? null,
      }
    }
    after = rows[rows.length - 1]!.id
    if (rows.length < CHUNK && ids === null) return
  }
}
