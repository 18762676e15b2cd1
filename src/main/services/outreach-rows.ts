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
    // Rows as arrays, each field read at its column's position (`readRows`): an export reads
    // every creator.
    type Row = Awaited<ReturnType<typeof q.execute>>[number] & {
      notes?: string
      tags_json?: string
      status?: string
    }
    const { rows, at } = await readRows<Row>(db, q)
    if (rows.length === 0) {
      // A window of ids may hold only creators no longer cached; the next window may not.
      if (ids === null) return
      continue
    }
    for (const r of rows) {
      const reportAt = r[at.detailed_profile_fetched_at] as Row['detailed_profile_fetched_at']
      const found = r[at.email_found] === 1
      const listNames = r[at.list_names] as Row['list_names']
      const tagsJson = r[at.tags_json] as Row['tags_json']
      yield {
        creatorId: r[at.id] as Row['id'],
        platform: r[at.platform] as Platform,
        handle: r[at.handle] as Row['handle'],
        profileUrl: r[at.profile_url] as Row['profile_url'],
        fullName: r[at.full_name] as Row['full_name'],
        followers: r[at.followers] as Row['followers'],
        engagementRate: r[at.engagement_rate] as Row['engagement_rate'],
        averageViews:
          (r[at.average_views] as Row['average_views']) ?? viewsFigure(r[at.report_views]),
        credibility: r[at.credibility] as Row['credibility'],
        topCountry: r[at.top_country] as Row['top_country'],
        topCountryShare: r[at.top_country_share] as Row['top_country_share'],
        email: found ? (r[at.email] as Row['email']) : null,
        emailSource: found ? (r[at.email_source] as Row['email_source']) : null,
        emailFoundAt: found
          ? ((r[at.clay_enriched_at] as Row['clay_enriched_at']) ?? reportAt)
          : null,
        reportFetchedAt: reportAt,
        dataAgeDays: ageInDays(
          reportAt ?? (r[at.basic_fetched_at] as Row['basic_fetched_at']),
          now,
        ),
        lists: listNames && listNames !== '[]' ? (JSON.parse(listNames) as string[]) : [],
        tags: tagsJson ? (JSON.parse(tagsJson) as string[]) : [],
        status: (r[at.status] as Row['status']) ?? null,
        notes: (r[at.notes] as Row['notes']) ?? null,
      }
    }
    after = (rows[rows.length - 1] as unknown[])[at.id] as Row['id']
    if (rows.length < CHUNK && ids === null) return
  }
}

/** A figure read from the report's JSON: a finite, non-negative number or nothing. */
function viewsFigure(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}
