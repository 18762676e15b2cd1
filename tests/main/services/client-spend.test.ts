import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/app/handler-table'
import type { HandlerDeps } from '../../../src/main/app/handler-table'
import { exportFolder } from '../../../src/main/app/export-folder'
import { dispatch } from '../../../src/main/ipc/dispatch'
import type { Channel, ChannelInput, ChannelResult } from '../../../src/shared/ipc-contract'
import { parseCsv } from '../../helpers/rfc4180'
import { startBulkHarness } from '../bulk/bulk-harness'
import type { BulkHarness } from '../bulk/bulk-harness'

/**
 * Cost attribution over a real SQLite file and the emulators: spend made under client A, B, a
 * tagged list's bulk job and none is summed per client per month, exactly, and exported as CSV.
 */
let h: BulkHarness
/** Every call as the renderer makes it: parsed against the contract, then the handler table. */
let handlers: { [C in Channel]: (input: ChannelInput<C>) => Promise<ChannelResult<C>> }

beforeAll(async () => {
  h = await startBulkHarness()
  const table = createHandlers({
    core: h.core,
    choosePath: exportFolder(join(h.dataDir, 'exports')),
    now: () => h.clock.now(),
    mode: 'real',
  } as unknown as HandlerDeps)
  handlers = new Proxy({} as typeof handlers, {
    get: (_, channel: string) => async (input: unknown) => {
      const answer = await dispatch(table, channel, input)
      if (!answer.ok) throw Object.assign(new Error(answer.error.message), answer.error)
      return answer.data
    },
  })
  const set = (client: string | null) => handlers['settings:set']({ currentClient: client })

  // Client A: a search page and a report; the same search again is a cache hit, free.
  expect((await set('  Acme Co  ')).currentClient).toBe('Acme Co')
  const ig = await handlers['creators:search']({ platform: 'instagram', filters: {}, page: 0 })
  await handlers['creators:select']({ creatorId: ig.creators[0]!.id })
  await handlers['creators:search']({ platform: 'instagram', filters: {}, page: 0 })
  // Client B: another search page and a report.
  await set('Beta Ltd')
  const tt = await handlers['creators:search']({ platform: 'tiktok', filters: {}, page: 0 })
  await handlers['creators:select']({ creatorId: tt.creators[0]!.id })
  // No client: a report.
  await set(null)
  await handlers['creators:select']({ creatorId: ig.creators[1]!.id })
  // A list tagged with client C: its bulk job bills C, since no current client is set.
  const list = await handlers['lists:create']({ name: 'Gamma shortlist' })
  expect((await handlers['lists:set-client']({ listId: list.id, client: 'Gamma' })).client).toBe(
    'Gamma',
  )
  await handlers['lists:add']({ listId: list.id, creatorIds: [ig.creators[2]!.id] })
  await handlers['bulk:start']({
    target: { listId: list.id },
    reports: true,
    emails: false,
    title: 'Gamma reports',
    confirmed: { reports: 1, enrichments: 0 },
  })
  await h.core.bulk.idle()
  // Next month, client A again: not November's spend.
  await set('Acme Co')
  h.clock.set('2026-12-02T09:00:00.000Z')
  await handlers['creators:select']({ creatorId: ig.creators[3]!.id })
}, 60_000)
afterAll(async () => h?.close())

describe('spend by client', () => {
  it('tags every audit row with the current client, or the list’s for its bulk job', async () => {
    const rows = await h.core.deps.db
      .selectFrom('api_call_logs')
      .select(['client', 'action', 'cache_hit'])
      .orderBy('id')
      .execute()
    expect(rows.map((r) => [r.client, r.action, r.cache_hit])).toEqual([
      ['Acme Co', 'search', 0],
      ['Acme Co', 'report', 0],
      ['Acme Co', 'search', 1],
      ['Beta Ltd', 'search', 0],
      ['Beta Ltd', 'report', 0],
      [null, 'report', 0],
      ['Gamma', 'report', 0],
      ['Acme Co', 'report', 0],
    ])
  })

  it('sums each client’s November spend exactly, in integers, untagged last', async () => {
    const spend = await handlers['usage:client-spend']({ month: '2026-11' })
    const perResult =
      (
        await h.core.deps.db
          .selectFrom('api_call_logs')
          .select('cost_millicredits')
          .where('action', '=', 'search')
          .where('cache_hit', '=', 0)
          .executeTakeFirstOrThrow()
      ).cost_millicredits / 15
    const page = 15 * perResult
    expect(spend).toEqual({
      month: '2026-11',
      rows: [
        {
          client: 'Acme Co',
          modashMilliCredits: page + 1000,
          discoveryResults: 15,
          reports: 1,
          emailLookups: 0,
        },
        {
          client: 'Beta Ltd',
          modashMilliCredits: page + 1000,
          discoveryResults: 15,
          reports: 1,
          emailLookups: 0,
        },
        {
          client: 'Gamma',
          modashMilliCredits: 1000,
          discoveryResults: 0,
          reports: 1,
          emailLookups: 0,
        },
        {
          client: null,
          modashMilliCredits: 1000,
          discoveryResults: 0,
          reports: 1,
          emailLookups: 0,
        },
      ],
    })
    for (const r of spend.rows) expect(Number.isInteger(r.modashMilliCredits)).toBe(true)
    // Every milli-credit Modash billed is attributed once, to one row or the other month.
    const november = spend.rows.reduce((n, r) => n + r.modashMilliCredits, 0)
    const december = await handlers['usage:client-spend']({ month: '2026-12' })
    expect(december.rows).toEqual([
      {
        client: 'Acme Co',
        modashMilliCredits: 1000,
        discoveryResults: 0,
        reports: 1,
        emailLookups: 0,
      },
    ])
    expect(november + 1000).toBe(h.modashMilliCharged())
    expect((await handlers['usage:client-spend']({ month: '2001-01' })).rows).toEqual([])
  })

  it('exports the month for re-billing as CSV, read back as the table says', async () => {
    const result = await handlers['export:client-spend-csv']({ month: '2026-11' })
    if (result === null) throw new Error('cancelled')
    expect(result.rows).toBe(4)
    const [header, ...rows] = parseCsv(readFileSync(result.path, 'utf8'))
    expect(header).toEqual([
      'Month',
      'Client',
      'Modash credits',
      'Discovery results',
      'Reports',
      'Email lookups',
    ])
    const spend = await handlers['usage:client-spend']({ month: '2026-11' })
    expect(rows).toEqual(
      spend.rows.map((r) => [
        '2026-11',
        r.client ?? 'No client',
        (r.modashMilliCredits / 1000).toFixed(3),
        String(r.discoveryResults),
        String(r.reports),
        '0',
      ]),
    )
  })

  it('keeps the client setting trimmed and bounded, and refuses a bad month', async () => {
    const { settingsPatchSchema, CHANNELS } = await import('../../../src/shared/ipc-contract')
    expect(settingsPatchSchema.safeParse({ currentClient: '   ' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ currentClient: 'x'.repeat(81) }).success).toBe(false)
    expect(settingsPatchSchema.parse({ currentClient: ' A ' }).currentClient).toBe('A')
    expect(CHANNELS['usage:client-spend'].safeParse({ month: '2026-13' }).success).toBe(false)
    // The setting outlives a restart.
    await h.reopen()
    expect((await h.core.settings.get()).currentClient).toBe('Acme Co')
  })
})
