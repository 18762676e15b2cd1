import BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/db/database'
import { readRows, StatementCache, withStatements } from '../../../src/main/db/statement-cache'
import { makeTempDir } from '../../helpers/temp-dir'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function opened() {
  const t = makeTempDir()
  const db = await openDatabase({ dataDir: t.dir })
  cleanups.push(t.cleanup, () => db.close())
  return db
}

describe('StatementCache', () => {
  it('keeps one prepared statement per SQL text', () => {
    const sqlite = new BetterSqlite3(':memory:')
    cleanups.push(() => void sqlite.close())
    const cache = new StatementCache(sqlite)
    const a = cache.get('SELECT 1 AS one')
    expect(cache.get('SELECT 1 AS one')).toBe(a)
    expect(cache.get('SELECT 2 AS two')).not.toBe(a)
    expect(cache.kept).toBe(2)
  })

  it('lets the least recently used statement go past its size', () => {
    const sqlite = new BetterSqlite3(':memory:')
    cleanups.push(() => void sqlite.close())
    const cache = new StatementCache(sqlite, 2)
    const one = cache.get('SELECT 1')
    const two = cache.get('SELECT 2')
    expect(cache.get('SELECT 1')).toBe(one)
    cache.get('SELECT 3')
    expect(cache.kept).toBe(2)
    expect(cache.get('SELECT 1')).toBe(one)
    expect(cache.get('SELECT 2')).not.toBe(two)
  })

  it('hands out a fresh statement while the kept one is still being iterated', () => {
    const sqlite = new BetterSqlite3(':memory:')
    cleanups.push(() => void sqlite.close())
    const cache = new StatementCache(sqlite)
    const kept = cache.get('SELECT value FROM json_each(?)')
    const rows = kept.iterate('[1, 2, 3]')
    rows.next()
    const other = cache.get('SELECT value FROM json_each(?)')
    expect(other).not.toBe(kept)
    expect(other.all('[4]')).toEqual([{ value: 4 }])
    rows.return?.()
    expect(cache.get('SELECT value FROM json_each(?)')).toBe(kept)
  })
})

describe('the app database with kept statements', () => {
  it('answers the same query again, correctly, after the schema changes under it', async () => {
    const { db } = await opened()
    await sql`CREATE TABLE scratch (a INTEGER)`.execute(db)
    await sql`INSERT INTO scratch (a) VALUES (1)`.execute(db)
    const read = () => sql<Record<string, number>>`SELECT * FROM scratch`.execute(db)
    expect((await read()).rows).toEqual([{ a: 1 }])
    await sql`ALTER TABLE scratch ADD COLUMN b INTEGER DEFAULT 2`.execute(db)
    expect((await read()).rows).toEqual([{ a: 1, b: 2 }])
  })

  it('reports inserts, changes and errors as Kysely expects', async () => {
    const { db } = await opened()
    const inserted = await db
      .insertInto('settings')
      .values({ key: 'k', value_json: '1' })
      .executeTakeFirstOrThrow()
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n)
    const updated = await db
      .updateTable('settings')
      .set({ value_json: '2' })
      .where('key', '=', 'k')
      .executeTakeFirstOrThrow()
    expect(updated.numUpdatedRows).toBe(1n)
    await expect(
      db.insertInto('settings').values({ key: 'k', value_json: '3' }).execute(),
    ).rejects.toThrow(/UNIQUE/)
    const streamed = []
    for await (const row of db.selectFrom('settings').select('key').stream()) streamed.push(row)
    expect(streamed).toEqual([{ key: 'k' }])
  })

  it('runs withStatements on the connection of a transaction, which a rollback undoes', async () => {
    const { db } = await opened()
    await expect(
      db.transaction().execute(async (trx) => {
        await withStatements(trx, (prepare) => {
          prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('inside', '1')
        })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const rows = await db.selectFrom('settings').select('key').execute()
    expect(rows).toEqual([])
  })

  it('reads rows as arrays by column name, leaving the kept statement as it found it', async () => {
    const { db } = await opened()
    await db
      .insertInto('settings')
      .values([
        { key: 'a', value_json: '1' },
        { key: 'b', value_json: '2' },
      ])
      .execute()
    const query = db.selectFrom('settings').select(['key', 'value_json']).orderBy('key')
    const { rows, at } = await readRows(db, query)
    expect(rows).toEqual([
      ['a', '1'],
      ['b', '2'],
    ])
    expect(rows.map((r) => [r[at.value_json], r[at.key]])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ])
    // A column the query did not select has no position, and reads as undefined.
    const unselected = (at as Record<string, number>).created_at as number
    expect(rows.map((r) => r[unselected])).toEqual([undefined, undefined])
    expect(await query.execute()).toEqual([
      { key: 'a', value_json: '1' },
      { key: 'b', value_json: '2' },
    ])
  })

  it('refuses withStatements on a database it did not open', async () => {
    const foreign = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
    })
    cleanups.push(() => foreign.destroy())
    await expect(withStatements(foreign, () => 1)).rejects.toThrow(/openDatabase/)
  })
})
