import type { CreatorDeskApi } from '../../src/shared/api'
import type {
  AuditLogRow,
  CreatorDetail,
  CreatorSummary,
  KeyName,
  KeysStatus,
  ListMember,
  ListSummary,
  ClientSpendRow,
} from '../../src/shared/domain'
import type { Envelope, ErrorCode } from '../../src/shared/errors'
import type { Channel, ChannelInput, ChannelResult } from '../../src/shared/ipc-contract'
import { CHANNEL_NAMES } from '../../src/shared/ipc-contract'
import { PAGE_SIZE } from '../../src/shared/search-filters'
import { FakeBulk } from './fake-bulk'
import { FakeTeam } from './fake-team'
import {
  NOW,
  makeCreator,
  makeDetail,
  makeQuota,
  makeReport,
  makeSettings,
  makeStats,
} from './fake-data'

type Result<C extends Channel> = Envelope<ChannelResult<C>> | Promise<Envelope<ChannelResult<C>>>
export type Handler<C extends Channel> = (input: ChannelInput<C>) => Result<C>
type Handlers = { [C in Channel]: Handler<C> }

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data })
export const fail = (
  code: ErrorCode,
  message: string = code,
  details?: Record<string, unknown>,
): Envelope<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
})

const configured = (on: boolean) => ({ configured: on, from: on ? ('keychain' as const) : null })

/**
 * An in-memory `window.api` that behaves like main in miniature (a search repeated is answered
 * from its "cache", a report bought is kept) and records every call so tests can assert on what
 * was sent, and on what was not.
 */
export class FakeApi {
  readonly calls: { channel: Channel; input: unknown }[] = []
  searchPool: CreatorSummary[] = []
  searchTotal: number | null = null
  readonly ownedSearches = new Set<string>()
  readonly details = new Map<number, CreatorDetail>()
  quota = makeQuota()
  settings = makeSettings()
  keys: KeysStatus = {
    keychain: 'available',
    keys: { modash: configured(false), clay: configured(false), clayRoutine: configured(false) },
  }
  lists: ListSummary[] = []
  readonly members = new Map<number, ListMember[]>()
  auditRows: AuditLogRow[] = []
  /** What `usage:client-spend` answers, whatever the month. */
  clientSpendRows: ClientSpendRow[] = []
  /** Jobs, history, saved searches and the refresh plan (`fake-bulk.ts`). */
  readonly bulk = new FakeBulk()
  /** Settings → Team (`fake-team.ts`). */
  readonly team = new FakeTeam()
  private nextListId = 1
  private readonly overrides: Partial<Record<Channel, (input: unknown) => unknown>> = {}
  readonly api: CreatorDeskApi

  constructor() {
    const defaults = this.defaults()
    const api: Record<string, (input: unknown) => Promise<unknown>> = {}
    for (const channel of CHANNEL_NAMES) {
      api[channel] = async (input: unknown) => {
        this.calls.push({ channel, input })
        const handler =
          this.overrides[channel] ?? (defaults[channel] as (input: unknown) => unknown)
        return await handler(input)
      }
    }
    this.api = api as unknown as CreatorDeskApi
  }

  on<C extends Channel>(channel: C, handler: Handler<C>): this {
    this.overrides[channel] = handler as (input: unknown) => unknown
    return this
  }

