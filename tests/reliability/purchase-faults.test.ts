import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { createCore } from '../../src/main/services/create-core'
import type { SearchResult } from '../../src/shared/domain'
import type { SearchFilters } from '../../src/shared/search-filters'
import { startRig } from './helpers/rig'
import type { Rig } from './helpers/rig'

/**
 * The purchase routine under storage faults (issue: money safety). Each case makes the database
 * refuse the write that follows a paid answer, the moment after Modash charged for it, and checks
 * that the user is told in plain words, nothing is bought twice, and the ledger and the audit log
 * end equal to what the emulator charged.
 */

const filters: SearchFilters = { influencer: { followers: { min: 20_000, max: 400_000 } } }
const search = { platform: 'instagram', filters, page: 0 } as const

let rig: Rig | null = null
afterEach(async () => {
  await rig?.close()
  rig = null
})

interface Hook {
  afterAnswer: (() => void | Promise<void>) | null
}

type Clients = { modash: ModashApi; clay: Rig['core']['deps']['clay'] }

/** Runs `hook.afterAnswer` once, right after `call` was answered (and charged). */
async function afterAnswer<T>(hook: Hook, call: Promise<T>): Promise<T> {
  const answer = await call
  const run = hook.afterAnswer
  hook.afterAnswer = null
  await run?.()
  return answer
}

/** The hook runs after the next paid search. */
function hookAfterSearch(hook: Hook) {
  return ({ modash, clay }: Clients): Clients => ({
    clay,
    modash: { ...modash, search: (...args) => afterAnswer(hook, modash.search(...args)) },
  })
}

/** The hook runs after the next Clay run start was accepted. */
function hookAfterClayStart(hook: Hook) {
  return ({ modash, clay }: Clients): Clients => ({
    modash,
    clay: { ...clay, startRun: (...args) => afterAnswer(hook, clay.startRun(...args)) },
  })
}

/**
 * On the core's own connection (the limit is per connection): the file may not grow past what it
 * holds, and its free space is filled, so the next page SQLite needs is SQLITE_FULL, as on a full
 * disk. Synchronous statements through Kysely's single connection, run before the store starts.
 */
async function fillTheDisk(r: Rig): Promise<void> {
  await sql`CREATE TABLE filler (b BLOB)`.execute(r.db)
  const pages = (await sql<{ page_count: number }>`PRAGMA page_count`.execute(r.db)).rows[0]!
  await sql.raw(`PRAGMA max_page_count = ${pages.page_count}`).execute(r.db)
  for (;;) {
    try {
      await sql`INSERT INTO filler VALUES (zeroblob(512))`.execute(r.db)
    } catch {
      return
    }
  }
}

const charged = (r: Rig) => r.modashEmu.calls().reduce((sum, c) => sum + c.costMilliCredits, 0)
const searchCalls = (r: Rig) => r.modashEmu.calls().filter((c) => c.route === 'search').length

async function expectSettledToCharges(r: Rig, results: number) {
  const quota = await r.ok('usage:quota', {})
  expect(quota.meters.find((m) => m.meter === 'discovery')).toMatchObject({
    used: results,
    reserved: 0,
  })
  expect(quota.modashMilliCreditsUsed).toBe(charged(r))
  const log = await r.ok('usage:log', { page: 0, pageSize: 50, action: 'search' })
  const paid = log.rows.filter((row) => row.outcome === 'ok')
  expect(paid).toHaveLength(1)
  expect(paid[0]).toMatchObject({ costUnits: results, costMilliCredits: charged(r) })
}

