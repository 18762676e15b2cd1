import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BACKUPS_KEPT,
  backupsDir,
  isBackupDue,
  listBackups,
  takeBackup,
} from '../../../src/main/db/backup'
import { DATABASE_FILE, openDatabase } from '../../../src/main/db/database'
import { restoreBackup } from '../../../src/main/db/restore'
import {
  damagePage,
  FIXTURE_NOW,
  fillDatabase,
  leafPages,
  openCore,
} from '../../helpers/damaged-db'
import { ManualClock } from '../../helpers/manual-clock'
import { makeTempDir } from '../../helpers/temp-dir'
import { fileDigest } from '../../reliability/helpers/db-files'
import { dumpTables, integrity } from '../../reliability/helpers/raw-db'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})
function tempDir(): string {
  const t = makeTempDir('creator-desk-backup-')
  cleanups.push(t.cleanup)
  return t.dir
}

/** The database as the app holds it open: backups are taken from the live connection. */
async function openLive(dir: string) {
  const opened = await openDatabase({ dataDir: dir })
  cleanups.push(() => (opened.sqlite.open ? opened.close() : undefined))
  return opened
}

/** Takes a backup if one is due, as the app's schedule does; returns its name or null. */
async function backupIfDue(dir: string, clock: ManualClock): Promise<string | null> {
  if (!isBackupDue(dir, clock.now())) return null
  const opened = await openLive(dir)
  try {
    return (await takeBackup(opened.sqlite, dir, clock.now())).name
  } finally {
    await opened.close()
  }
}

describe('daily backups', () => {
  it('are sound, self-contained copies taken with the online backup API while the database is open', async () => {
    const dir = tempDir()
    await fillDatabase(dir, { creators: 80 })
    const live = await openLive(dir)
    // A row only in the WAL: the backup copies the database as the connection sees it.
    live.sqlite
      .prepare("INSERT INTO lists (name, created_at, updated_at) VALUES ('in the WAL', 'x', 'x')")
      .run()

    const taken = await takeBackup(live.sqlite, dir, new Date(FIXTURE_NOW))

    expect(taken).toMatchObject({ name: 'creator-desk-2026-11-20.sqlite', takenAt: FIXTURE_NOW })
    const copy = join(backupsDir(dir), taken.name)
    expect(readdirSync(backupsDir(dir))).toEqual([taken.name])
    expect(integrity(copy)).toEqual({ integrity: ['ok'], foreignKeys: [] })
    expect(dumpTables(copy)).toEqual(dumpTables(join(dir, DATABASE_FILE)))
    expect(listBackups(dir)).toEqual([taken])
  })

  it('are taken at most once a day, and only the newest seven are kept', async () => {
    const dir = tempDir()
    await fillDatabase(dir, { creators: 10 })
    const clock = new ManualClock('2026-11-01T08:00:00.000Z')

    expect(await backupIfDue(dir, clock)).toBe('creator-desk-2026-11-01.sqlite')
    clock.advanceMs(23 * 60 * 60 * 1000)
    expect(await backupIfDue(dir, clock)).toBeNull()
    clock.advanceMs(60 * 60 * 1000)
    expect(await backupIfDue(dir, clock)).toBe('creator-desk-2026-11-02.sqlite')
    for (let day = 0; day < 8; day++) {
      clock.advanceDays(1)
      await backupIfDue(dir, clock)
    }

    const kept = listBackups(dir)
    expect(kept).toHaveLength(BACKUPS_KEPT)
    expect(kept.map((b) => b.name)).toEqual(
      [10, 9, 8, 7, 6, 5, 4].map(
        (d) => `creator-desk-2026-11-${String(d).padStart(2, '0')}.sqlite`,
      ),
    )
    expect(kept[0]?.takenAt).toBe('2026-11-10T08:00:00.000Z')
  })

  it('of a damaged database are refused (the full check of a large file), keeping the good ones', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 200 })
    const clock = new ManualClock('2026-11-01T08:00:00.000Z')
    await backupIfDue(dir, clock)
    const good = listBackups(dir)
    const leaves = leafPages(filled.path, 'creators')
    damagePage(filled.path, leaves[Math.floor(leaves.length / 2)]?.pageno ?? 0)
    // Too large to check at open (as a big database is): it opens, and the backup finds it.
    const opened = await openDatabase({ dataDir: dir, fullCheckMaxBytes: 1024 })
    cleanups.push(() => (opened.sqlite.open ? opened.close() : undefined))
    clock.advanceDays(1)

    await expect(takeBackup(opened.sqlite, dir, clock.now())).rejects.toMatchObject({
      code: 'STORAGE',
      details: { storage: 'damaged' },
    })
    expect(listBackups(dir)).toEqual(good)
    expect(readdirSync(backupsDir(dir))).toEqual(good.map((b) => b.name))
  })
})

