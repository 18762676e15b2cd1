import type { DictionaryEntry } from '../providers/modash/schemas'
import type { CoreDeps } from './core-deps'
import type { DictionaryService } from './core-types'
import { keepEntries, keptEntries } from './facts/dictionary-entries'
import { canServeFromCache } from './provider-failure'

type Entry = { id: string; name: string }

/**
 * Modash's dictionaries (locations, languages, interests, brands) are free, but still network
 * calls: each answer is kept, so filter pickers work offline and ask only once per query.
 */
export function createDictionaryService(deps: CoreDeps): DictionaryService {
  return {
    async search({ platform, kind, query }) {
      const q = query.trim().toLowerCase()
      const cached = await deps.db
        .selectFrom('dictionary_cache')
        .select('entries_json')
        .where('platform', '=', platform)
        .where('kind', '=', kind)
        .where('query', '=', q)
        .executeTakeFirst()
      if (cached) return { entries: JSON.parse(cached.entries_json) as Entry[], source: 'cache' }
      const settings = await deps.settings.get()
      if (settings.offline)
        return { entries: await searchKept(deps, platform, kind, q), source: 'cache' }
      let entries: Entry[]
      try {
        const response = await deps.modash.dictionary(platform, kind, q === '' ? undefined : q, 20)
        entries = response.data.map(toEntry).filter((e): e is Entry => e !== null)
        // Each entry also on its own, locations with their country, for offline search.
        await keepEntries(deps.db, kind, response.data)
      } catch (err) {
        if (canServeFromCache(err))
          return { entries: await searchKept(deps, platform, kind, q), source: 'cache' }
        throw err
      }
      await deps.db
        .insertInto('dictionary_cache')
        .values({
          platform,
          kind,
          query: q,
          entries_json: JSON.stringify(entries),
          fetched_at: deps.clock.now().toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute()
      return { entries, source: 'provider' }
    },
  }
}

function toEntry(e: DictionaryEntry): Entry | null {
  const id = e.id ?? e.code
  return id === undefined ? null : { id: String(id), name: e.title ?? e.name }
}

/**
 * Offline: every entry kept from earlier answers whose name contains the query, with the
 * built-in countries for locations (see `facts/dictionary-entries.ts`).
 */
async function searchKept(
  deps: CoreDeps,
  platform: string,
  kind: string,
  q: string,
): Promise<Entry[]> {
  const rows = await deps.db
    .selectFrom('dictionary_cache')
    .select('entries_json')
    .where('platform', '=', platform)
    .where('kind', '=', kind)
    .execute()
  const byId = new Map<string, Entry>()
  for (const e of await keptEntries(deps.db, kind, q, 20)) byId.set(e.id, e)
  for (const r of rows) for (const e of JSON.parse(r.entries_json) as Entry[]) byId.set(e.id, e)
  return [...byId.values()].filter((e) => e.name.toLowerCase().includes(q)).slice(0, 20)
}
