import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../src/main/db/database'
import type { ClayApi } from '../../src/main/providers/clay/clay-api'
import type { ModashApi } from '../../src/main/providers/modash/modash-api'
import { startClayEmulator } from '../../src/main/sandbox/clay-emulator'
import type { ClayEmulator } from '../../src/main/sandbox/clay-emulator'
import { startModashEmulator } from '../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../src/main/sandbox/modash-emulator'
import { createCore } from '../../src/main/services/create-core'
import { CLAY_KEY, clayEmails, MODASH_TOKEN, ROUTINE, testDataset } from '../helpers/core-harness'
import { makeTempDir } from '../helpers/temp-dir'
import { bundleForNode, NODE_MODULES } from './helpers/bundle'
import { dataProblems, inspectAfterCrash, worstCase } from './helpers/crash-checks'
import type { CrashChildConfig } from './helpers/crash-config'
import { recordFigures } from './helpers/figures'
import { ledgerSpend, openReservations, providerCharges, spendDiff } from './helpers/ledger'
import type { Spend } from './helpers/ledger'
import { runSeed, seededRandom } from './helpers/random'
import { SIZE } from './helpers/scale'

/**
 * Part 2: a child process works the database (bulk upserts, searches, reports, email lookups,
 * list edits) and is killed with SIGKILL at a random moment, again and again on the same data
 * folder. After every kill the database must open with integrity, hold no duplicated or half
 * written data, and its ledger must settle what was in flight: never below what the providers
 * charged, and above it by no more than the one call that was on its way.
 */

const NOW = '2026-11-10T12:00:00.000Z'
const CLAY_CREDITS = 1_000_000
const CLAY_START_DELAY_MS = 60
const seed = runSeed()
const random = seededRandom(seed)
const tmp = makeTempDir('creator-desk-crash-')
const dbPath = join(tmp.dir, DATABASE_FILE)
let bundle: Awaited<ReturnType<typeof bundleForNode>>
let modashEmu: ModashEmulator
let clayEmu: ClayEmulator

beforeAll(async () => {
  bundle = await bundleForNode(
    join(process.cwd(), 'tests', 'reliability', 'helpers', 'crash-child.ts'),
  )
  const dataset = testDataset()
  modashEmu = await startModashEmulator({
    dataset,
    tokens: { [MODASH_TOKEN]: 1_000_000_000 },
    rateLimit: false,
  })
  clayEmu = await startClayEmulator({
    apiKeys: { [CLAY_KEY]: CLAY_CREDITS },
    routines: [ROUTINE],
    emails: clayEmails(dataset),
    pollsUntilDone: 2,
  })
})
afterAll(async () => {
  bundle?.remove()
  await modashEmu?.close()
  await clayEmu?.close()
  tmp.cleanup()
})

const offline = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error('the next start makes no provider call')) },
) as ModashApi & ClayApi

/** Starts the child; resolves once it is killed, saying whether it had opened the core. */
async function runAndKill(run: number): Promise<{ ready: boolean; stderr: string }> {
  const config: CrashChildConfig = {
    dataDir: tmp.dir,
    modashBaseUrl: modashEmu.baseUrl,
    clayBaseUrl: clayEmu.baseUrl,
    modashToken: MODASH_TOKEN,
    clayKey: CLAY_KEY,
    routine: ROUTINE,
    seed: seed + run,
    now: NOW,
  }
  const child = spawn(process.execPath, [bundle.file], {
    env: { ...process.env, NODE_PATH: NODE_MODULES, CRASH_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const ready = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(true)
    })
    void exited.then(() => resolve(false))
  })
  const reported = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('report')) resolve()
    })
    void exited.then(() => resolve())
  })
  // One run in ten dies while the database is still being opened, migrated and recovered.
  const duringStartup = run > 0 && random() < 0.1
  if (duringStartup) await sleep(random() * 150)
  else {
    await ready
    // The first run lives until a report was bought, so the test never judges an idle database.
    if (run === 0) await reported
    await sleep(random() * 400)
  }
  const wasReady = await Promise.race([ready, Promise.resolve(false)])
  child.kill('SIGKILL')
  const code = await exited
  if (code !== null) throw new Error(`the child exited by itself (${code}): ${stderr}`)
  return { ready: wasReady, stderr }
}

