import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/services/create-core'
import type { SearchFilters } from '../../src/shared/search-filters'
import { startProviders } from '../helpers/core-harness'
import { ManualClock } from '../helpers/manual-clock'
import { makeTempDir } from '../helpers/temp-dir'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

/**
 * Team mode through the app's own services: three laptops (three cores, three data folders)
 * on one team database and one Modash emulator. Whatever one laptop buys, the others get for
 * free through the same purchase routine, and the team's ledger equals what Modash charged.
 */

const skip = teamTestsSkipReason()
const filters: SearchFilters = { influencer: { followers: { min: 30_000 } } }

describe.skipIf(skip !== null)('three laptops of one team', () => {
  let team: TeamDb
  let providers: Awaited<ReturnType<typeof startProviders>>
  const closers: (() => Promise<void> | void)[] = []

  beforeAll(async () => {
    team = await startTeamDb()
    providers = await startProviders()
  })
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
    await providers?.modashEmu.close()
    await providers?.clayEmu.close()
    await team?.close()
  })

  async function laptop(name: string) {
    const client = team.laptop(await team.manager(name))
    const tmp = makeTempDir(`creator-desk-${name}-`)
    const core = await createCore({
      dataDir: tmp.dir,
      clock: new ManualClock(),
      modash: providers.modash,
      clay: providers.clay,
      clayRoutineId: () => null,
      defaultUserId: name,
      team: () => client,
    })
    closers.push(() => core.close(), tmp.cleanup)
    return { core, client }
  }

  it('buys a page and a report once for the team, and the others get them free', async () => {
    const [ana, ben, cho] = [await laptop('ana'), await laptop('ben'), await laptop('cho')]
    const search = { platform: 'instagram' as const, filters, page: 0 }
    const calls = (route: string) => providers.modashEmu.calls().filter((c) => c.route === route)

    const bought = await ana.core.creators.search(search)
    expect(bought).toMatchObject({ source: 'provider', resultsCharged: 15 })
    for (const other of [ben, cho]) {
      const free = await other.core.creators.search(search)
      expect(free).toMatchObject({ source: 'cache', resultsCharged: 0 })
      expect(free.creators.map((c) => c.providerId)).toEqual(
        bought.creators.map((c) => c.providerId),
      )
    }
    expect(calls('search')).toHaveLength(1)

    const creator = bought.creators[0]!
    const report = await ben.core.creators.select(creator.id)
    expect(report).toMatchObject({ source: 'provider', reportsCharged: 1 })
    const onCho = (await cho.core.creators.search(search)).creators[0]!
    const free = await cho.core.creators.select(onCho.id)
    expect(free).toMatchObject({ source: 'cache', reportsCharged: 0 })
    expect(calls('report')).toHaveLength(1)

    // The team's ledger counts what Modash charged; no laptop's own ledger was charged.
    const status = await cho.client.status()
    const meter = (m: string) => status.meters.find((x) => x.meter === m)!
    expect(meter('discovery')).toMatchObject({ used: 15, reserved: 0 })
    expect(meter('report')).toMatchObject({ used: 1, reserved: 0 })
    const charged = providers.modashEmu.calls().reduce((sum, c) => sum + c.costMilliCredits, 0)
    expect(meter('discovery').usedMilliCredits + meter('report').usedMilliCredits).toBe(charged)
    for (const l of [ana, ben, cho]) {
      const local = await l.core.usage.quota()
      expect(local.meters.every((m) => m.used === 0)).toBe(true)
    }
  })

  it('refuses to buy when the team limit is spent, whoever asks', async () => {
    const dan = await laptop('dan')
    await team.admin
      .updateTable('creator_desk.meters' as never)
      .set({ monthly_limit: 0 } as never)
      .where('meter' as never, '=', 'discovery' as never)
      .execute()
    const refused = await dan.core.creators
      .search({ platform: 'tiktok', filters, page: 0 })
      .catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'QUOTA_EXCEEDED' })
  })
})
