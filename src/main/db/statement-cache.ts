import type BetterSqlite3 from 'better-sqlite3'
import { SelectQueryNode, SqliteDriver } from 'kysely'
import type { Compilable, CompiledQuery, DatabaseConnection, Kysely, QueryResult } from 'kysely'

/**
 * Statements kept prepared; past this many, the one used least recently is let go. A local
 * search writes four or five statements whose text depends on which filters it has, so a day of
 * a few hundred different searches needs a thousand; one statement holds a few kilobytes.
 */
export const STATEMENT_CACHE_SIZE = 1024

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

/** Prepares a statement, or hands back the one kept for the same SQL. */
export type Prepare = (sql: string) => BetterSqlite3.Statement

/**
 * Runs `work` on the connection `db` stands for (inside its transaction, if it is one) with the
 * connection's kept statements, for a loop of many small statements (an upsert a row), where
 * even Kysely's per-call cost would dominate. `work` runs synchronously, so nothing else can
 * use the connection meanwhile. Only for databases opened by `openDatabase`.
 */
export function withStatements<T>(
  // Any schema: the statements are written by hand.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  work: (prepare: Prepare) => T,
): Promise<T> {
  return db.getExecutor().provideConnection((connection) =>
    settled(() => {
      if (!(connection instanceof CachedStatementConnection))
        throw new Error('withStatements needs a database opened by openDatabase')
      return connection.use(work)
    }),
  )
}

/** Rows read as arrays (`readRows`), each field read at its column's position. */
export interface ArrayRows<Row> {
  rows: unknown[][]
  /**
   * Where each column is in a row, found once per read: `row[at.name]`. An export reads a
   * field of every row; a lookup by name or a reader function each time costs more than the
   * rest of the row's work. A column the query does not select has no position (undefined),
   * so it reads as undefined.
   */
  at: { readonly [K in keyof Row]-?: number }
}

/**
 * Runs a Kysely select on its kept statement and hands back the rows as arrays, for reads of
 * very many rows (an export): better-sqlite3 building an object a row costs about as much as
 * SQLite reading it.
 */
export function readRows<Row>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  query: Compilable<Row>,
): Promise<ArrayRows<Row>> {
  const compiled = query.compile()
  return withStatements(db, (prepare) => {
    const statement = prepare(compiled.sql)
    const at: Record<string, number> = {}
    statement.columns().forEach((column, i) => (at[column.name] = i))
    statement.raw(true)
    try {
      return {
        rows: statement.all(compiled.parameters) as unknown[][],
        at: at as ArrayRows<Row>['at'],
      }
    } finally {
      // Kept statements are shared: the next user gets objects again.
      statement.raw(false)
    }
  })
}

/** Kysely's SQLite connection, running each statement from the cache. */
class CachedStatementConnection implements DatabaseConnection {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly cache: StatementCache,
  ) {}

  use<T>(work: (prepare: Prepare) => T): T {
    return work((sql) => this.cache.get(sql))
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return settled(() => {
      const statement = this.cache.get(compiled.sql)
      const parameters = compiled.parameters as unknown[]
      if (statement.reader) return { rows: statement.all(parameters) as R[] }
      const { changes, lastInsertRowid } = statement.run(parameters)
      return {
        insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
        numAffectedRows: changes != null ? BigInt(changes) : undefined,
        rows: [],
      }
    })
  }

  // As Kysely's own: rows one at a time from a synchronous iterator, nothing to await.
  // eslint-disable-next-line @typescript-eslint/require-await
  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query))
      throw new Error('Sqlite driver only supports streaming of select queries')
    // Its own statement: an iteration left open must not hold a kept one busy.
    const statement = this.sqlite.prepare(compiled.sql)
    for (const row of statement.iterate(compiled.parameters)) yield { rows: [row as R] }
  }
}

/** What `work` returns or throws, as a promise (better-sqlite3 runs synchronously). */
function settled<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (err) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passed on as thrown
    return Promise.reject(err)
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
