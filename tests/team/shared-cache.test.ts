import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { teamBuy } from '../../src/main/team/team-purchase'
import { teamReportKey } from '../../src/main/team/keys'
import { FakeProvider } from './helpers/fake-provider'
import { reportOrder } from './helpers/orders'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

describe.skipIf(skip !== null)('team cache: bought once per team', () => {
  let team: TeamDb
  beforeAll(async () => {
    team = await startTeamDb()
  })
  afterAll(async () => {
    await team?.close()
  })
  beforeEach(async () => {
    await team.reset()
  })

  it('a report bought on one laptop is free on the others', async () => {
    const [a, b, c] = await Promise.all(
      ['ana', 'ben', 'cho'].map(async (n) => team.laptop(await team.manager(n))),
    )
    const provider = new FakeProvider()
    const first = await teamBuy(a!, reportOrder(provider, 'u1'))
    expect(first.source).toBe('provider')
    for (const laptop of [b!, c!]) {
      const again = await teamBuy(laptop, reportOrder(provider, 'u1'))
      expect(again.source).toBe('team')
      if (again.source !== 'team') continue
      expect(again.purchase.boughtBy).toBe('ana')
      expect(again.purchase.raw).toMatchObject({ profile: { userId: 'u1' } })
    }
    expect(provider.calls).toBe(1)
    const used = await sql<{ used: string }>`SELECT sum(used) AS used FROM creator_desk.usage
      WHERE meter = 'report'`.execute(team.admin)
    expect(Number(used.rows[0]?.used)).toBe(1)
  })

  it('the same report asked on several laptops at the same moment is bought once', async () => {
    const laptops = await Promise.all(
      ['ana', 'ben', 'cho'].map(async (n) => team.laptop(await team.manager(n))),
    )
    const provider = new FakeProvider(() => 40)
    for (let round = 0; round < 5; round++) {
      const id = `hot-${round}`
      const results = await Promise.all(
        laptops.flatMap((l) => [
          teamBuy(l, reportOrder(provider, id)),
          teamBuy(l, reportOrder(provider, id)),
        ]),
      )
      expect(results.filter((r) => r.source === 'provider')).toHaveLength(1)
      expect(provider.callsFor(teamReportKey('instagram', id))).toBe(1)
    }
    const used = await sql<{ used: string }>`SELECT sum(used) AS used FROM creator_desk.usage
      WHERE meter = 'report'`.execute(team.admin)
    expect(Number(used.rows[0]?.used)).toBe(5)
  })

  it("a report older than the age limit is bought again; a refresh reuses a teammate's just-bought one", async () => {
    const a = team.laptop(await team.manager('ana'))
    const b = team.laptop(await team.manager('ben'))
    const provider = new FakeProvider()
    await teamBuy(a, reportOrder(provider, 'old'))
    // Make it 31 days old, in server time.
    await sql`UPDATE creator_desk.purchase_keys SET last_bought_at = now() - interval '31 days'`.execute(
      team.admin,
    )
    await sql`UPDATE creator_desk.purchases SET bought_at = now() - interval '31 days'`.execute(
      team.admin,
    )
    const again = await teamBuy(b, reportOrder(provider, 'old'))
    expect(again.source).toBe('provider')
    expect(provider.calls).toBe(2)
    const fresh = await teamBuy(a, reportOrder(provider, 'old', { maxAgeMs: 60_000 }))
    expect(fresh.source).toBe('team')
    expect(provider.calls).toBe(2)
  })

  it('a laptop that dies holding a claim does not block the team: the claim is taken over after it expires', async () => {
    await sql`SELECT creator_desk.set_timeouts(120, 900, 1)`.execute(team.admin)
    const a = team.laptop(await team.manager('ana'))
    const b = team.laptop(await team.manager('ben'))
    const dead = await a.claimPurchase(teamReportKey('instagram', 'z'))
    expect(dead.status).toBe('claimed')
    // Ana's laptop stops here. Ben waits, then takes over once her claim has expired.
    const provider = new FakeProvider()
    const started = Date.now()
    const bought = await teamBuy(b, reportOrder(provider, 'z'))
    expect(bought.source).toBe('provider')
    expect(Date.now() - started).toBeGreaterThanOrEqual(500)
    expect(provider.calls).toBe(1)
  })

  it('waiting for a teammate has an end: a plain "busy" error, nothing charged', async () => {
    const a = team.laptop(await team.manager('ana'))
    const b = team.laptop(await team.manager('ben'), { claimWaitMs: 300 })
    await a.claimPurchase(teamReportKey('instagram', 'slow'))
    const provider = new FakeProvider()
    await expect(teamBuy(b, reportOrder(provider, 'slow'))).rejects.toMatchObject({
      code: 'PRECONDITION',
      message: expect.stringMatching(/Your teammate ana is buying this right now/) as unknown,
    })
    expect(provider.calls).toBe(0)
  })
})
