import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { recoverDatabase } from '../../../src/main/db/recover'
import type { RecoveryReport, TableRecovery } from '../../../src/shared/storage-health'
import {
  damageHeader,
  damagePage,
  FIXTURE_NOW,
  fillDatabase,
  leafPages,
  openCore,
} from '../../helpers/damaged-db'
import type { FilledDatabase } from '../../helpers/damaged-db'
import { makeTempDir } from '../../helpers/temp-dir'
import { fileDigest } from '../../reliability/helpers/db-files'
import { integrity } from '../../reliability/helpers/raw-db'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function tempDir(): string {
  const t = makeTempDir('creator-desk-recover-')
  cleanups.push(t.cleanup)
  return t.dir
}

const recover = (dir: string) => recoverDatabase({ dataDir: dir, now: () => new Date(FIXTURE_NOW) })

const table = (report: RecoveryReport, name: string): TableRecovery => {
  const found = report.tables.find((t) => t.table === name)
  if (!found) throw new Error(`no ${name} in the report`)
  return found
}

/** Lists with their members' notes, and the meters, as the app answers them now. */
async function whatTheAppShows(dir: string) {
  const core = await openCore(dir)
  try {
    const lists = []
    for (const list of await core.lists.list()) {
      const members = await core.lists.members(list.id)
      lists.push({
        name: list.name,
        members: members.map((m) => ({ creatorId: m.creator.id, notes: m.notes })),
      })
    }
    const quota = await core.usage.quota()
    const audit = await core.usage.log({ page: 0, pageSize: 500 })
    const creators = await core.deps.db.selectFrom('creators').select('id').orderBy('id').execute()
    return { lists, quota, audit, creatorIds: creators.map((c) => c.id) }
  } finally {
    await core.close()
  }
}

function sortedLists(lists: FilledDatabase['lists']) {
  return [...lists].sort((a, b) => a.name.localeCompare(b.name))
}

