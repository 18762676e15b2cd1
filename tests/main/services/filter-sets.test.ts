import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { loadFilterSets } from '../../../src/main/services/facts/filter-sets'
import { storePage } from '../../../src/main/services/search-cache'
import { openTestDb } from '../../helpers/open-test-db'

type Db = Awaited<ReturnType<typeof openTestDb>>
let t: Db
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => {
  await t.cleanup()
})

const AT = '2026-11-01T00:00:00.000Z'

async function creators(n: number): Promise<number[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    platform: 'instagram',
    provider_id: `p${i}`,
    handle: `h${i}`,
    has_basic_profile: 1,
    has_detailed_profile: 0,
    email_found: 0,
    basic_fetched_at: AT,
    created_at: AT,
    updated_at: AT,
  }))
  const out = await t.opened.db.insertInto('creators').values(rows).returning('id').execute()
  return out.map((r) => r.id)
}

async function boughtSearch(hash: string, creatorIds: number[]): Promise<void> {
  await t.opened.db
    .insertInto('search_filter_sets')
    .values({
      platform: 'instagram',
      filters_hash: hash,
      filters_json: JSON.stringify({ influencer: { language: 'en' } }),
    })
    .execute()
  await storePage(t.opened.db, {
    platform: 'instagram',
    filtersHash: hash,
    page: 0,
    total: creatorIds.length,
    isExactMatch: true,
    fetchedAt: AT,
    creatorIds,
  })
}

const summary = async () =>
  (await loadFilterSets(t.opened.db, 'instagram')).map((s) => ({
    hash: s.hash,
    results: s.results,
    complete: s.complete,
  }))

describe('bought searches, as offline answers read them', () => {
  it('are read once and kept while nothing they come from is written', async () => {
    const ids = await creators(3)
    await boughtSearch('a', ids)
    const first = await loadFilterSets(t.opened.db, 'instagram')
    expect(first.map((s) => s.hash)).toEqual(['a'])
    // A search row (not a bought page) changes nothing they come from: the same list comes back.
    await t.opened.db.insertInto('settings').values({ key: 'unrelated', value_json: '1' }).execute()
    expect(await loadFilterSets(t.opened.db, 'instagram')).toBe(first)
    expect(first[0]?.terms.map((term) => term.key)).toEqual(['influencer.language'])
  })

  it('are read again after a page is bought, re-bought, or loses a creator', async () => {
    const ids = await creators(4)
    await boughtSearch('a', ids.slice(0, 3))
    expect(await summary()).toEqual([{ hash: 'a', results: 3, complete: true }])

    await boughtSearch('b', ids.slice(3))
    expect((await summary()).map((s) => s.hash).sort()).toEqual(['a', 'b'])

    // Re-bought with fewer creators: the page and its results are replaced.
    await storePage(t.opened.db, {
      platform: 'instagram',
      filtersHash: 'a',
      page: 0,
      total: 2,
      isExactMatch: true,
      fetchedAt: AT,
      creatorIds: ids.slice(0, 2),
    })
    expect((await summary()).find((s) => s.hash === 'a')).toEqual({
      hash: 'a',
      results: 2,
      complete: true,
    })

    // A creator removed takes its place on the page with it: the search no longer holds every
    // creator Modash listed, so it is not complete any more.
    await t.opened.db
      .deleteFrom('creators')
      .where('id', '=', ids[0] as number)
      .execute()
    expect((await summary()).find((s) => s.hash === 'a')).toEqual({
      hash: 'a',
      results: 1,
      complete: false,
    })
  })

  it('see what another connection to the same file wrote', async () => {
    const ids = await creators(2)
    await boughtSearch('a', ids)
    expect(await summary()).toHaveLength(1)
    const other = new BetterSqlite3(`${t.dir}/${DATABASE_FILE}`)
    try {
      other.prepare('DELETE FROM search_pages').run()
    } finally {
      other.close()
    }
    expect(await summary()).toEqual([])
  })

  it('never keep what a transaction read for the database outside it', async () => {
    const ids = await creators(2)
    expect(await summary()).toEqual([])
    await expect(
      t.opened.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('search_filter_sets')
          .values({ platform: 'instagram', filters_hash: 'x', filters_json: '{}' })
          .execute()
        await storePage(trx, {
          platform: 'instagram',
          filtersHash: 'x',
          page: 0,
          total: 2,
          fetchedAt: AT,
          creatorIds: ids,
        })
        expect((await loadFilterSets(trx, 'instagram')).map((s) => s.hash)).toEqual(['x'])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    // The same writes, committed this time, move the counter to where the rolled-back ones had
    // it: only a list read by this handle may be kept for it, never the transaction's.
    await boughtSearch('y', ids)
    expect((await summary()).map((s) => s.hash)).toEqual(['y'])
  })
})
