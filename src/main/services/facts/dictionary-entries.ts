import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { DictionaryEntry } from '../../providers/modash/schemas'
import { BUILT_IN_COUNTRIES } from './countries'
import { placeFromEntry } from './places'

type Entry = { id: string; name: string }

/**
 * Every dictionary entry Modash answered, kept one row per id (`dictionary_entries`), so the
 * cache can place a location id in its country and name an interest offline, whichever query
 * first brought the entry.
 */
export async function keepEntries(
  db: Kysely<Database>,
  kind: string,
  entries: readonly DictionaryEntry[],
): Promise<void> {
  const rows = entries.flatMap((e) => {
    const id = e.id ?? e.code
    if (id === undefined) return []
    const place =
      kind === 'locations' && typeof id === 'number'
        ? placeFromEntry({ id, name: e.name, title: e.title ?? null })
        : null
    return [
      {
        kind,
        id: String(id),
        name: e.name,
        title: e.title ?? null,
        country_code: place?.countryCode ?? null,
        place_kind: place?.kind ?? null,
      },
    ]
  })
  if (rows.length === 0) return
  await db
    .insertInto('dictionary_entries')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        title: eb.ref('excluded.title'),
        country_code: eb.ref('excluded.country_code'),
        place_kind: eb.ref('excluded.place_kind'),
      })),
    )
    .execute()
}

/**
 * Offline: kept entries whose name contains the query, and for locations the built-in countries
 * the app can name by id, so "Germany" can be picked on a laptop that never looked it up.
 */
export async function keptEntries(
  db: Kysely<Database>,
  kind: string,
  q: string,
  limit: number,
): Promise<Entry[]> {
  const rows = await db
    .selectFrom('dictionary_entries')
    .select(['id', 'name', 'title'])
    .where('kind', '=', kind)
    .execute()
  const byId = new Map<string, Entry>()
  for (const r of rows) byId.set(r.id, { id: r.id, name: r.title ?? r.name })
  if (kind === 'locations')
    for (const c of BUILT_IN_COUNTRIES)
      if (c.id !== null && !byId.has(String(c.id)))
        byId.set(String(c.id), { id: String(c.id), name: c.name })
  const matches = [...byId.values()].filter((e) => e.name.toLowerCase().includes(q))
  // Names that start with the query first, as Modash orders its answers.
  matches.sort(
    (a, b) =>
      Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)) ||
      a.name.localeCompare(b.name),
  )
  return matches.slice(0, limit)
}
