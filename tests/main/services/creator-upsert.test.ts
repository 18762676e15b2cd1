import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { upsertBasicProfiles } from '../../../src/main/services/creator-repository'
import type { ModashSearchProfile } from '../../../src/main/providers/modash/schemas'
import { openTestDb } from '../../helpers/open-test-db'

let t: Awaited<ReturnType<typeof openTestDb>>
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => {
  await t.cleanup()
})

const AT = '2026-06-01T00:00:00.000Z'
const LATER = '2026-06-02T00:00:00.000Z'

function profile(userId: string, username: string, extra: Partial<ModashSearchProfile> = {}) {
  return { userId, username, followers: 1000, ...extra } as ModashSearchProfile
}

async function rows() {
  return t.opened.db
    .selectFrom('creators')
    .select([
      'id',
      'provider_id',
      'handle',
      'followers',
      'is_verified',
      'basic_profile_json',
      'basic_fetched_at',
      'created_at',
    ])
    .orderBy('provider_id')
    .execute()
}

describe('upsertBasicProfiles', () => {
  it('writes new creators and returns their ids by provider id', async () => {
    const ids = await upsertBasicProfiles(
      t.opened.db,
      'instagram',
      [profile('a', '@Alice', { isVerified: true }), profile('b', 'bob')],
      AT,
    )
    const stored = await rows()
    expect(stored.map((r) => [r.provider_id, r.handle, r.is_verified])).toEqual([
      ['a', 'alice', 1],
      ['b', 'bob', null],
    ])
    expect(ids).toEqual(new Map(stored.map((r) => [r.provider_id, r.id])))
    expect(JSON.parse(stored[0]?.basic_profile_json ?? 'null')).toEqual(
      profile('a', '@Alice', { isVerified: true }),
    )
  })

  it('updates a creator in place, keeping its id and a verified flag the new answer lacks', async () => {
    const first = await upsertBasicProfiles(
      t.opened.db,
      'instagram',
      [profile('a', 'alice', { isVerified: true })],
      AT,
    )
    const again = await upsertBasicProfiles(
      t.opened.db,
      'instagram',
      [profile('a', 'alice', { followers: 2000 })],
      LATER,
    )
    expect(again.get('a')).toBe(first.get('a'))
    const [row] = await rows()
    expect(row).toMatchObject({
      followers: 2000,
      is_verified: 1,
      basic_fetched_at: LATER,
      created_at: AT,
    })
  })

  it('moves a handle to the account Modash now reports it on (a rename)', async () => {
    await upsertBasicProfiles(t.opened.db, 'instagram', [profile('old', 'star')], AT)
    await upsertBasicProfiles(t.opened.db, 'instagram', [profile('new', 'star')], LATER)
    expect((await rows()).map((r) => [r.provider_id, r.handle])).toEqual([
      ['new', 'star'],
      ['old', null],
    ])
  })

  it('swaps handles between two accounts in one answer', async () => {
    await upsertBasicProfiles(t.opened.db, 'tiktok', [profile('a', 'one'), profile('b', 'two')], AT)
    await upsertBasicProfiles(
      t.opened.db,
      'tiktok',
      [profile('a', 'two'), profile('b', 'one')],
      LATER,
    )
    expect((await rows()).map((r) => [r.provider_id, r.handle])).toEqual([
      ['a', 'two'],
      ['b', 'one'],
    ])
  })

  it('gives a handle claimed twice in one answer to the later claim', async () => {
    await upsertBasicProfiles(
      t.opened.db,
      'youtube',
      [profile('a', 'same'), profile('b', 'same')],
      AT,
    )
    expect((await rows()).map((r) => [r.provider_id, r.handle])).toEqual([
      ['a', null],
      ['b', 'same'],
    ])
  })

  it('writes a creator listed twice in one answer once, with its later values', async () => {
    const ids = await upsertBasicProfiles(
      t.opened.db,
      'instagram',
      [profile('a', 'alice', { followers: 1 }), profile('a', 'alice', { followers: 2 })],
      AT,
    )
    expect(ids.size).toBe(1)
    expect((await rows()).map((r) => r.followers)).toEqual([2])
  })

  it('returns the right ids whatever row the connection inserted last', async () => {
    const first = await upsertBasicProfiles(t.opened.db, 'instagram', [profile('a', 'alice')], AT)
    const a = first.get('a') as number
    // Another table's last insert carries the rowid the next creator will get.
    t.opened.sqlite
      .prepare('INSERT INTO settings (rowid, key, value_json) VALUES (?, ?, ?)')
      .run(a + 1, 'probe', '1')
    const ids = await upsertBasicProfiles(
      t.opened.db,
      'instagram',
      [profile('b', 'bob'), profile('a', 'alice', { followers: 5 }), profile('c', 'carol')],
      LATER,
    )
    const stored = await rows()
    expect(ids).toEqual(new Map(stored.map((r) => [r.provider_id, r.id])))
    expect(ids.get('a')).toBe(a)
    expect(ids.get('b')).toBe(a + 1)
  })

  it('keeps handles per platform', async () => {
    await upsertBasicProfiles(t.opened.db, 'instagram', [profile('a', 'same')], AT)
    await upsertBasicProfiles(t.opened.db, 'tiktok', [profile('b', 'same')], AT)
    expect((await rows()).map((r) => r.handle)).toEqual(['same', 'same'])
  })

  it('writes large imports, renames included, in one transaction', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => profile(`u${i}`, `h${i}`))
    await t.opened.db
      .transaction()
      .execute((trx) => upsertBasicProfiles(trx, 'instagram', many, AT))
    // Every tenth creator takes the handle of the next one, which moves on to a new one: the
    // handle is still taken when the first is written.
    const renamed = many.map((p, i) =>
      i % 10 === 0
        ? { ...p, username: `h${i + 1}` }
        : i % 10 === 1
          ? { ...p, username: `y${i}` }
          : p,
    )
    const ids = await t.opened.db
      .transaction()
      .execute((trx) => upsertBasicProfiles(trx, 'instagram', renamed, LATER))
    expect(ids.size).toBe(2500)
    const stored = await rows()
    expect(stored).toHaveLength(2500)
    const byId = new Map(stored.map((r) => [r.provider_id, r.handle]))
    expect(byId.get('u0')).toBe('h1')
    expect(byId.get('u1')).toBe('y1')
    expect(byId.get('u2')).toBe('h2')
    expect(byId.get('u2490')).toBe('h2491')
  })

  it('writes nothing when the transaction around it rolls back', async () => {
    await expect(
      t.opened.db.transaction().execute(async (trx) => {
        await upsertBasicProfiles(trx, 'instagram', [profile('a', 'alice')], AT)
        throw new Error('abandoned')
      }),
    ).rejects.toThrow('abandoned')
    expect(await rows()).toEqual([])
  })
})
