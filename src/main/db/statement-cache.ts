import type BetterSqlite3 from 'better-sqlite3'
import { SelectQueryNode, SqliteDriver } from 'kysely'
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely'

/** Statements kept prepared; past this many, the one used least recently is let go. */
export const STATEMENT_CACHE_SIZE = 256

/**
 * Prepared statements by SQL text. Kysely's SQLite driver prepares every statement afresh, and
 * preparing costs more than running most of the app's statements: an upsert into `creators`
 * compiles its triggers and index upkeep each time, a cached search's lookups are a few
 * microseconds once prepared. SQLite re-prepares a kept statement by itself after a schema
 * change (a migration), so a kept statement never runs against an old schema.
 */
export class StatementCache {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly size: number = STATEMENT_CACHE_SIZE,
  ) {}

  get(sql: string): BetterSqlite3.Statement {
    const kept = this.statements.get(sql)
    if (kept !== undefined) {
      // A statement still being iterated cannot run twice at once: the caller gets a fresh one.
      if (kept.busy) return this.sqlite.prepare(sql)
      // Most recently used last: a Map keeps insertion order.
      this.statements.delete(sql)
      this.statements.set(sql, kept)
      return kept
    }
    const statement = this.sqlite.prepare(sql)
    this.statements.set(sql, statement)
    if (this.statements.size > this.size) {
      const oldest = this.statements.keys().next().value
      if (oldest !== undefined) this.statements.delete(oldest)
    }
    return statement
  }

  get kept(): number {
    return this.statements.size
  }
}

/** Kysely's SQLite connection, running each statement from the cache. */
class CachedStatementConnection implements DatabaseConnection {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly cache: StatementCache,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.cache.get(compiled.sql)
    const parameters = compiled.parameters as unknown[]
    if (statement.reader) return { rows: statement.all(parameters) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters)
    return {
      insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
      numAffectedRows: changes != null ? BigInt(changes) : undefined,
      rows: [],
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query))
      throw new Error('Sqlite driver only supports streaming of select queries')
    // Its own statement: an iteration left open must not hold a kept one busy.
    const statement = this.sqlite.prepare(compiled.sql)
    for (const row of statement.iterate(compiled.parameters as unknown[]))
      yield { rows: [row as R] }
  }
}

/** Kysely's SQLite driver with its one connection running statements from a `StatementCache`. */
export class CachedStatementDriver extends SqliteDriver {
  readonly #connection: CachedStatementConnection

  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite })
    this.#connection = new CachedStatementConnection(sqlite, new StatementCache(sqlite))
  }

  override acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.#connection)
  }
}
