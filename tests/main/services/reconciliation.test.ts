import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportFolder } from '../../../src/main/app/export-folder'
import { startServices } from '../../../src/main/app/start-services'
import type { RunningServices } from '../../../src/main/app/start-services'
import { openKeyStore } from '../../../src/main/keychain'
import { createModashClient } from '../../../src/main/providers/modash/modash-client'
import { startModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import type { ModashEmulator } from '../../../src/main/sandbox/modash-emulator'
import type { QuotaLedger } from '../../../src/main/services/quota-ledger'
import { worstCaseMilliCredits } from '../../../src/main/services/quota-ledger'
import type { Meter } from '../../../src/shared/domain'
import { MODASH_TOKEN, startHarness, testDataset } from '../../helpers/core-harness'
import type { Harness } from '../../helpers/core-harness'
import { makeTempDir } from '../../helpers/temp-dir'
import { memoryKeychain } from '../../reliability/helpers/memory-keychain'

/**
 * Reconciliation with the Modash balance, against the Modash emulator over real HTTP: spending
 * by another client on the same account shows as outside spend, a low balance holds paid calls
 * below the local limits, and an unreachable Modash is a "balance unknown" with its reason.
 */

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function harness(modashMilliCredits?: number): Promise<Harness> {
  const h = await startHarness(modashMilliCredits === undefined ? {} : { modashMilliCredits })
  cleanups.push(() => h.close())
  return h
}

/** A teammate's script on the same Modash account: its own client, the same token. */
function teammate(emu: ModashEmulator) {
  return createModashClient({
    baseUrl: emu.baseUrl,
    token: () => MODASH_TOKEN,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  })
}

async function spend(ledger: QuotaLedger, meter: Exclude<Meter, 'enrichment'>, units: number) {
  const r = await ledger.reserve(meter, units)
  await ledger.settle(r, units, worstCaseMilliCredits(meter, units))
}

describe('reconciliation with the Modash balance', () => {
  it('finds spending made outside this app by another client on the same account', async () => {
    const h = await harness(10_000_000)
    const first = await h.core.usage.reconcile()
    expect(first).toMatchObject({
      state: 'known',
      balanceMilliCredits: 10_000_000,
      readAt: '2026-11-10T12:00:00.000Z',
      since: '2026-11-10T12:00:00.000Z',
      fresh: true,
      outsideSpendMilliCredits: 0,
      unknownReason: null,
    })

    // This app buys a page; a teammate's script buys a page and a report behind its back.
    const bought = await h.core.creators.search({ platform: 'instagram', filters: {}, page: 0 })
    expect(bought.resultsCharged).toBeGreaterThan(0)
    const other = teammate(h.modashEmu)
    const page = await other.search('instagram', { page: 3, filter: {} })
    const theirResults = page.data.directs.length + page.data.lookalikes.length
    const someone = testDataset().find((c) => c.platform === 'instagram')!
    await other.report('instagram', someone.userId)
    h.clock.advanceMs(10 * 60_000)

    const second = await h.core.usage.reconcile()
    const theirs = theirResults * 10 + 1000
    expect(second).toMatchObject({
      state: 'known',
      balanceMilliCredits: h.modashEmu.balance(MODASH_TOKEN),
      readAt: '2026-11-10T12:10:00.000Z',
      since: '2026-11-10T12:00:00.000Z',
      appSpendMilliCredits: bought.resultsCharged * 10,
      outsideSpendMilliCredits: theirs,
    })
    expect(second.balanceMilliCredits).toBe(10_000_000 - bought.resultsCharged * 10 - theirs)
    // The latest reconciliation travels with the quota status the header and Usage screen read.
    expect((await h.core.usage.quota()).balance).toEqual(second)
  })

  it('starts measuring anew when credits are added, so a top-up cannot hide outside spend', async () => {
    const h = await harness(5_000)
    await h.core.usage.reconcile()
    h.modashEmu.setBalance(MODASH_TOKEN, 1_005_000)
    h.clock.advanceMs(60_000)
    const topped = await h.core.usage.reconcile()
    expect(topped).toMatchObject({ since: '2026-11-10T12:01:00.000Z', outsideSpendMilliCredits: 0 })
    await teammate(h.modashEmu).report('instagram', testDataset()[0]!.userId)
    h.clock.advanceMs(60_000)
    expect(await h.core.usage.reconcile()).toMatchObject({ outsideSpendMilliCredits: 1000 })
  })

  it('holds paid calls to the balance when it is lower than the local limits allow', async () => {
    const h = await harness(120)
    const reading = await h.core.usage.reconcile()
    expect(reading).toMatchObject({
      availableMilliCredits: 120,
      covers: { discovery: 12, report: 0 },
    })

    const err = await h.core.creators
      .search({ platform: 'instagram', filters: {}, page: 0 })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { meter: 'discovery', reason: 'balance', availableMilliCredits: 120 },
    })
    expect((err as Error).message).toMatch(
      /^Your Modash balance has 0\.12 credits left .*this needs up to 0\.15 credits\. Nothing was charged\./,
    )
    await expect(h.core.deps.ledger.reserve('report', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: { reason: 'balance' },
    })
    // Refused before the request: Modash never saw a paid call, and the local meter is untouched.
    expect(h.modashEmu.calls().filter((c) => c.route === 'search' || c.route === 'report')).toEqual(
      [],
    )
    const quota = await h.core.usage.quota()
    expect(quota.meters.find((m) => m.meter === 'discovery')).toMatchObject({
      used: 0,
      reserved: 0,
    })
  })

  it('counts what this app spent since the reading, and calls in flight, against the balance', async () => {
    const h = await harness(1_150)
    await h.core.usage.reconcile()
    const ledger = h.core.deps.ledger
    await spend(ledger, 'report', 1)
    const inFlight = await ledger.reserve('discovery', 15)
    await expect(ledger.reserve('discovery', 1)).rejects.toMatchObject({
      details: { reason: 'balance', availableMilliCredits: 0 },
    })
    await ledger.release(inFlight)
    await spend(ledger, 'discovery', 15)
    await expect(ledger.reserve('discovery', 1)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    expect((await ledger.status()).balance).toMatchObject({
      availableMilliCredits: 0,
      covers: { discovery: 0, report: 0 },
    })
  })

  it('never lets concurrent reservations together pass the balance', async () => {
    const h = await harness(450)
    await h.core.usage.reconcile()
    const attempts = await Promise.allSettled(
      Array.from({ length: 40 }, () => h.core.deps.ledger.reserve('discovery', 15)),
    )
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3)
    for (const a of attempts)
      if (a.status === 'rejected') expect(a.reason).toMatchObject({ code: 'QUOTA_EXCEEDED' })
  })

  it('stops limiting by a reading more than an hour old (credits may have been added)', async () => {
    const h = await harness(120)
    await h.core.usage.reconcile()
    await expect(h.core.deps.ledger.reserve('discovery', 15)).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
    })
    h.clock.advanceMs(61 * 60_000)
    expect((await h.core.usage.quota()).balance).toMatchObject({
      state: 'known',
      fresh: false,
      availableMilliCredits: null,
      covers: null,
    })
    await expect(h.core.deps.ledger.reserve('discovery', 15)).resolves.toMatchObject({
      meter: 'discovery',
    })
  })

  it('says "balance unknown" with the reason when Modash cannot be reached', async () => {
    const h = await harness()
    await h.modashEmu.close()
    const reading = await h.core.usage.reconcile()
    expect(reading).toMatchObject({
      state: 'unknown',
      unknownReason: 'Modash could not be reached.',
      checkedAt: '2026-11-10T12:00:00.000Z',
      balanceMilliCredits: null,
      covers: null,
    })
    // Unknown is not zero: the local limits alone decide.
    await expect(h.core.deps.ledger.reserve('report', 1)).resolves.toMatchObject({
      meter: 'report',
    })
  })

  it('keeps the last known balance, and its limit, when a later reading fails', async () => {
    const h = await harness(500)
    await h.core.usage.reconcile()
    h.modashEmu.injectFaults('userInfo', [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ])
    h.clock.advanceMs(60_000)
    const reading = await h.core.usage.reconcile()
    expect(reading).toMatchObject({
      state: 'unknown',
      unknownReason: 'Modash could not be reached.',
      checkedAt: '2026-11-10T12:01:00.000Z',
      balanceMilliCredits: 500,
      readAt: '2026-11-10T12:00:00.000Z',
      fresh: true,
    })
    await expect(h.core.deps.ledger.reserve('report', 1)).rejects.toMatchObject({
      details: { reason: 'balance' },
    })
  })

  it('does not ask for the balance in offline mode', async () => {
    const h = await harness()
    await h.core.settings.set({ offline: true })
    const reading = await h.core.usage.reconcile()
    expect(reading.state).toBe('unknown')
    expect(reading.unknownReason).toBe('Offline mode is on, so the balance was not asked for.')
    expect(h.modashEmu.calls().filter((c) => c.route === 'userInfo')).toEqual([])
  })
})

