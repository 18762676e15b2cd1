import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { addManager, setupTeamDatabase } from '../../src/main/team/admin'
import { createTeamClient } from '../../src/main/team/team-client'
import type { TeamClient } from '../../src/main/team/team-client'
import { teamBuy } from '../../src/main/team/team-purchase'
import { findPgBin, pgUnavailableReason, startPgServer } from '../../tests/team/helpers/pg-server'
import type { BenchContext } from '../lib/context'
import type { Figure, Section } from '../lib/report'
import { int, ms, percentiles, round } from '../lib/stats'
import { tempDir } from '../lib/temp'

const run = promisify(execFile)

/**
 * 7. Team mode: simulated laptops (one team client each, its own connections) against one
 * PostgreSQL server on this machine, with fsync on as a real server has it.
 * - reservations per second on the shared ledger (all laptops reserving at once), beside
 *   pgbench running the same reservation statement alone (no client library, no network
 *   round trips of the app): the floor the server sets;
 * - a paid call's round trip through the ledger (claim, reserve, mark sent, publish: four
 *   round trips; the provider answers at once), median and p95;
 * - pull lag: from a purchase committed on one laptop to the others having pulled it, woken by
 *   LISTEN/NOTIFY.
 * Skipped, with the reason, where no PostgreSQL server binaries are installed.
 */
export async function teamBench(ctx: BenchContext): Promise<Section> {
  const title = '7. Team mode (PostgreSQL)'
  const reason = pgUnavailableReason()
  if (reason !== null) {
    ctx.log(`team: skipped: ${reason}`)
    return {
      id: 'team',
      title,
      figures: [],
      notes: [`skipped: ${reason}`],
      data: { skipped: reason },
    }
  }
  const laptops = 20
  const reservesEach = ctx.quick ? 25 : 250
  const buysEach = ctx.quick ? 10 : 100
  const lagSamples = ctx.quick ? 15 : 100
  ctx.log(`team: ${laptops} laptops, ${reservesEach} reservations and ${buysEach} paid calls each`)

  const server = await startPgServer({ settings: { fsync: 'on', full_page_writes: 'on' } })
  const scratch = tempDir('team')
  const clients: TeamClient[] = []
  try {
    const boot = new pg.Client({ connectionString: server.adminUrl() })
    await boot.connect()
    await boot.query('CREATE DATABASE team')
    await boot.end()
    const adminUrl = server.adminUrl('team')
    // No limits: the benchmark measures the ledger's speed, not its refusals.
    await setupTeamDatabase(adminUrl, { limits: { discovery: null, report: null } })
    const managers = []
    for (let i = 0; i < laptops; i++) managers.push(await addManager(adminUrl, `bench${i}`))
    for (const [i, m] of managers.entries()) {
      clients.push(
        createTeamClient({
          connectionString: m.connectionString,
          password: m.password,
          outboxDir: join(scratch.dir, `outbox-${i}`),
          maxConnections: 2,
        }),
      )
    }
    await Promise.all(clients.map((c) => c.status()))

    // 1. Reservations: every laptop at once, one after another on each.
    const reserveLatency: number[] = []
    const reserveStart = performance.now()
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < reservesEach; i++) {
          const t = performance.now()
          await c.reserve('discovery', 15, { worstCaseMilliCredits: 150 })
          reserveLatency.push(performance.now() - t)
        }
      }),
    )
    const reserveSeconds = (performance.now() - reserveStart) / 1000
    const reservesPerSecond = (laptops * reservesEach) / reserveSeconds

    // 2. Paid calls through the ledger, every laptop at once, each its own reports.
    const buyLatency: number[] = []
    const buyStart = performance.now()
    await Promise.all(
      clients.map(async (c, l) => {
        for (let i = 0; i < buysEach; i++) {
          const t = performance.now()
          await teamBuy(c, benchOrder(`bench-${l}-${i}`))
          buyLatency.push(performance.now() - t)
        }
      }),
    )
    const buySeconds = (performance.now() - buyStart) / 1000

    // 3. Pull lag: one laptop publishes, the other 19 pull when told.
    const lags = await measurePullLag(clients, lagSamples)

    // The server alone: pgbench running the reservation statement from as many connections.
    const floor = await pgbenchReservations(
      server,
      adminUrl,
      laptops,
      ctx.quick ? 2 : 5,
      scratch.dir,
    )

    const r = percentiles(reserveLatency)
    const b = percentiles(buyLatency)
    const lag = percentiles(lags)
    const figures: Figure[] = [
      {
        measure: `reservations per second, ${laptops} laptops at once`,
        value: `${int(reservesPerSecond)}/s (p50 ${ms(r.p50)}, p95 ${ms(r.p95)})`,
        ...(floor === null ? {} : { baseline: `pgbench, same statement: ${int(floor)}/s` }),
      },
      {
        measure: 'paid call round trip through the ledger (claim, reserve, sent, publish)',
        value: `p50 ${ms(b.p50)}, p95 ${ms(b.p95)}`,
        baseline: `${int((laptops * buysEach) / buySeconds)} paid calls/s in all`,
      },
      {
        measure: `pull lag, publish called → ${laptops - 1} laptops pulled it (LISTEN/NOTIFY)`,
        value: `p50 ${ms(lag.p50)}, p95 ${ms(lag.p95)}`,
      },
    ]
    return {
      id: 'team',
      title,
      figures,
      notes: [
        `One PostgreSQL server on this machine (fsync on), ${laptops} clients of 2 connections; ` +
          `${int(laptops * reservesEach)} reservations, ${int(laptops * buysEach)} paid calls, ${int(lags.length)} pull-lag samples.`,
      ],
      data: {
        laptops,
        reservesPerSecond: round(reservesPerSecond, 1),
        reserveLatency: r,
        buyLatency: b,
        pullLag: lag,
        pgbenchReservesPerSecond: floor,
      },
    }
  } finally {
    for (const c of clients) await c.close().catch(() => undefined)
    await server.close()
    scratch.remove()
  }
}