describe('recovering a damaged database', () => {
  it('brings back everything on readable pages: lists, members, ledger, audit log, and the creators around a damaged page', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir)
    const creatorLeaves = leafPages(filled.path, 'creators')
    const auditLeaves = leafPages(filled.path, 'api_call_logs')
    // Damage in the middle of two tables: the pages after the damage must come back too.
    const lostCreators = creatorLeaves[Math.floor(creatorLeaves.length * 0.6)]
    const lostAudit = auditLeaves[Math.floor(auditLeaves.length / 2)]
    if (!lostCreators || !lostAudit) throw new Error('the fixture is too small')
    expect(lostCreators.rowids.some((id) => id <= 8)).toBe(false) // not a list member
    damagePage(filled.path, lostCreators.pageno)
    damagePage(filled.path, lostAudit.pageno)
    const damagedBytes = fileDigest(filled.path)

    const report = await recover(dir)

    // The damaged file is kept, byte for byte, beside the new one.
    expect(report.keptAt).toMatch(/creator-desk\.sqlite\.damaged-20261120-100000$/)
    expect(fileDigest(report.keptAt)).toBe(damagedBytes)
    expect(
      readdirSync(dir).filter((f) => f.startsWith('.recovery-') || f.endsWith('.recovering')),
    ).toEqual([])
    expect(integrity(join(dir, DATABASE_FILE))).toEqual({ integrity: ['ok'], foreignKeys: [] })

    const shown = await whatTheAppShows(dir)
    expect(sortedLists(shown.lists)).toEqual(sortedLists(filled.lists))
    expect(shown.quota.meters).toEqual(filled.quota.meters)
    expect(shown.quota.modashMilliCreditsUsed).toBe(filled.quota.modashMilliCreditsUsed)
    expect(shown.audit.total).toBe(filled.auditRows - lostAudit.cells)
    const allCreators = Array.from({ length: filled.creators }, (_, i) => i + 1)
    expect(shown.creatorIds).toEqual(allCreators.filter((id) => !lostCreators.rowids.includes(id)))

    // The report says exactly what was lost, table by table, in the user's words.
    expect(table(report, 'creators')).toEqual({
      table: 'creators',
      label: 'Cached creators, reports and emails',
      recovered: filled.creators - lostCreators.cells,
      lost: lostCreators.cells,
      complete: false,
    })
    expect(table(report, 'api_call_logs')).toMatchObject({
      recovered: filled.auditRows - lostAudit.cells,
      lost: lostAudit.cells,
      complete: false,
    })
    for (const name of ['lists', 'list_members', 'ledger_charges', 'usage_counters', 'settings']) {
      expect(table(report, name)).toMatchObject({ lost: 0, complete: true })
    }
    expect(report.tables[0]?.table).toBe('lists')
    expect(report.ledger.complete).toBe(true)
    expect(report.summary).toMatch(/could not be read, in: .*audit log.*cached creators/i)
  })

  it('reads a file whose header was overwritten ("not a database") in full', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 120 })
    damageHeader(filled.path)
    const damagedBytes = fileDigest(filled.path)

    const report = await recover(dir)

    expect(fileDigest(report.keptAt)).toBe(damagedBytes)
    expect(report.tables.every((t) => t.complete)).toBe(true)
    expect(report.summary).toMatch(/^Everything was recovered/)
    const shown = await whatTheAppShows(dir)
    expect(sortedLists(shown.lists)).toEqual(sortedLists(filled.lists))
    expect(shown.quota.meters).toEqual(filled.quota.meters)
    expect(shown.creatorIds).toHaveLength(120)
    expect(shown.audit.total).toBe(filled.auditRows)
  })

  it('drops list entries whose creator was lost, and counts them as lost', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 100 })
    const first = leafPages(filled.path, 'creators')[0]
    if (!first) throw new Error('no creators page')
    expect(first.rowids).toContain(1)
    damagePage(filled.path, first.pageno)

    const report = await recover(dir)

    const members = table(report, 'list_members')
    const lostMembers = filled.lists
      .flatMap((l) => l.members)
      .filter((m) => first.rowids.includes(m.creatorId)).length
    expect(lostMembers).toBeGreaterThan(0)
    expect(members).toMatchObject({ lost: lostMembers, complete: false })
    expect(integrity(join(dir, DATABASE_FILE)).foreignKeys).toEqual([])
    const shown = await whatTheAppShows(dir)
    expect(shown.lists.flatMap((l) => l.members)).toHaveLength(
      filled.lists.flatMap((l) => l.members).length - lostMembers,
    )
  })

  it('keeps the meters whole from the monthly totals when the ledger charges are unreadable', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 30 })
    for (const page of leafPages(filled.path, 'ledger_charges'))
      damagePage(filled.path, page.pageno)

    const report = await recover(dir)

    expect(table(report, 'ledger_charges').complete).toBe(false)
    expect(report.ledger).toEqual({
      complete: true,
      message: expect.stringMatching(/monthly totals could.*at least everything spent/) as unknown,
    })
    const shown = await whatTheAppShows(dir)
    // Never lower than before: this month's units and credits are all counted again.
    for (const meter of filled.quota.meters) {
      const now = shown.quota.meters.find((m) => m.meter === meter.meter)
      expect(now?.used).toBeGreaterThanOrEqual(meter.used)
    }
    expect(shown.quota.modashMilliCreditsUsed).toBeGreaterThanOrEqual(
      filled.quota.modashMilliCreditsUsed,
    )
  })

  it('says plainly that the meters may be low when neither record of usage can be read', async () => {
    const dir = tempDir()
    const filled = await fillDatabase(dir, { creators: 30 })
    for (const name of ['ledger_charges', 'usage_counters']) {
      for (const page of leafPages(filled.path, name)) damagePage(filled.path, page.pageno)
    }

    const report = await recover(dir)

    expect(report.ledger.complete).toBe(false)
    expect(report.ledger.message).toMatch(
      /meters may show less than was really spent.*Modash and Clay dashboards/,
    )
    // Everything else still came back.
    const shown = await whatTheAppShows(dir)
    expect(sortedLists(shown.lists)).toEqual(sortedLists(filled.lists))
  })
})
