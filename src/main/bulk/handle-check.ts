import type { Kysely } from 'kysely'
import type { HandleCheck, HandleEntry, HandleStatus } from '../../shared/bulk'
import { HANDLE_STATUSES } from '../../shared/bulk'
import type { ChannelInput } from '../../shared/ipc-contract'
import { PLATFORMS } from '../../shared/platforms'
import type { Database } from '../db/schema'
import { ProviderError } from '../providers/provider-error'
import type { CoreDeps } from '../services/core-deps'
import type { CreatorRow } from '../services/creator-repository'
import { toSummary } from '../services/creator-repository'
import { PLATFORM_NAMES } from './handle-forms'
import { accountKey, readImport } from './import-read'
import type { ReadValue } from './import-read'
import { isExactMatch, keepLookedUp } from './looked-up-store'

/**
 * Free lookups one check makes at most. Modash allows 10 a second, so a check answers within
 * about half a minute; the handles found are kept in the cache, so checking again continues
 * where this one stopped.
 */
export const LOOKUPS_PER_CHECK = 300
const CHUNK = 500

type Resolution = { row: CreatorRow; status: 'cached' | 'resolved' } | { status: 'not_found' }

/**
 * Step 1 of bulk work: what an import names, before anything is bought. Every value is read and
 * matched against the cache; with `lookup`, the rest are resolved with Modash's free handle
 * lookup and kept, so they can be bought by id afterwards.
 */
export async function checkHandles(
  deps: CoreDeps,
  input: ChannelInput<'bulk:check'>,
): Promise<HandleCheck> {
  const read = readImport(input)
  const accounts = read.values.filter((v) => v.parsed.ok && v.duplicateOf === null)
  const resolved = await findCached(deps.db, accounts)
  let lookups = 0
  let lookupProblem: string | null = null
  if (input.lookup) {
    const todo = accounts.filter((v) => !resolved.has(keyOf(v)))
    if (todo.length > 0 && (await deps.settings.get()).offline) {
      lookupProblem = 'Offline: handles not in the cache were not looked up.'
    } else {
      for (const value of todo) {
        if (lookups >= LOOKUPS_PER_CHECK) {
          lookupProblem = `Looked up ${LOOKUPS_PER_CHECK} handles with Modash, the most one check does; check again to look up the rest (those found are kept).`
          break
        }
        lookups++
        try {
          resolved.set(keyOf(value), await lookUp(deps, value))
        } catch (err) {
          lookupProblem = `Modash could not look handles up: ${err instanceof Error ? err.message : String(err)}`
          break
        }
      }
    }
  }
  const entries = toEntries(read.values, resolved)
  const counts = Object.fromEntries(HANDLE_STATUSES.map((s) => [s, 0])) as Record<
    HandleStatus,
    number
  >
  for (const e of entries) counts[e.status] += 1
  const creatorIds = entries.flatMap((e) =>
    (e.status === 'cached' || e.status === 'resolved') && e.creator ? [e.creator.id] : [],
  )
  return {
    columns: read.columns,
    column: read.column,
    entries,
    counts,
    creatorIds,
    lookups,
    lookupProblem,
  }
}

function keyOf(value: ReadValue): string {
  if (!value.parsed.ok) return ''
  return accountKey(value.parsed.platform, value.parsed.kind, value.parsed.handle)
}

async function findCached(
  db: Kysely<Database>,
  accounts: ReadValue[],
): Promise<Map<string, Resolution>> {
  const found = new Map<string, Resolution>()
  for (const platform of PLATFORMS) {
    for (const kind of ['handle', 'channel'] as const) {
      const names = accounts.flatMap((v) =>
        v.parsed.ok && v.parsed.platform === platform && v.parsed.kind === kind
          ? [v.parsed.handle]
          : [],
      )
      for (let i = 0; i < names.length; i += CHUNK) {
        const rows = await db
          .selectFrom('creators')
          .selectAll()
          .where('platform', '=', platform)
          .where(kind === 'handle' ? 'handle' : 'provider_id', 'in', names.slice(i, i + CHUNK))
          .execute()
        for (const row of rows) {
          const name = kind === 'handle' ? row.handle : row.provider_id
          if (name !== null) found.set(accountKey(platform, kind, name), { row, status: 'cached' })
        }
      }
    }
  }
  return found
}

/** One free lookup; "no such account" is an answer, any other failure stops the lookups. */
async function lookUp(deps: CoreDeps, value: ReadValue): Promise<Resolution> {
  if (!value.parsed.ok) return { status: 'not_found' }
  const { platform, handle, kind } = value.parsed
  let users
  try {
    users = (await deps.modash.users(platform, handle, 10)).data.users
  } catch (err) {
    if (err instanceof ProviderError && err.code === 'NOT_FOUND') return { status: 'not_found' }
    throw err
  }
  const user = users.find((u) => isExactMatch(u, handle, kind))
  if (user === undefined) return { status: 'not_found' }
  const id = await keepLookedUp(deps.db, platform, user, deps.clock.now().toISOString())
  const row = await deps.db
    .selectFrom('creators')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { row, status: 'resolved' }
}

function toEntries(values: ReadValue[], resolved: Map<string, Resolution>): HandleEntry[] {
  const firstLineOf = new Map<number, number>()
  return values.map((value): HandleEntry => {
    const base = { line: value.line, input: value.input }
    if (!value.parsed.ok)
      return {
        ...base,
        platform: null,
        handle: null,
        status: 'invalid',
        creator: null,
        note: value.parsed.reason,
      }
    const { platform, handle } = value.parsed
    const named = { ...base, platform, handle }
    if (value.duplicateOf !== null)
      return {
        ...named,
        status: 'duplicate',
        creator: null,
        note: `same as line ${value.duplicateOf}`,
      }
    const resolution = resolved.get(keyOf(value))
    if (resolution === undefined)
      return { ...named, status: 'unchecked', creator: null, note: null }
    if (resolution.status === 'not_found')
      return {
        ...named,
        status: 'not_found',
        creator: null,
        note:
          value.parsed.kind === 'channel'
            ? 'Modash found no channel with this id: paste the channel’s @handle instead'
            : `no ${PLATFORM_NAMES[platform]} account with this handle`,
      }
    // Two spellings of one account (a channel id and its @handle, an old handle): one creator.
    const first = firstLineOf.get(resolution.row.id)
    if (first !== undefined)
      return {
        ...named,
        status: 'duplicate',
        creator: toSummary(resolution.row),
        note: `same creator as line ${first}`,
      }
    firstLineOf.set(resolution.row.id, value.line)
    return { ...named, status: resolution.status, creator: toSummary(resolution.row), note: null }
  })
}