describe('restoring a backup', () => {
  it('puts the backup in place, keeps the file it replaced, and carries over the usage spent since', async () => {
    const dir = tempDir()
    await fillDatabase(dir, { creators: 40 })
    const clock = new ManualClock(FIXTURE_NOW)
    const name = await backupIfDue(dir, clock)
    // After the backup: a new list (which the restore gives up) and paid calls (which it keeps).
    const core = await openCore(dir, clock)
    await core.lists.create('Made after the backup')
    for (let i = 0; i < 3; i++) {
      const r = await core.deps.ledger.reserve('report', 1)
      await core.deps.ledger.markSent(r)
      await core.deps.ledger.settle(r, 1, 1000)
      await core.deps.logger.record({
        provider: 'modash',
        action: 'report',
        reason: 'select',
        userId: 'me',
        outcome: 'ok',
        costUnits: 1,
      })
    }
    const quotaBefore = await core.usage.quota()
    const auditBefore = await core.usage.log({ page: 0, pageSize: 500 })
    await core.close()
    const replacedBytes = fileDigest(join(dir, DATABASE_FILE))

    const report = await restoreBackup({ dataDir: dir, name: name ?? '', now: () => clock.now() })

    expect(report.keptAt).toMatch(/creator-desk\.sqlite\.replaced-20261120-100000$/)
    expect(fileDigest(report.keptAt ?? '')).toBe(replacedBytes)
    expect(report.ledger.complete).toBe(true)
    expect(report.carriedForward).toEqual([
      { table: 'ledger_charges', label: 'Usage ledger (every paid call)', rows: 3 },
      { table: 'api_call_logs', label: 'Audit log', rows: 3 },
    ])
    const after = await openCore(dir, clock)
    try {
      expect((await after.lists.list()).map((l) => l.name)).not.toContain('Made after the backup')
      expect((await after.usage.quota()).meters).toEqual(quotaBefore.meters)
      expect((await after.usage.log({ page: 0, pageSize: 500 })).total).toBe(auditBefore.total)
    } finally {
      await after.close()
    }
  })

  it('replaces a damaged database, keeping the usage its readable pages recorded since', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 120 })
    const clock = new ManualClock(FIXTURE_NOW)
    const name = await backupIfDue(dir, clock)
    const core = await openCore(dir, clock)
    const r = await core.deps.ledger.reserve('discovery', 15)
    await core.deps.ledger.markSent(r)
    await core.deps.ledger.settle(r, 15, 150)
    const quotaBefore = await core.usage.quota()
    await core.close()
    for (const page of leafPages(filled.path, 'creators').slice(3, 6)) {
      damagePage(filled.path, page.pageno)
    }

    const report = await restoreBackup({ dataDir: dir, name: name ?? '', now: () => clock.now() })

    expect(report.ledger.complete).toBe(true)
    expect(integrity(join(dir, DATABASE_FILE))).toEqual({ integrity: ['ok'], foreignKeys: [] })
    const after = await openCore(dir, clock)
    try {
      expect((await after.usage.quota()).meters).toEqual(quotaBefore.meters)
      expect(await after.deps.db.selectFrom('creators').select('id').execute()).toHaveLength(120)
    } finally {
      await after.close()
    }
  })

  it('refuses a name that is not one of the backups', async () => {
    const dir = tempDir()
    await fillDatabase(dir, { creators: 10 })
    const before = fileDigest(join(dir, DATABASE_FILE))
    await expect(
      restoreBackup({
        dataDir: dir,
        name: 'creator-desk-2020-01-01.sqlite',
        now: () => new Date(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(fileDigest(join(dir, DATABASE_FILE))).toBe(before)
  })
})
