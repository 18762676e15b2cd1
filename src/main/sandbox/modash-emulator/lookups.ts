import type { Platform } from '../../../shared/platforms'
import { BRANDS, INTERESTS, LANGUAGES } from '../dataset/dictionaries'
import type { DatasetIndex } from './dataset-index'
import { pictureUrl } from './profile'

export type DictionaryKind = 'locations' | 'languages' | 'interests' | 'brands'

export type LookupResult =
  { ok: true; body: Record<string, unknown> } | { ok: false; message: string }

const DEFAULT_LIMIT = 10
const MAX_LIMIT = 100

/** `limit` is optional; anything other than an integer 1..100 is a `bad_request`. */
export function parseLimit(raw: string | null): number | null {
  if (raw === null || raw === '') return DEFAULT_LIMIT
  const n = Number(raw)
  return Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT ? n : null
}

/** `/users`: handle or name lookup; exact handle first, then prefix matches, then by followers. */
export function listUsers(
  index: DatasetIndex,
  platform: Platform,
  params: URLSearchParams,
): LookupResult {
  const query = (params.get('query') ?? '').trim().replace(/^@/, '').toLowerCase()
  const limit = parseLimit(params.get('limit'))
  if (query === '') return { ok: false, message: 'query is required' }
  if (limit === null) return { ok: false, message: 'limit must be an integer from 1 to 100' }
  const rank = (username: string) => (username === query ? 0 : username.startsWith(query) ? 1 : 2)
  const users = index
    .creators(platform)
    .filter((c) => c.username.includes(query) || c.fullname.toLowerCase().includes(query))
    .sort((a, b) => rank(a.username) - rank(b.username) || b.followers - a.followers)
    .slice(0, limit)
    .map((c) => ({
      userId: c.userId,
      username: c.username,
      fullname: c.fullname,
      // The docs copy names it `profile_picture`, clients read `picture`: send both.
      picture: pictureUrl(c),
      profile_picture: pictureUrl(c),
      followers: c.followers,
      isVerified: c.isVerified,
      ...(c.handle !== null ? { handle: c.handle } : {}),
    }))
  return { ok: true, body: { error: false, users } }
}

/** `/{locations|languages|interests|brands}`: case-insensitive match on the name, prefix first. */
export function dictionary(
  index: DatasetIndex,
  kind: DictionaryKind,
  params: URLSearchParams,
): LookupResult {
  const query = (params.get('query') ?? '').trim().toLowerCase()
  const limit = parseLimit(params.get('limit'))
  if (limit === null) return { ok: false, message: 'limit must be an integer from 1 to 100' }
  const entries = entriesOf(index, kind)
  const matches = entries
    .map((e, order) => ({ e, order, name: String(e.name).toLowerCase() }))
    .filter((x) => query === '' || x.name.includes(query))
    .sort(
      (a, b) =>
        Number(!a.name.startsWith(query)) - Number(!b.name.startsWith(query)) || a.order - b.order,
    )
  return {
    ok: true,
    body: { error: false, total: matches.length, [kind]: matches.slice(0, limit).map((x) => x.e) },
  }
}

function entriesOf(index: DatasetIndex, kind: DictionaryKind): Record<string, unknown>[] {
  switch (kind) {
    case 'locations':
      return index.locations.map((l) => ({ id: l.id, name: l.name, title: l.title }))
    case 'languages':
      return LANGUAGES.map((l) => ({ code: l.code, name: l.name }))
    case 'interests':
      return INTERESTS.map((i) => ({ id: i.id, name: i.name }))
    case 'brands':
      return BRANDS.map((b) => ({ id: b.id, name: b.name }))
  }
}
