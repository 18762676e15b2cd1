import type BetterSqlite3 from 'better-sqlite3'
import { hasAllWords } from '../services/facts/words'

/**
 * SQL functions the cache's queries call, registered on every connection. `cd_has_words(text,
 * wanted)` is 1 when every word of `wanted` (space-separated, already split by `words`) is a
 * whole word of `text`, as Modash matches a bio: SQLite's own LIKE and FTS fold accents and
 * match parts of words, so they can only narrow the candidates, never decide a match.
 */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('cd_has_words', { deterministic: true }, (text: unknown, wanted: unknown) =>
    typeof text === 'string' && typeof wanted === 'string'
      ? Number(
          hasAllWords(
            text,
            wanted.split(' ').filter((w) => w !== ''),
          ),
        )
      : 0,
  )
}
