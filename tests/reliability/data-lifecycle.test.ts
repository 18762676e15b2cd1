import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { recoverDatabase } from '../../src/main/db/recover'
import type { ClayApi } from '../../src/main/providers/clay/clay-api'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { createCore } from '../../src/main/services/create-core'
import { buildCreatorReport } from '../../src/main/services/creator-report'
import type { AuditLogPage } from '../../src/shared/domain'
import { damageHeader, damagePage, leafPages } from '../helpers/damaged-db'
import { ManualClock } from '../helpers/manual-clock'
import { makeTempDir } from '../helpers/temp-dir'
import { fileDigest } from './helpers/db-files'
import { recordFigures } from './helpers/figures'
import { appliedMigrations, dumpTables, integrity } from './helpers/raw-db'
import type { TableDump } from './helpers/raw-db'

/**
 * Part 7: a database from every released schema (`tests/fixtures/db/schema-NNN.sqlite`) opens in
 * this version and loses nothing; a database from a newer version is refused, untouched;
 * "clear cache" keeps the lists and the ledger; and a damaged one is named plainly, kept aside
 * byte for byte, and recovered with its lists, ledger and audit log.
 */

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'db')
const fixtures = readdirSync(FIXTURES).filter((f) => /^schema-\d{3}\.sqlite$/.test(f))

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A copy of a fixture as a data folder: the original is never opened for writing. */
function dataDirWith(fixture: string): string {
  const tmp = makeTempDir('creator-desk-lifecycle-')
  cleanups.push(tmp.cleanup)
  copyFileSync(join(FIXTURES, fixture), join(tmp.dir, DATABASE_FILE))
  return tmp.dir
}

// Opening and migrating must never reach for the network: these clients make that fail loudly.
const offline = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('no network in this test')) },
) as ModashApi & ClayApi

function open(dataDir: string) {
  return createCore({
    dataDir,
    clock: new ManualClock('2026-11-20T10:00:00.000Z'),
    modash: offline,
    clay: offline,
    clayRoutineId: () => 'function:t_email',
    defaultUserId: 'someone-else',
  })
}

/** Rows of `before` that are missing from `after`, compared on the columns `before` had. */
function lost(before: TableDump, after: TableDump, skip: string[]): string[] {
  const missing: string[] = []
  for (const [table, rows] of Object.entries(before)) {
    if (skip.includes(table)) continue
    const now = after[table]
    if (now === undefined) {
      missing.push(`table ${table}`)
      continue
    }
    rows.forEach((row, i) => {
      const later = now[i] ?? {}
      const projected = Object.fromEntries(Object.keys(row).map((k) => [k, later[k]]))
      if (JSON.stringify(projected) !== JSON.stringify(row)) missing.push(`${table} row ${i + 1}`)
    })
  }
  return missing
}