/**
 * Waits until the emulators have finished what the dead process left them: a delayed Clay run
 * start is still charged after its client is gone (so first outwait the longest injected delay).
 */
async function providersSettled(): Promise<void> {
  const snapshot = () =>
    JSON.stringify([modashEmu.calls().map((c) => c.costMilliCredits), clayEmu.credits(CLAY_KEY)])
  await sleep(CLAY_START_DELAY_MS * 2)
  let last = snapshot()
  for (;;) {
    await sleep(40)
    const now = snapshot()
    if (now === last) return
    last = now
  }
}

async function ledgerAfterStart(): Promise<Spend> {
  const core = await createCore({
    dataDir: tmp.dir,
    clock: { now: () => new Date(NOW) },
    modash: offline,
    clay: offline,
    clayRoutineId: () => ROUTINE,
    defaultUserId: 'verifier',
  })
  try {
    expect(await openReservations(core.deps.db)).toBe(0)
    return await ledgerSpend(core.deps.db)
  } finally {
    await core.close()
  }
}

describe('crash safety', () => {
  it(
    `survives ${SIZE.crashRuns} SIGKILLs without losing, duplicating or misbilling anything`,
    async () => {
      let previous: Spend = { discovery: 0, report: 0, enrichment: 0, milliCredits: 0 }
      const figures = { killsDuringStartup: 0, killsDuringPaidCall: 0, overcountMilliCredits: 0 }
      for (let run = 0; run < SIZE.crashRuns; run++) {
        // Slow bodies hold many paid calls in their most delicate moment, billed but not yet
        // answered, so kills land there often.
        for (const route of ['search', 'report'] as const)
          modashEmu.injectFaults(
            route,
            Array.from({ length: 8 }, () => ({ kind: 'slow-body' as const, ms: 120 })),
          )
        clayEmu.injectFaults(
          'run',
          Array.from({ length: 2 }, () => ({ kind: 'delay' as const, ms: CLAY_START_DELAY_MS })),
        )
        const { ready } = await runAndKill(run)
        if (!ready) figures.killsDuringStartup++
        await providersSettled()

        const found = inspectAfterCrash(dbPath)
        if (found !== null) {
          expect(found.integrity, `run ${run}, seed ${seed}`).toEqual(['ok'])
          expect(found.foreignKeys).toEqual([])
          // One paid call at a time: never more than one reservation open.
          expect(found.reservations.length).toBeLessThanOrEqual(1)
        }
        const inFlight = worstCase(found?.reservations ?? [])
        if (inFlight.discovery + inFlight.report + inFlight.enrichment > 0)
          figures.killsDuringPaidCall++

        const diff = spendDiff(
          await ledgerAfterStart(),
          providerCharges(modashEmu, clayEmu, CLAY_KEY, CLAY_CREDITS),
        )
        for (const meter of ['discovery', 'report', 'enrichment', 'milliCredits'] as const) {
          const grew = diff[meter] - previous[meter]
          // Never under what was charged; over only by what was on its way at the kill.
          expect(grew, `${meter}, run ${run}, seed ${seed}`).toBeGreaterThanOrEqual(0)
          expect(grew, `${meter}, run ${run}, seed ${seed}`).toBeLessThanOrEqual(inFlight[meter])
        }
        figures.overcountMilliCredits = diff.milliCredits
        previous = diff
        expect(dataProblems(dbPath), `run ${run}, seed ${seed}`).toEqual([])
      }
      const charged = providerCharges(modashEmu, clayEmu, CLAY_KEY, CLAY_CREDITS)
      // The runs did real work: the kills landed in a database that was busy buying.
      expect(charged.discovery).toBeGreaterThan(0)
      expect(charged.report).toBeGreaterThan(0)
      recordFigures('crash-safety', {
        seed,
        crashesSurvived: SIZE.crashRuns,
        ...figures,
        discoveryResultsCharged: charged.discovery,
        reportsCharged: charged.report,
        enrichmentsCharged: charged.enrichment,
        dataProblemsFound: 0,
      })
    },
    SIZE.testTimeoutMs * 2,
  )
})