function benchOrder(id: string) {
  const key = `report:instagram:${id}`
  return {
    key,
    kind: 'report',
    provider: 'modash' as const,
    meter: 'report' as const,
    context: { platform: 'instagram', providerId: id },
    reserveUnits: 1,
    maxAgeMs: null,
    worstCaseMilliCredits: (units: number) => units * 1_000,
    call: () =>
      Promise.resolve({
        data: { units: 1 },
        raw: { error: false, profile: { userId: id, profile: { username: id } } },
      }),
    charge: () => ({ units: 1, milliCredits: 1_000 }),
    mayHaveBilled: () => false,
    audit: { provider: 'modash' as const, action: 'report', reason: 'bench' },
  }
}

async function measurePullLag(clients: TeamClient[], samples: number): Promise<number[]> {
  const [publisher, ...pullers] = clients
  if (publisher === undefined) return []
  const publishedAt = new Map<string, number>()
  const lags: number[] = []
  let resolveAll: () => void = () => undefined
  const allSeen = new Promise<void>((resolve) => {
    resolveAll = resolve
  })
  const stopFns: Array<() => void> = []
  await Promise.all(
    pullers.map(async (c) => {
      let cursor = (await drain(c, null)).cursor
      let running: Promise<void> | null = null
      let again = false
      const pullNow = () => {
        if (running !== null) {
          again = true
          return
        }
        running = (async () => {
          do {
            again = false
            const page = await drain(c, cursor)
            cursor = page.cursor
            const now = performance.now()
            for (const key of page.keys) {
              const at = publishedAt.get(key)
              if (at === undefined) continue
              lags.push(now - at)
              if (lags.length >= samples * pullers.length) resolveAll()
            }
          } while (again)
          running = null
        })()
      }
      const ready = new Promise<void>((resolve) => {
        const stop = c.onChange((e) => {
          if (e.type === 'connected') resolve()
          if (e.type === 'purchase') pullNow()
        })
        stopFns.push(stop)
      })
      await ready
    }),
  )
  for (let i = 0; i < samples; i++) {
    const id = randomUUID()
    const key = `report:instagram:lag-${id}`
    // From the moment publish is called (its own round trip included): a puller can see the
    // purchase before the publisher hears its commit acknowledged.
    publishedAt.set(key, performance.now())
    await publisher.publishPurchase({
      id,
      key,
      kind: 'report',
      provider: 'modash',
      meter: 'report',
      context: { platform: 'instagram', providerId: `lag-${id}` },
      raw: { error: false, profile: { userId: id, profile: { username: id } } },
      units: 0,
      milliCredits: 0,
      reservationId: null,
      audit: { provider: 'modash', action: 'report', reason: 'bench' },
    })
    await new Promise((r) => setTimeout(r, 20))
  }
  await Promise.race([allSeen, new Promise((r) => setTimeout(r, 10_000))])
  for (const stop of stopFns.splice(0)) stop()
  return lags
}

async function drain(
  c: TeamClient,
  cursor: string | null,
): Promise<{ cursor: string; keys: string[] }> {
  const keys: string[] = []
  let next = cursor
  for (;;) {
    const page = await c.pull(next, { limit: 500 })
    keys.push(...page.changes.map((ch) => ch.purchase.key))
    next = page.cursor
    if (!page.more) return { cursor: next, keys }
  }
}

/** pgbench: the reservation statement alone, from `clients` connections; null if unavailable. */
async function pgbenchReservations(
  server: { port: number },
  adminUrl: string,
  clients: number,
  seconds: number,
  dir: string,
): Promise<number | null> {
  const bin = findPgBin()
  if (bin === null) return null
  const manager = await addManager(adminUrl, 'pgbench_user')
  const script = join(dir, 'reserve.sql')
  writeFileSync(script, "SELECT * FROM creator_desk.reserve('discovery', 15, 150, NULL);\n")
  try {
    const { stdout } = await run(
      join(bin, 'pgbench'),
      [
        '-n',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        script,
        '-h',
        '127.0.0.1',
        '-p',
        String(server.port),
        '-U',
        'pgbench_user',
        'team',
      ],
      { env: { ...process.env, PGPASSWORD: manager.password } },
    )
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1]
    return tps === undefined ? null : Number(tps)
  } catch {
    return null
  }
}
