import type { Kysely } from 'kysely'
import type { Database, DictionaryEntriesTable } from '../../db/schema'
import { withStatements } from '../../db/statement-cache'
import { countryById, countryByName } from './countries'

/**
 * A Modash location id as the cache understands it offline. Modash's locations dictionary
 * answers `{ id, name, title }`, the title naming the place's country last ("London, United
 * Kingdom"), so each looked-up place is kept with its country code. A country is matched
 * against report countries; anything inside a country (a state, a city) only tells that
 * creators of other countries are out: a creator of that country may or may not be there.
 */
export interface Place {
  id: number
  name: string
  kind: 'country' | 'region'
  countryCode: string
}

/** What a dictionary entry says about a place; null when its country cannot be told. */
export function placeFromEntry(entry: {
  id: number
  name: string
  title?: string | null
}): Place | null {
  const parts = (entry.title ?? entry.name)
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const last = parts.at(-1)
  if (last === undefined) return null
  const country = countryByName(last)
  if (country === undefined) return null
  const kind = parts.length === 1 ? 'country' : 'region'
  return { id: entry.id, name: parts.join(', '), kind, countryCode: country.code }
}

/** The places these ids name: kept dictionary entries first, then the built-in countries. */
export async function loadPlaces(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, Place>> {
  const out = new Map<number, Place>()
  if (ids.length === 0) return out
  // Read on every offline search: one kept statement whatever the number of ids.
  const rows = await withStatements(
    db,
    (prepare) =>
      prepare(PLACES).all(JSON.stringify(ids.map((id) => String(id)))) as Pick<
        DictionaryEntriesTable,
        'id' | 'name' | 'title' | 'country_code' | 'place_kind'
      >[],
  )
  for (const r of rows) {
    if (r.country_code === null || (r.place_kind !== 'country' && r.place_kind !== 'region'))
      continue
    const id = Number(r.id)
    out.set(id, { id, name: r.title ?? r.name, kind: r.place_kind, countryCode: r.country_code })
  }
  for (const id of ids) {
    if (out.has(id)) continue
    const country = countryById(id)
    if (country) out.set(id, { id, name: country.name, kind: 'country', countryCode: country.code })
  }
  return out
}

const PLACES = `SELECT id, name, title, country_code, place_kind FROM dictionary_entries
  WHERE kind = 'locations' AND id IN (SELECT value FROM json_each(?))`