describe('the balance read at start', () => {
  async function start(env: Record<string, string | undefined>, emu: ModashEmulator) {
    const tmp = makeTempDir('creator-desk-start-')
    cleanups.push(tmp.cleanup)
    const services: RunningServices = await startServices({
      baseDataDir: tmp.dir,
      mode: 'real',
      keys: openKeyStore({ backend: memoryKeychain, env }),
      env: { MODASH_API_BASE_URL: emu.baseUrl, CLAY_API_BASE_URL: 'http://127.0.0.1:9/v0' },
      choosePath: exportFolder(join(tmp.dir, 'exports')),
      version: 'test',
    })
    cleanups.push(() => services.close())
    return services
  }

  async function emulator(): Promise<ModashEmulator> {
    const emu = await startModashEmulator({
      dataset: testDataset(),
      tokens: { [MODASH_TOKEN]: 2_975_350 },
      rateLimit: false,
    })
    cleanups.push(() => emu.close())
    return emu
  }

  async function settledBalance(services: RunningServices) {
    for (let i = 0; i < 500; i++) {
      const { balance } = await services.core.usage.quota()
      if (balance.checkedAt !== null) return balance
      await new Promise((r) => setTimeout(r, 10))
    }
    throw new Error('the start-up reading never finished')
  }

  it('reads the balance without holding up start-up', async () => {
    const emu = await emulator()
    emu.injectFaults('userInfo', [{ kind: 'delay', ms: 1500 }])
    const began = performance.now()
    const services = await start({ MODASH_API_KEY: MODASH_TOKEN }, emu)
    expect(performance.now() - began).toBeLessThan(1500)
    expect(await settledBalance(services)).toMatchObject({
      state: 'known',
      balanceMilliCredits: 2_975_350,
    })
  })

  it('starts without a key and records why the balance is unknown', async () => {
    const emu = await emulator()
    const services = await start({}, emu)
    expect(await settledBalance(services)).toMatchObject({
      state: 'unknown',
      unknownReason: 'No Modash API key is set.',
    })
    expect(emu.calls()).toEqual([])
  })
})
