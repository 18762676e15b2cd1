import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { teamBuy } from '../../src/main/team/team-purchase'
import type { AppError } from '../../src/shared/errors'
import { FakeProvider } from './helpers/fake-provider'
import { reportOrder } from './helpers/orders'
import { startTeamDb, teamTestsSkipReason } from './helpers/team-db'
import type { TeamDb } from './helpers/team-db'

const skip = teamTestsSkipReason()

/**
 * The team database dies in the middle of a burst of purchases from three laptops (SIGKILL of
 * every server process, or `pg_ctl -m immediate`), and comes back. Afterwards, once the
 * laptops have sent what they kept and dead reservations have expired:
 * - nothing bought is lost: every report the provider billed is on the team database;
 * - nothing is overspent: the provider billed no more than the limit, and the ledger counts
 *   exactly what it billed, with nothing left reserved.
 */
describe.skipIf(skip !== null)('team database crash mid-purchase', () => {
  let team: TeamDb
  beforeAll(async () => {
    team = await startTeamDb()
  })
  afterAll(async () => {
    await team?.close()
  })

  for (const mode of ['SIGKILL', 'immediate'] as const) {
    it(`loses nothing and overspends nothing (${mode})`, async () => {
      await team.reset()
      await sql`SELECT creator_desk.set_limit('report', 40)`.execute(team.admin)
      await sql`SELECT creator_desk.set_timeouts(2, 3, 2)`.execute(team.admin)
      const laptops = await Promise.all(
        ['ana', 'ben', 'cho'].map(async (n) => team.laptop(await team.manager(n))),
      )
      const provider = new FakeProvider(() => 20 + Math.random() * 60)
      const outcomes: string[] = []
      const burst = (round: number) =>
        Promise.all(
          laptops.flatMap((laptop, l) =>
            Array.from({ length: 20 }, async (_, i) => {
              await new Promise((r) => setTimeout(r, i * 15))
              try {
                const bought = await teamBuy(laptop, reportOrder(provider, `r${round}-${l}-${i}`))
                outcomes.push(bought.source === 'provider' ? `bought:${bought.publish}` : 'team')
              } catch (err) {
                outcomes.push((err as AppError).code ?? String(err))
              }
            }),
          ),
        )

      const first = burst(1)
      await new Promise((r) => setTimeout(r, 150))
      if (mode === 'SIGKILL') await team.server.kill()
      else await team.server.stop('immediate')
      await new Promise((r) => setTimeout(r, 200))
      await team.server.start()
      await first
      // Some purchases were answered while the server was down: kept, then sent now.
      expect(outcomes.some((o) => o === 'PROVIDER_UNAVAILABLE')).toBe(true)
      await burst(2)
      for (const laptop of laptops) await laptop.flushOutbox()
      // Reservations whose answers died with the server expire (unsent ones are given back).
      await new Promise((r) => setTimeout(r, 3_200))
      await laptops[0]!.status()

      for (const laptop of laptops) expect((await laptop.status()).outboxWaiting).toBe(0)
      const purchases = await sql<{ purchase_key: string }>`
        SELECT purchase_key FROM creator_desk.purchases`.execute(team.admin)
      const stored = purchases.rows.map((r) => r.purchase_key).sort()
      expect(stored).toEqual([...provider.billed.keys()].sort())
      expect(provider.totalBilled).toBeLessThanOrEqual(40)
      const usage = await sql<{ used: string; reserved: string }>`
        SELECT sum(used) AS used, sum(reserved) AS reserved FROM creator_desk.usage
        WHERE meter = 'report'`.execute(team.admin)
      expect(Number(usage.rows[0]?.used)).toBe(provider.totalBilled)
      expect(Number(usage.rows[0]?.reserved)).toBe(0)
      const open = await sql<{ n: string }>`SELECT count(*) AS n FROM creator_desk.reservations
        WHERE state = 'held'`.execute(team.admin)
      expect(Number(open.rows[0]?.n)).toBe(0)
      // After the crash the team goes on buying up to its limit.
      expect(provider.totalBilled).toBeGreaterThan(20)
    }, 60_000)
  }
})
