import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterEach, describe, expect, it } from 'vitest'
import { DATABASE_FILE, openDatabase } from '../../../src/main/db/database'
import {
  migrationWords,
  pendingMigrations,
  upgradeLine,
  upgradeLog,
} from '../../../src/main/db/migration-progress'
import type { UpgradeProgress } from '../../../src/main/db/migration-progress'
import { MIGRATIONS, staticMigrationProvider } from '../../../src/main/db/migrations'
import { makeTempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A data folder whose database stopped at schema 001, with a creator in it. */
async function schema001(): Promise<string> {
  const t = makeTempDir()
  cleanups.push(t.cleanup)
  const sqlite = new BetterSqlite3(join(t.dir, DATABASE_FILE))
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  const result = await new Migrator({ db, provider: staticMigrationProvider }).migrateTo(
    '001-initial',
  )
  expect(result.error).toBeUndefined()
  sqlite
    .prepare(
      `INSERT INTO creators (platform, provider_id, handle, has_basic_profile, has_detailed_profile,
       basic_fetched_at, email_found, created_at, updated_at)
       VALUES ('instagram', 'p1', 'one', 1, 0, 'x', 0, 'x', 'x')`,
    )
    .run()
  await db.destroy()
  return t.dir
}

describe('upgrade progress', () => {
  it('reports each pending migration as it starts and after every statement it runs', async () => {
    const dir = await schema001()
    const reports: UpgradeProgress[] = []
    const opened = await openDatabase({ dataDir: dir, onProgress: (p) => void reports.push(p) })
    const applied = opened.sqlite.prepare('SELECT name FROM kysely_migration').all()
    await opened.close()
    expect(applied).toHaveLength(MIGRATIONS.length)

    const pending = MIGRATIONS.map(([name]) => name).slice(1)
    expect(new Set(reports.map((r) => r.migration))).toEqual(new Set(pending))
    for (const [i, name] of pending.entries()) {
      const mine = reports.filter((r) => r.migration === name)
      expect(mine[0]).toEqual({
        step: i + 1,
        steps: pending.length,
        migration: name,
        statements: 0,
      })
      expect(mine.map((r) => r.statements)).toEqual(mine.map((_, k) => k))
      expect(mine.length).toBeGreaterThan(1)
    }
  })

  it('waits for what the listener returns before running on', async () => {
    const dir = await schema001()
    const order: string[] = []
    const opened = await openDatabase({
      dataDir: dir,
      onProgress: async (p) => {
        order.push(`report ${p.migration} ${p.statements}`)
        await new Promise((resolve) => setTimeout(resolve, 1))
        order.push(`shown ${p.migration} ${p.statements}`)
      },
    })
    await opened.close()
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]?.replace('report', 'shown')).toBe(order[i + 1])
    }
  })

  it('reports nothing for a database already at the latest schema', async () => {
    const dir = await schema001()
    await (await openDatabase({ dataDir: dir })).close()
    const reports: UpgradeProgress[] = []
    await (await openDatabase({ dataDir: dir, onProgress: (p) => void reports.push(p) })).close()
    expect(reports).toEqual([])
  })

  it('knows which migrations a file still needs, and names them in words', () => {
    expect(pendingMigrations(MIGRATIONS.map(([n]) => n))).toEqual([])
    expect(pendingMigrations(['001-initial'])).toEqual(MIGRATIONS.map(([n]) => n).slice(1))
    expect(migrationWords('002-search-indexes')).toBe('search indexes')
    expect(
      upgradeLine({ step: 1, steps: 4, migration: '002-search-indexes', statements: 3 }, 2500),
    ).toBe('step 1 of 4: search indexes (3 done, 2 s)')
  })

  it('prints nothing for a quick upgrade, then a line per step and at most one a second', () => {
    let now = 0
    const lines: string[] = []
    const log = upgradeLog(
      (line) => lines.push(line),
      () => now,
    )
    const at = (ms: number, step: number, statements: number) => {
      now = ms
      void log({ step, steps: 2, migration: '002-search-indexes', statements })
    }
    at(0, 1, 0)
    at(300, 1, 1)
    expect(lines).toEqual([])
    at(500, 1, 2)
    at(900, 1, 3)
    at(1600, 1, 4)
    at(1700, 2, 0)
    expect(lines).toEqual([
      'step 1 of 2: search indexes (2 done, 0 s)',
      'step 1 of 2: search indexes (4 done, 1 s)',
      'step 2 of 2: search indexes (0 done, 1 s)',
    ])
  })
})
