import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/database'
import { MIGRATIONS } from '../../../src/main/db/migrations'
import { makeTempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function tempDir(): string {
  const t = makeTempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

describe('openDatabase', () => {
  it('creates the file with WAL, foreign keys and a busy timeout, and migrates', async () => {
    const dir = tempDir()
    const { sqlite, close, path } = await openDatabase({ dataDir: dir })
    expect(path.startsWith(dir)).toBe(true)
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as {
        name: string
      }[]
    ).map((r) => r.name)
    for (const t of [
      'creators',
      'search_requests',
      'search_pages',
      'usage_counters',
      'quota_reservations',
      'api_call_logs',
      'lists',
      'list_members',
    ]) {
      expect(tables).toContain(t)
    }
    const applied = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as {
      name: string
    }[]
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS.map(([name]) => name))
    await close()
  })

  it('opens an existing database again without re-running migrations', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir })
    await first.db
      .insertInto('lists')
      .values({ name: 'keep me', created_at: 'x', updated_at: 'x' })
      .execute()
    await first.close()
    const second = await openDatabase({ dataDir: dir })
    expect(await second.db.selectFrom('lists').select('name').execute()).toEqual([
      { name: 'keep me' },
    ])
    await second.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const dir = tempDir()
    const { path, close } = await openDatabase({ dataDir: dir })
    await close()
    const raw = new BetterSqlite3(path)
    raw
      .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('999-from-the-future', 'x')")
      .run()
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const { readFileSync } = await import('node:fs')
    const before = readFileSync(path)
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({
      code: 'PRECONDITION',
      message: expect.stringContaining('newer version') as unknown,
    })
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('enforces one row per (platform, provider id) and per (platform, handle)', async () => {
    const { db, close } = await openDatabase({ dataDir: tempDir() })
    const row = {
      platform: 'instagram',
      provider_id: '1',
      handle: 'a',
      has_basic_profile: 1,
      has_detailed_profile: 0,
      email_found: 0,
      basic_fetched_at: 'x',
      created_at: 'x',
      updated_at: 'x',
    }
    await db.insertInto('creators').values(row).execute()
    await expect(
      db
        .insertInto('creators')
        .values({ ...row, handle: 'b' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/)
    await expect(
      db
        .insertInto('creators')
        .values({ ...row, provider_id: '2' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/)
    await close()
  })
})
