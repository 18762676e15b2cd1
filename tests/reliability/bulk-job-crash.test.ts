import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import { createCore } from '../../src/main/services/create-core'
import { SANDBOX_CLAY_MAPPING } from '../../src/main/services/clay-mapping'
import { CLAY_KEY, MODASH_TOKEN, ROUTINE, startProviders } from '../helpers/core-harness'
import { makeTempDir } from '../helpers/temp-dir'
import { bundleForNode, NODE_MODULES } from './helpers/bundle'
import type { BulkJobChildConfig } from './helpers/bulk-job-config'

/**
 * A bulk job (a report and an email for each of 15 creators) in a process killed with SIGKILL
 * mid-run. The next start resumes the job by itself; at its end every creator has its report,
 * the job is done, and the ledger equals what the emulators charged: exactly when the kill came
 * between a paid answer and its store (the journal keeps it), and otherwise above it by at most
 * the one call on its way at the kill (counted at its worst case, as the ledger must).
 */

const NOW = '2026-11-10T12:00:00.000Z'
const CREATORS = 15
const CLAY_CREDITS = 100_000
let bundle: Awaited<ReturnType<typeof bundleForNode>>

beforeAll(async () => {
  bundle = await bundleForNode(
    join(process.cwd(), 'tests', 'reliability', 'helpers', 'bulk-job-child.ts'),
  )
}, 60_000)
afterAll(() => bundle?.remove())

type Providers = Awaited<ReturnType<typeof startProviders>>

function doneItems(dataDir: string): number {
  try {
    const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), {
      readonly: true,
      fileMustExist: true,
    })
    try {
      const row = db
        .prepare("SELECT count(*) AS n FROM bulk_job_items WHERE state = 'done'")
        .get() as { n: number }
      return row.n
    } finally {
      db.close()
    }
  } catch {
    // Not created or not migrated yet.
    return 0
  }
}

async function runChild(
  dataDir: string,
  providers: Providers,
  lockAfterReport: number | null,
  killAfterDone: number | null,
): Promise<void> {
  const config: BulkJobChildConfig = {
    dataDir,
    modashBaseUrl: providers.modashEmu.baseUrl,
    modashToken: MODASH_TOKEN,
    clayBaseUrl: providers.clayEmu.baseUrl,
    clayKey: CLAY_KEY,
    routine: ROUTINE,
    now: NOW,
    creators: CREATORS,
    lockAfterReport,
  }
  const child = spawn(process.execPath, [bundle.file], {
    env: { ...process.env, NODE_PATH: NODE_MODULES, BULK_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  )
  let watching = killAfterDone !== null
  const watch = (async () => {
    while (watching) {
      if (doneItems(dataDir) >= (killAfterDone ?? 0)) {
        child.kill('SIGKILL')
        return
      }
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
  const signal = await exited
  watching = false
  await watch
  if (signal !== 'SIGKILL') throw new Error(`the child was not killed: ${out} ${err}`)
  if (!out.includes('job ')) throw new Error(`the job never started: ${out} ${err}`)
}

/** The next start, in this process: the job resumes by itself. */
async function resume(dataDir: string, providers: Providers) {
  const core = await createCore({
    dataDir,
    clock: { now: () => new Date(NOW) },
    modash: providers.modash,
    clay: providers.clay,
    clayRoutineId: () => ROUTINE,
    clayMapping: SANDBOX_CLAY_MAPPING,
    defaultUserId: 'verifier',
  })
  await core.bulk.idle()
  return core
}

function charged(providers: Providers) {
  const calls = providers.modashEmu.calls()
  return {
    reports: calls.filter((c) => c.route === 'report' && c.costMilliCredits > 0).length,
    modashMilli: calls.reduce((sum, c) => sum + c.costMilliCredits, 0),
    clay: CLAY_CREDITS - providers.clayEmu.credits(CLAY_KEY),
  }
}

async function crashCase(lockAfterReport: number | null, killAfterDone: number | null) {
  const providers = await startProviders({
    clayCredits: CLAY_CREDITS,
    modashClient: { limits: { searchPerSecond: 1000, reportPerSecond: 20, usersPerSecond: 1000 } },
  })
  const tmp = makeTempDir('creator-desk-bulk-crash-')
  try {
    await runChild(tmp.dir, providers, lockAfterReport, killAfterDone)
    const atKill = doneItems(tmp.dir)
    const journal = join(tmp.dir, `${DATABASE_FILE}.purchases`)
    const journaled = existsSync(journal) ? readdirSync(journal).length : 0
    const core = await resume(tmp.dir, providers)
    try {
      const [job] = (await core.bulk.status()).jobs
      const quota = await core.usage.quota()
      const used = (meter: string) => quota.meters.find((m) => m.meter === meter)
      const recovered = await core.deps.db
        .selectFrom('ledger_charges')
        .select(['meter', 'units'])
        .where('source', '=', 'recover')
        .execute()
      return { job, quota, used, recovered, atKill, journaled, charges: charged(providers) }
    } finally {
      await core.close()
    }
  } finally {
    await providers.modashEmu.close()
    await providers.clayEmu.close()
    tmp.cleanup()
  }
}

describe('a bulk job killed with SIGKILL', () => {
  it('between a paid report and its store: resumed, nothing bought twice, the ledger exact', async () => {
    const r = await crashCase(4, null)
    expect(r.atKill).toBeLessThan(CREATORS)
    // The kill came while the paid answer waited in the journal.
    expect(r.journaled).toBe(1)
    expect(r.job).toMatchObject({
      state: 'done',
      items: { total: CREATORS, done: CREATORS, pending: 0, failed: 0 },
    })
    // Each creator's report bought once: the one that could not be stored came from the journal.
    expect(r.charges.reports).toBe(CREATORS)
    expect(r.recovered).toEqual([])
    expect(r.used('report')).toMatchObject({ used: r.charges.reports, reserved: 0 })
    expect(r.used('enrichment')).toMatchObject({ used: r.charges.clay, reserved: 0 })
    expect(r.quota.modashMilliCreditsUsed).toBe(r.charges.modashMilli)
    expect(r.job?.spent).toMatchObject({ reports: CREATORS, enrichments: r.charges.clay })
  }, 60_000)

  it('at a random moment mid-run: resumed, and the ledger never below the charges', async () => {
    const r = await crashCase(null, 4)
    expect(r.atKill).toBeLessThan(CREATORS)
    expect(r.job).toMatchObject({
      state: 'done',
      items: { total: CREATORS, done: CREATORS, pending: 0, failed: 0 },
    })
    // At most the one call on its way at the kill was lost (billed, never seen) and bought again.
    const lost = r.recovered.length
    expect(lost).toBeLessThanOrEqual(1)
    expect(r.charges.reports - CREATORS).toBeGreaterThanOrEqual(0)
    expect(r.charges.reports - CREATORS).toBeLessThanOrEqual(lost)
    const reportLedger = r.used('report')?.used ?? 0
    const clayLedger = r.used('enrichment')?.used ?? 0
    expect(reportLedger - r.charges.reports).toBeGreaterThanOrEqual(0)
    expect(clayLedger - r.charges.clay).toBeGreaterThanOrEqual(0)
    expect(reportLedger - r.charges.reports + (clayLedger - r.charges.clay)).toBeLessThanOrEqual(
      lost,
    )
    expect(r.quota.modashMilliCreditsUsed - r.charges.modashMilli).toBeGreaterThanOrEqual(0)
    expect(r.quota.meters.every((m) => m.reserved === 0)).toBe(true)
  }, 60_000)
})