describe('a storage failure after a paid answer', () => {
  it('database locked by another program: typed error, kept, stored on the next click, never re-bought', async () => {
    const hook: Hook = { afterAnswer: null }
    rig = await startRig({ busyTimeoutMs: 100, wrapClients: hookAfterSearch(hook) })
    const r = rig
    const other = new BetterSqlite3(r.dbPath)
    hook.afterAnswer = () => {
      other.exec('BEGIN IMMEDIATE; CREATE TABLE held_lock (x);')
    }

    const first = await r.call('creators:search', search)
    expect(first.ok).toBe(false)
    if (first.ok) return
    expect(first.error.code).toBe('STORAGE')
    expect(first.error.details).toMatchObject({ storage: 'locked', charged: 15, kept: true })
    expect(first.error.message).toMatch(/locked by another program/)
    expect(first.error.message).not.toMatch(/rollback/i)
    expect(charged(r)).toBe(150)

    // Still locked: asking again must not buy the same page again.
    const whileLocked = await r.call('creators:search', search)
    expect(whileLocked.ok).toBe(false)
    expect(searchCalls(r)).toBe(1)

    other.exec('ROLLBACK')
    other.close()
    const again: SearchResult = await r.ok('creators:search', search)
    expect(again).toMatchObject({ source: 'cache', resultsCharged: 0 })
    expect(again.creators).toHaveLength(15)
    expect(searchCalls(r)).toBe(1)
    await expectSettledToCharges(r, 15)
    expect(r.unexpected).toEqual([])
  })

  it('disk full: typed error, and the page is stored once the disk has room', async () => {
    const hook: Hook = { afterAnswer: null }
    rig = await startRig({ wrapClients: hookAfterSearch(hook) })
    const r = rig
    // The file may not grow past what it holds, and its free space is filled: the next page
    // SQLite needs is SQLITE_FULL, exactly as on a full disk.
    hook.afterAnswer = () => fillTheDisk(r)

    const first = await r.call('creators:search', search)
    expect(first.ok).toBe(false)
    if (first.ok) return
    expect(first.error.code).toBe('STORAGE')
    expect(first.error.details).toMatchObject({ storage: 'full', charged: 15 })
    expect(first.error.message).toMatch(/disk is full/)

    await sql`DROP TABLE filler`.execute(r.db)
    await sql`PRAGMA max_page_count = 1073741823`.execute(r.db)
    const again: SearchResult = await r.ok('creators:search', search)
    expect(again).toMatchObject({ source: 'cache', resultsCharged: 0 })
    expect(searchCalls(r)).toBe(1)
    await expectSettledToCharges(r, 15)
    expect(r.unexpected).toEqual([])
  })

  it('a restart with the answer still in the journal stores it and settles to the real charge', async () => {
    const hook: Hook = { afterAnswer: null }
    rig = await startRig({ busyTimeoutMs: 100, wrapClients: hookAfterSearch(hook) })
    const r = rig
    const other = new BetterSqlite3(r.dbPath)
    hook.afterAnswer = () => {
      other.exec('BEGIN IMMEDIATE; CREATE TABLE held_lock (x);')
    }
    const first = await r.call('creators:search', search)
    expect(first.ok).toBe(false)
    other.exec('ROLLBACK')
    other.close()

    // A second app on the same data folder stands in for the next start.
    const next = await createCore({
      dataDir: r.dataDir,
      clock: r.clock,
      modash: r.core.deps.modash,
      clay: r.core.deps.clay,
      clayRoutineId: () => null,
      defaultUserId: 'tester',
    })
    try {
      const quota = await next.usage.quota()
      expect(quota.meters.find((m) => m.meter === 'discovery')).toMatchObject({
        used: 15,
        reserved: 0,
      })
      // Settled to the real charge, not counted again at the worst case by recovery.
      expect(quota.modashMilliCreditsUsed).toBe(charged(r))
      const page = await next.creators.search(search)
      expect(page).toMatchObject({ source: 'cache', resultsCharged: 0 })
      expect(searchCalls(r)).toBe(1)
      const kept = await next.deps.db.selectFrom('purchases').selectAll().execute()
      expect(kept).toHaveLength(1)
      expect(JSON.parse(kept[0]!.response_json!) as unknown).toMatchObject({
        lookalikes: expect.any(Array) as unknown,
      })
    } finally {
      await next.close()
    }
  })

  it('an email lookup started while the database is locked is resumed, never started again', async () => {
    const hook: Hook = { afterAnswer: null }
    rig = await startRig({ busyTimeoutMs: 100, wrapClients: hookAfterClayStart(hook) })
    const r = rig
    const page: SearchResult = await r.ok('creators:search', search)
    const creatorId = page.creators[0]!.id
    await r.ok('creators:select', { creatorId })
    const other = new BetterSqlite3(r.dbPath)
    hook.afterAnswer = () => {
      other.exec('BEGIN IMMEDIATE; CREATE TABLE held_lock (x);')
    }
    const first = await r.call('creators:enrich', { creatorId })
    expect(first.ok).toBe(false)
    if (first.ok) return
    expect(first.error).toMatchObject({ code: 'STORAGE', details: { storage: 'locked' } })
    expect(r.clayEmu.runs()).toHaveLength(1)

    other.exec('ROLLBACK')
    other.close()
    const again = await r.ok('creators:enrich', { creatorId })
    expect(again.enrichmentsCharged).toBe(0)
    expect(r.clayEmu.runs()).toHaveLength(1)
    const quota = await r.ok('usage:quota', {})
    expect(quota.meters.find((m) => m.meter === 'enrichment')).toMatchObject({
      used: 1,
      reserved: 0,
    })
    expect(r.unexpected).toEqual([])
  })
})
