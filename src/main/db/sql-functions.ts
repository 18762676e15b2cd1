import type BetterSqlite3 from 'better-sqlite3'
import { words } from '../services/facts/words'

/** Word sets of texts seen lately: the same bios are tested search after search. */
const MEMO_SIZE = 50_000
const memo = new Map<string, ReadonlySet<string>>()

function wordSet(text: string): ReadonlySet<string> {
  let set = memo.get(text)
  if (set === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear()
    set = new Set(words(text))
    memo.set(text, set)
  }
  return set
}

/**
 * SQL functions the cache's queries call, registered on every connection. `cd_has_words(text,
 * wanted)` is 1 when every word of `wanted` (space-separated, already split by `words`) is a
 * whole word of `text`, as Modash matches a bio: SQLite's own LIKE and FTS fold accents and
 * match parts of words, so they can only narrow the candidates, never decide a match.
 */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('cd_has_words', { deterministic: true }, (text: unknown, wanted: unknown) => {
    if (typeof text !== 'string' || typeof wanted !== 'string') return 0
    const have = wordSet(text)
    for (const w of wanted.split(' ')) if (w !== '' && !have.has(w)) return 0
    return 1
  })
}