describe('data lifecycle', () => {
  it('has a fixture for the first released schema', () => {
    expect(fixtures).toContain('schema-001.sqlite')
  })

  it.each(fixtures)('migrates %s to the current schema without losing anything', async (name) => {
    const dir = dataDirWith(name)
    const path = join(dir, DATABASE_FILE)
    const before = dumpTables(path)
    const reservations = (before.quota_reservations ?? []) as {
      units: number
      meter: string
      sent_at: string | null
    }[]

    const core = await open(dir)
    try {
      // Still the user's: settings, lists and members with their notes, the cached page.
      const settings = await core.settings.get()
      expect(settings).toMatchObject({ userId: 'fixture-user', limits: { discovery: 5000 } })
      const lists = await core.lists.list()
      expect(lists.map((l) => l.name).sort()).toEqual(
        (before.lists ?? []).map((l) => l.name as string).sort(),
      )
      for (const list of lists) {
        const members = await core.lists.members(list.id)
        expect(members).toHaveLength(list.memberCount)
      }
      const page = await core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
      expect(page.source).toBe('cache')
      expect(page.creators.map((c) => c.id)).toEqual(
        (before.search_page_results ?? []).map((r) => r.creator_id),
      )
      const reported = (before.creators ?? []).find((c) => c.has_detailed_profile === 1)
      const detail = await core.creators.get(reported?.id as number)
      expect(detail.report).toEqual(
        buildCreatorReport(JSON.parse(reported?.detailed_profile_json as string)),
      )
      // The crash's leftovers were settled at worst case (sent) or released (never sent).
      const quota = await core.usage.quota()
      const month = (before.usage_counters ?? []).find((u) => u.month === quota.month)
      const sent = reservations.filter((r) => r.sent_at !== null)
      const discovery = quota.meters.find((m) => m.meter === 'discovery')
      expect(discovery).toMatchObject({
        used:
          (month?.modash_discoveries_used as number) +
          sent.filter((r) => r.meter === 'discovery').reduce((n, r) => n + r.units, 0),
        reserved: 0,
      })
    } finally {
      await core.close()
    }

    expect(appliedMigrations(path)).toEqual(MIGRATIONS.map(([n]) => n))
    expect(integrity(path)).toEqual({ integrity: ['ok'], foreignKeys: [] })
    const after = dumpTables(path)
    expect(
      lost(before, after, [
        'quota_reservations',
        'usage_counters',
        'api_call_logs',
        'search_requests',
      ]),
    ).toEqual([])
    // Logs and counters only ever grow: the old rows are all still first.
    for (const table of ['api_call_logs', 'search_requests'])
      expect(lost({ [table]: before[table] ?? [] }, after, [])).toEqual([])
    expect(after.quota_reservations).toEqual([])
    recordFigures(`data-lifecycle-${name}`, {
      fixture: name,
      rowsBefore: Object.values(before).reduce((n, rows) => n + rows.length, 0),
      rowsLost: 0,
    })
  })

  it('refuses a database from a newer version, with a clear message, and leaves it untouched', async () => {
    const dir = dataDirWith('schema-001.sqlite')
    const path = join(dir, DATABASE_FILE)
    // What a later version would have written: a migration this one does not know, and its table.
    const future = new BetterSqlite3(path)
    future.exec(`CREATE TABLE creator_notes_v9 (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
      INSERT INTO creator_notes_v9 (body) VALUES ('from the future');
      INSERT INTO kysely_migration (name, timestamp) VALUES ('900-from-the-future', '2027-01-01');`)
    future.pragma('wal_checkpoint(TRUNCATE)')
    future.close()
    const filesBefore = readdirSync(dir).sort()
    const bytesBefore = fileDigest(path)

    await expect(open(dir)).rejects.toMatchObject({
      code: 'PRECONDITION',
      message: expect.stringMatching(
        /newer version of Creator Desk.*nothing was changed/s,
      ) as unknown,
    })
    expect(readdirSync(dir).sort()).toEqual(filesBefore)
    expect(fileDigest(path)).toBe(bytesBefore)
  })

  // A newer database kept in rollback-journal mode (as a `VACUUM INTO` backup is) once had its
  // header rewritten by the switch to WAL before the schema check.
  it('leaves a newer database in rollback-journal mode untouched too', async () => {
    const dir = dataDirWith('schema-001.sqlite')
    const path = join(dir, DATABASE_FILE)
    const future = new BetterSqlite3(path)
    future.exec("INSERT INTO kysely_migration (name, timestamp) VALUES ('900-x', '2027-01-01')")
    future.pragma('journal_mode = DELETE')
    future.close()
    const bytesBefore = fileDigest(path)
    await expect(open(dir)).rejects.toMatchObject({ code: 'PRECONDITION' })
    expect(fileDigest(path)).toBe(bytesBefore)
  })

  it('keeps lists, the ledger, the audit log and settings when the cache is cleared', async () => {
    const dir = dataDirWith('schema-001.sqlite')
    const core = await open(dir)
    try {
      const listsBefore = await core.lists.list()
      const membersBefore = await Promise.all(listsBefore.map((l) => core.lists.members(l.id)))
      const quotaBefore = await core.usage.quota()
      const logBefore = await core.usage.log({ page: 0, pageSize: 500 })
      const settingsBefore = await core.settings.get()

      const { creatorsRemoved } = await core.cache.clear()
      expect(creatorsRemoved).toBeGreaterThan(0)

      expect(await core.lists.list()).toEqual(listsBefore)
      expect(await Promise.all(listsBefore.map((l) => core.lists.members(l.id)))).toEqual(
        membersBefore,
      )
      expect(await core.usage.quota()).toEqual(quotaBefore)
      expect(await core.usage.log({ page: 0, pageSize: 500 })).toEqual(logBefore)
      expect(await core.settings.get()).toEqual(settingsBefore)
      // The bought pages are gone: the same search is no longer answered from the cache.
      const again = await core.creators.search({
        platform: 'instagram',
        filters: {},
        page: 0,
        cacheOnly: true,
      })
      expect(again.source).toBe('local')
    } finally {
      await core.close()
    }
    // Nothing about the file was made inconsistent by the deletes.
    expect(integrity(join(dir, DATABASE_FILE))).toEqual({ integrity: ['ok'], foreignKeys: [] })
    expect(readFileSync(join(dir, DATABASE_FILE)).length).toBeGreaterThan(0)
  })

  /** What the user sees of a data folder: lists with members, the meters, the audit log. */
  async function shown(dir: string) {
    const core = await open(dir)
    try {
      const lists = await core.lists.list()
      const members = await Promise.all(lists.map((l) => core.lists.members(l.id)))
      return {
        lists: lists.map((l, i) => ({
          name: l.name,
          members: (members[i] ?? []).map((m) => [m.creator.id, m.notes, m.tags, m.status]),
        })),
        meters: (await core.usage.quota()).meters,
        // The search a row was about is read from the search history, which recovery does not
        // carry (it is a cache of what was asked, not a record of what was bought).
        audit: withoutSearches(await core.usage.log({ page: 0, pageSize: 500 })),
        settings: await core.settings.get(),
      }
    } finally {
      await core.close()
    }
  }

  it.each(fixtures)(
    'names damage to %s plainly, keeps the file byte for byte, and recovers lists, ledger and audit log',
    async (name) => {
      // What the same fixture shows when it is not damaged.
      const expected = await shown(dataDirWith(name))
      const dir = dataDirWith(name)
      const path = join(dir, DATABASE_FILE)
      for (const table of ['search_requests', 'dictionary_cache']) {
        for (const page of leafPages(path, table)) damagePage(path, page.pageno)
      }
      const damagedBytes = fileDigest(path)

      const refused = await open(dir).then(
        (core) => core.close().then(() => null),
        (err: unknown) => err,
      )
      expect(refused).toMatchObject({ code: 'STORAGE', details: { storage: 'damaged' } })
      expect((refused as Error).message).not.toMatch(/malformed|disk image|not a database|SQLITE/i)
      expect(fileDigest(path)).toBe(damagedBytes)

      const report = await recoverDatabase({
        dataDir: dir,
        now: () => new Date('2026-11-20T10:00:00.000Z'),
      })

      expect(fileDigest(report.keptAt)).toBe(damagedBytes)
      expect(report.ledger.complete).toBe(true)
      for (const table of ['lists', 'list_members', 'usage_counters', 'api_call_logs', 'settings'])
        expect(report.tables.find((t) => t.table === table)).toMatchObject({ complete: true })
      expect(report.tables.find((t) => t.table === 'search_requests')?.complete).toBe(false)
      // Recovered into the current schema, sound, and showing what the undamaged file shows.
      expect(appliedMigrations(path)).toEqual(MIGRATIONS.map(([n]) => n))
      expect(await shown(dir)).toEqual(expected)
      expect(integrity(path)).toEqual({ integrity: ['ok'], foreignKeys: [] })
      recordFigures(`data-lifecycle-damaged-${name}`, {
        fixture: name,
        rowsRecovered: report.tables.reduce((n, t) => n + t.recovered, 0),
        rowsLost: report.tables.reduce((n, t) => n + (t.lost ?? 0), 0),
      })
    },
  )

  it('recovers everything from a file whose header was overwritten ("file is not a database")', async () => {
    const expected = await shown(dataDirWith('schema-001.sqlite'))
    const dir = dataDirWith('schema-001.sqlite')
    const path = join(dir, DATABASE_FILE)
    damageHeader(path)
    const damagedBytes = fileDigest(path)

    await expect(open(dir)).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.not.stringMatching(/not a database/) as unknown,
    })
    const report = await recoverDatabase({ dataDir: dir, now: () => new Date() })

    expect(fileDigest(report.keptAt)).toBe(damagedBytes)
    expect(report.tables.every((t) => t.complete)).toBe(true)
    expect(await shown(dir)).toEqual(expected)
  })
})

function withoutSearches(page: AuditLogPage): AuditLogPage {
  return { ...page, rows: page.rows.map(({ search: _search, ...row }) => row) }
}
