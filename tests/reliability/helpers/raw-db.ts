import BetterSqlite3 from 'better-sqlite3'

export type TableDump = Record<string, Record<string, unknown>[]>

/**
 * Every row of every table, read with plain better-sqlite3 (not the app's code), in rowid order.
 * Kysely's own bookkeeping and SQLite's internal tables are left out, and so are FTS shadow
 * tables, which later schemas may add.
 */
export function dumpTables(path: string): TableDump {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`,
      )
      .all() as { name: string; sql: string }[]
    const dump: TableDump = {}
    for (const t of tables) {
      if (/VIRTUAL TABLE/i.test(t.sql) || /_(data|idx|docsize|config|content)$/.test(t.name))
        continue
      const withoutRowid = /WITHOUT ROWID/i.test(t.sql)
      dump[t.name] = db
        .prepare(`SELECT * FROM "${t.name}"${withoutRowid ? '' : ' ORDER BY rowid'}`)
        .all() as Record<string, unknown>[]
    }
    return dump
  } finally {
    db.close()
  }
}

export function integrity(path: string): { integrity: string[]; foreignKeys: unknown[] } {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    )
    return { integrity, foreignKeys: db.pragma('foreign_key_check') as unknown[] }
  } finally {
    db.close()
  }
}

/** Names of the migrations a database file has applied. */
export function appliedMigrations(path: string): string[] {
  const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true })
  try {
    return (
      db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]
    ).map((r) => r.name)
  } finally {
    db.close()
  }
}