  callsTo<C extends Channel>(channel: C): ChannelInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<C>)
  }

  detail(id: number): CreatorDetail {
    return this.details.get(id) ?? makeDetail(id)
  }

  private defaults(): Handlers {
    return {
      ...this.bulk.handlers(),
      ...this.team.handlers(),
      'creators:search': ({ platform, filters, page, cacheOnly }) => {
        const creators = this.searchPool.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)
        const key = JSON.stringify([platform, filters, page])
        const owned = this.ownedSearches.has(key)
        if (!cacheOnly) this.ownedSearches.add(key)
        const source = cacheOnly ? 'local' : owned ? 'cache' : 'provider'
        return ok({
          platform,
          page,
          creators,
          total: this.searchTotal ?? this.searchPool.length,
          source,
          fetchedAt: NOW.toISOString(),
          resultsCharged: source === 'provider' ? creators.length : 0,
          filtersHash: 'hash',
        })
      },
      'creators:get': ({ creatorId }) => ok(this.detail(creatorId)),
      'creators:select': ({ creatorId }) => {
        const bought: CreatorDetail = {
          ...this.detail(creatorId),
          report: makeReport(),
          reportFetchedAt: NOW.toISOString(),
          reportAgeDays: 0,
          reportsCharged: 1,
        }
        this.details.set(creatorId, bought)
        return ok(bought)
      },
      'creators:enrich': ({ creatorId }) =>
        ok({
          creatorId,
          email: {
            email: 'found@example.com',
            source: 'clay',
            status: 'found',
            checkedAt: NOW.toISOString(),
            retryAfter: null,
          },
          source: 'provider',
          enrichmentsCharged: 1,
        }),
      'creators:abandon-lookup': ({ creatorId }) => {
        const detail = this.detail(creatorId)
        const waiting = Boolean(detail.email.pendingLookup)
        const email = { ...detail.email, pendingLookup: null }
        this.details.set(creatorId, { ...detail, email })
        return ok({ abandoned: waiting, email })
      },
      'creators:picture': () => ok({ dataUrl: null }),
      'dictionaries:search': ({ query }) =>
        ok({
          entries: [
            { id: '148838', name: 'United States' },
            { id: '51800', name: 'London' },
          ].filter((e) => e.name.toLowerCase().includes(query.toLowerCase())),
          source: 'cache',
        }),
      'usage:quota': () => ok(this.quota),
      'usage:stats': () => ok(makeStats()),
      'usage:reconcile': () => ok(this.quota.balance),
      'usage:confirm-clock': () => {
        this.quota = { ...this.quota, clock: { ...this.quota.clock, state: 'ok' } }
        return ok(this.quota)
      },
      'usage:log': ({ page, pageSize }) =>
        ok({
          rows: this.auditRows.slice(page * pageSize, (page + 1) * pageSize),
          total: this.auditRows.length,
        }),
      'usage:client-spend': ({ month }) => ok({ month, rows: this.clientSpendRows }),
      'lists:list': () => ok(this.lists),
      'lists:create': ({ name }) => {
        const list = {
          id: this.nextListId++,
          name,
          memberCount: 0,
          createdAt: NOW.toISOString(),
          updatedAt: NOW.toISOString(),
          client: null,
        }
        this.lists = [...this.lists, list]
        return ok(list)
      },
      'lists:rename': ({ listId, name }) => {
        this.lists = this.lists.map((l) => (l.id === listId ? { ...l, name } : l))
        const list = this.lists.find((l) => l.id === listId)
        return list ? ok(list) : fail('NOT_FOUND')
      },
      'lists:set-client': ({ listId, client }) => {
        this.lists = this.lists.map((l) => (l.id === listId ? { ...l, client } : l))
        const list = this.lists.find((l) => l.id === listId)
        return list ? ok(list) : fail('NOT_FOUND')
      },
      'lists:delete': ({ listId }) => {
        this.lists = this.lists.filter((l) => l.id !== listId)
        return ok({ deleted: true })
      },
      'lists:members': ({ listId }) => ok(this.members.get(listId) ?? []),
      'lists:add': ({ listId, creatorIds }) => {
        const existing = this.members.get(listId) ?? []
        const fresh = creatorIds.filter((id) => !existing.some((m) => m.creator.id === id))
        const added = fresh.map((id) => ({
          listId,
          creator: makeCreator(id),
          email: null,
          notes: '',
          tags: [],
          status: 'shortlisted' as const,
          addedAt: NOW.toISOString(),
        }))
        this.members.set(listId, [...existing, ...added])
        this.lists = this.lists.map((l) =>
          l.id === listId ? { ...l, memberCount: existing.length + added.length } : l,
        )
        return ok({ added: added.length })
      },
      'lists:remove': ({ listId, creatorIds }) => {
        const before = this.members.get(listId) ?? []
        this.members.set(
          listId,
          before.filter((m) => !creatorIds.includes(m.creator.id)),
        )
        return ok({ removed: before.length - (this.members.get(listId)?.length ?? 0) })
      },
      'lists:update-member': ({ listId, creatorId, ...patch }) => {
        const member = (this.members.get(listId) ?? []).find((m) => m.creator.id === creatorId)
        return member ? ok({ ...member, ...patch }) : fail('NOT_FOUND')
      },
      'export:csv': (input) =>
        ok({
          path: '/home/me/Exports/list.csv',
          rows:
            'listId' in input
              ? (this.members.get(input.listId)?.length ?? 0)
              : input.creatorIds.length,
        }),
      'keys:status': () => ok(this.keys),
      'keys:set': ({ key }) => ok(this.setKey(key, true)),
      'keys:clear': ({ key }) => ok(this.setKey(key, false)),
      'keys:test': () => ok({ ok: true, message: 'The key works.' }),
      'settings:get': () => ok(this.settings),
      'settings:set': (patch) => {
        this.settings = {
          ...this.settings,
          ...patch,
          limits: { ...this.settings.limits, ...patch.limits },
          clayMapping: {
            inputs: { ...this.settings.clayMapping.inputs, ...patch.clayMapping?.inputs },
            emailPath:
              patch.clayMapping?.emailPath === undefined
                ? this.settings.clayMapping.emailPath
                : patch.clayMapping.emailPath,
          },
        }
        return ok(this.settings)
      },
      'cache:clear': () => ok({ creatorsRemoved: 12 }),
      'clay:test-routine': () =>
        ok({
          resultKeys: ['Work Email', 'Enrich person.email', 'Enrich person.full_name'],
          email: null,
          problem: null,
        }),
      'app:info': () =>
        ok({
          version: '0.1.0',
          dataDir: '/home/me/.creator-desk',
          mode: 'sandbox',
          keychain: 'available',
        }),
      'app:set-mode': ({ mode }) =>
        ok({ mode, restarting: false, message: 'Restart Creator Desk to switch.' }),
      'db:status': () =>
        ok({ state: 'ok', file: '/home/me/.creator-desk/creator-desk.sqlite', backups: [] }),
      'db:recover': () =>
        fail('PRECONDITION', 'The database is not damaged: there is nothing to recover.'),
      'db:restore-backup': () =>
        fail('NOT_FOUND', 'That backup is no longer in the backups folder.'),
    }
  }

  private setKey(key: KeyName, on: boolean): KeysStatus {
    this.keys = { ...this.keys, keys: { ...this.keys.keys, [key]: configured(on) } }
    return this.keys
  }
}

export function installFakeApi(fake: FakeApi = new FakeApi()): FakeApi {
  window.api = fake.api
  return fake
}
