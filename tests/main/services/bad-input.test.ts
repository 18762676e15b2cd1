import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../../src/main/db/database'
import { startHarness, MODASH_TOKEN, CLAY_KEY } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
  await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
})
afterAll(async () => {
  await h.close()
})

/** Every table's row count: "nothing written" means these do not move. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = [
    'creators',
    'search_requests',
    'search_pages',
    'search_page_results',
    'usage_counters',
    'quota_reservations',
    'api_call_logs',
    'lists',
    'list_members',
    'settings',
  ] as const
  const out: Record<string, number> = {}
  for (const t of tables) {
    const r = await h.core.deps.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[t] = Number(r.n)
  }
  return out
}

const bad: [string, unknown][] = [
  ['an unknown platform', { platform: 'myspace', filters: {}, page: 0 }],
  ['a negative page', { platform: 'instagram', filters: {}, page: -1 }],
  ['a huge page', { platform: 'instagram', filters: {}, page: 1_000_000 }],
  ['a fractional page', { platform: 'instagram', filters: {}, page: 1.5 }],
  [
    'an unknown filter key',
    { platform: 'instagram', filters: { influencer: { folowers: { min: 1 } } }, page: 0 },
  ],
  ['an unknown top-level key', { platform: 'instagram', filters: {}, page: 0, sneaky: true }],
  [
    'min above max',
    { platform: 'instagram', filters: { influencer: { followers: { min: 10, max: 1 } } }, page: 0 },
  ],
  [
    'lastposted under 30',
    { platform: 'instagram', filters: { influencer: { lastposted: 7 } }, page: 0 },
  ],
  [
    'sort without its filter',
    { platform: 'instagram', filters: { sort: { field: 'audienceGeo', value: 1 } }, page: 0 },
  ],
  [
    'an injection-like handle',
    {
      platform: 'instagram',
      filters: { influencer: { relevance: ["@x'; DROP TABLE creators;--"] } },
      page: 0,
    },
  ],
  [
    'an oversized bio',
    { platform: 'instagram', filters: { influencer: { bio: 'x'.repeat(100_000) } }, page: 0 },
  ],
  [
    'an oversized array',
    {
      platform: 'instagram',
      filters: { influencer: { location: Array.from({ length: 10_000 }, (_, i) => i + 1) } },
      page: 0,
    },
  ],
  [
    'a string where a number goes',
    { platform: 'instagram', filters: { influencer: { engagementRate: '0.02' } }, page: 0 },
  ],
  ['null', null],
  ['a string', 'search'],
]

describe('bad input', () => {
  it.each(bad)('refuses %s with VALIDATION and writes nothing', async (_label, input) => {
    const before = await snapshot()
    const calls = h.modashEmu.calls().length
    await expect(h.core.creators.search(input as never)).rejects.toMatchObject({
      code: 'VALIDATION',
    })
    expect(await snapshot()).toEqual(before)
    expect(h.modashEmu.calls()).toHaveLength(calls)
  })

  it('stores injection-like text as plain text', async () => {
    const name = "Robert'); DROP TABLE lists;-- <script>alert(1)</script>"
    const list = await h.core.lists.create(name)
    expect((await h.core.lists.list()).find((l) => l.id === list.id)?.name).toBe(name)
    const local = await h.core.creators.search({
      platform: 'instagram',
      filters: { influencer: { bio: "%' OR 1=1 --" } },
      page: 0,
      cacheOnly: true,
    })
    expect(local.creators).toEqual([])
  })
})

describe('secrets', () => {
  it('never writes the API keys into the database file, its WAL or the audit log', async () => {
    const list = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
    await h.core.creators.select(list.creators[0]!.id)
    const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`]
      .map((f) => join(h.dataDir, f))
      .filter((f) => existsSync(f))
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) {
      const bytes = readFileSync(f)
      expect(bytes.includes(MODASH_TOKEN)).toBe(false)
      expect(bytes.includes(CLAY_KEY)).toBe(false)
    }
    const log = JSON.stringify(await h.core.usage.log({ page: 0, pageSize: 500 }))
    expect(log).not.toContain(MODASH_TOKEN)
    expect(log).not.toContain(CLAY_KEY)
  })
})
