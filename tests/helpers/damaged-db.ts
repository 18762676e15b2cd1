import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { DATABASE_FILE } from '../../src/main/db/database'
import type { ClayApi } from '../../src/main/providers/clay/clay-api'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { createCore } from '../../src/main/services/create-core'
import type { QuotaStatus } from '../../src/shared/domain'
import { ManualClock } from './manual-clock'

/** Opening, recovering and restoring must never reach for the network. */
export const offline = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('no network in this test')) },
) as ModashApi & ClayApi

export const FIXTURE_NOW = '2026-11-20T10:00:00.000Z'

export function openCore(dataDir: string, clock = new ManualClock(FIXTURE_NOW)) {
  return createCore({
    dataDir,
    clock,
    modash: offline,
    clay: offline,
    clayRoutineId: () => 'function:t_email',
    defaultUserId: 'tester',
  })
}

export interface FilledDatabase {
  path: string
  lists: { name: string; members: { creatorId: number; notes: string }[] }[]
  quota: QuotaStatus
  creators: number
  auditRows: number
}

/**
 * A real database written by the app's own services: creators (with bodies long enough to fill
 * a few hundred pages), lists with notes, a ledger of settled paid calls over two months, an
 * audit row per call and settings. Closed cleanly, so the main file holds everything.
 */
export async function fillDatabase(
  dataDir: string,
  options: { creators?: number; charges?: number; auditRows?: number } = {},
): Promise<FilledDatabase> {
  const creators = options.creators ?? 600
  const charges = options.charges ?? 40
  const auditRows = options.auditRows ?? 400
  const clock = new ManualClock('2026-10-05T09:00:00.000Z')
  const core = await openCore(dataDir, clock)
  const { db, ledger, logger } = core.deps
  for (let i = 1; i <= creators; i++) {
    await db
      .insertInto('creators')
      .values({
        platform: 'instagram',
        provider_id: `p${i}`,
        handle: `creator_${i}`,
        full_name: `Creator ${i}`,
        followers: 1000 * i,
        bio: `bio ${i}`,
        basic_profile_json: JSON.stringify({ id: i, about: 'x'.repeat(900) }),
        has_basic_profile: 1,
        has_detailed_profile: 0,
        email_found: 0,
        basic_fetched_at: clock.now().toISOString(),
        created_at: clock.now().toISOString(),
        updated_at: clock.now().toISOString(),
      })
      .execute()
  }
  const lists: FilledDatabase['lists'] = []
  for (const [name, ids] of [
    ['Autumn campaign', [1, 2, 3, 4, 5]],
    ['Food creators', [6, 7, 8]],
    ['Empty', []],
  ] as const) {
    const list = await core.lists.create(name)
    if (ids.length > 0) await core.lists.addCreators(list.id, [...ids])
    const members = []
    for (const creatorId of ids) {
      const notes = `call ${name} #${creatorId}`
      await core.lists.updateMember({ listId: list.id, creatorId, notes })
      members.push({ creatorId, notes })
    }
    lists.push({ name, members })
  }
  await core.settings.set({ userId: 'fixture-user', limits: { discovery: 5000 } })
  // Half the paid calls last month, half this month: the meters count only this month's.
  for (let i = 0; i < charges; i++) {
    if (i === charges / 2) clock.set('2026-11-03T09:00:00.000Z')
    clock.advanceMs(60_000)
    const meter = i % 3 === 0 ? 'report' : 'discovery'
    const units = meter === 'report' ? 1 : 15
    const r = await ledger.reserve(meter, units)
    await ledger.markSent(r)
    await ledger.settle(r, units, meter === 'report' ? 1000 : units * 10)
  }
  for (let i = 0; i < auditRows; i++) {
    await logger.record({
      provider: i % 2 === 0 ? 'modash' : 'clay',
      action: 'search',
      reason: 'search',
      userId: 'fixture-user',
      outcome: 'ok',
      costUnits: 15,
    })
  }
  clock.set(FIXTURE_NOW)
  const quota = await core.usage.quota()
  await core.close()
  return { path: join(dataDir, DATABASE_FILE), lists, quota, creators, auditRows }
}

export interface LeafPage {
  pageno: number
  /** Rows on the page. */
  cells: number
  /** Rowids on the page, in order. */
  rowids: number[]
}

/**
 * The leaf pages of a table in rowid order, with the rowids each holds (read before the damage,
 * so a test knows exactly which rows a damaged page takes with it).
 */
export function leafPages(path: string, table: string): LeafPage[] {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    const leaves = db
      .prepare(
        `SELECT pageno, ncell AS cells FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path`,
      )
      .all(table) as { pageno: number; cells: number }[]
    const rowids = (
      db.prepare(`SELECT rowid AS id FROM "${table}" ORDER BY rowid`).all() as { id: number }[]
    ).map((r) => r.id)
    let at = 0
    return leaves.map((leaf) => {
      const page = { ...leaf, rowids: rowids.slice(at, at + leaf.cells) }
      at += leaf.cells
      return page
    })
  } finally {
    db.close()
  }
}

export function pageSize(path: string): number {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('page_size', { simple: true }) as number
  } finally {
    db.close()
  }
}

/** Overwrites bytes of the file in place, as a failing disk or a bad sector would. */
export function overwrite(path: string, offset: number, length: number, seed = 1): void {
  const bytes = Buffer.alloc(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    bytes[i] = x >> 16
  }
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, bytes, 0, length, offset)
  } finally {
    closeSync(fd)
  }
}

/** Fills one whole page with garbage. */
export function damagePage(path: string, pageno: number, seed = pageno): void {
  const size = pageSize(path)
  overwrite(path, (pageno - 1) * size, size, seed)
}

/** Overwrites SQLite's 100-byte header: SQLite then says "file is not a database". */
export function damageHeader(path: string): void {
  overwrite(path, 0, 100, 42)
}
