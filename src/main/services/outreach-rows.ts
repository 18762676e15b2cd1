import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { OutreachRow } from '../../shared/domain'
import type { Platform } from '../../shared/platforms'
import type { Database } from '../db/schema'
import { readRows } from '../db/statement-cache'
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
        // Instagram profiles carry no average views: a report's reels plays (or its stats) are
        // the figure a brief asks for. Read only where the column is empty and a report exists.
        sql<number | null>`CASE WHEN c.average_views IS NULL AND c.detailed_profile_json IS NOT NULL
          THEN coalesce(
            nullif(json_extract(c.detailed_profile_json, '$.avgReelsPlays'), 0),
            json_extract(c.detailed_profile_json, '$.avgViews'),
            json_extract(c.detailed_profile_json, '$.stats.avgViews.value'))
          END`.as('report_views'),
      ])
      .select((eb) =>
        eb
          // The lists lead: each (list, creator) pair is one primary-key lookup, where
          // list_members has no index by creator to start from.
          .selectFrom('lists as l')
          .crossJoin('list_members as lm')
          .select((e) => e.fn<string>('json_group_array', [e.ref('l.name')]).as('names'))
          .whereRef('lm.list_id', '=', 'l.id')
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
      // One parameter, so the statement is the same for every window and stays prepared.
      q = q.where(sql<boolean>`c.id IN (SELECT value FROM json_each(${JSON.stringify(window)}))`)
    }
    // Rows as arrays, each field read by name (`readRows`): an export reads every creator.
    const { rows, get: field } = await readRows<
      Awaited<ReturnType<typeof q.execute>>[number] & {
        notes?: string
        tags_json?: string
        status?: string
      }
    >(db, q)
    if (rows.length === 0) {
      // A window of ids may hold only creators no longer cached; the next window may not.
      if (ids === null) return
      continue
    }
    for (const r of rows) {
      const reportAt = field(r, 'detailed_profile_fetched_at')
      const emailFound = field(r, 'email_found') === 1
      const listNames = field(r, 'list_names')
      const tagsJson = field(r, 'tags_json')
      yield {
        creatorId: field(r, 'id'),
        platform: field(r, 'platform') as Platform,
        handle: field(r, 'handle'),
        profileUrl: field(r, 'profile_url'),
        fullName: field(r, 'full_name'),
        followers: field(r, 'followers'),
        engagementRate: field(r, 'engagement_rate'),
        averageViews: field(r, 'average_views') ?? viewsFigure(field(r, 'report_views')),
        credibility: field(r, 'credibility'),
        topCountry: field(r, 'top_country'),
        topCountryShare: field(r, 'top_country_share'),
        email: emailFound ? field(r, 'email') : null,
        emailSource: emailFound ? field(r, 'email_source') : null,
        emailFoundAt: emailFound ? (field(r, 'clay_enriched_at') ?? reportAt) : null,
        reportFetchedAt: reportAt,
        dataAgeDays: ageInDays(reportAt ?? field(r, 'basic_fetched_at'), now),
        lists: listNames && listNames !== '[]' ? (JSON.parse(listNames) as string[]) : [],
        tags: tagsJson ? (JSON.parse(tagsJson) as string[]) : [],
        status: field(r, 'status') ?? null,
        notes: field(r, 'notes') ?? null,
      }
    }
    after = field(rows[rows.length - 1] as unknown[], 'id')
    if (rows.length < CHUNK && ids === null) return
  }
}

/** A figure read from the report's JSON: a finite, non-negative number or nothing. */
function viewsFigure(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}
