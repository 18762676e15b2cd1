import { startProviders, CLAY_KEY, ROUTINE } from '../../helpers/core-harness'
import type { ProviderOptions } from '../../helpers/core-harness'
import { ManualClock } from '../../helpers/manual-clock'
import { makeTempDir } from '../../helpers/temp-dir'
import { createCore } from '../../../src/main/services/create-core'
import { SANDBOX_CLAY_MAPPING } from '../../../src/main/services/clay-mapping'
import type { SandboxCreator } from '../../../src/main/sandbox/dataset/generate-dataset'

export { CLAY_KEY }
export const CLAY_CREDITS = 100_000

/**
 * The core over a real SQLite file, both emulators on loopback and the real clients, with
 * `reopen()` to start the app again on the same data folder (what a restart does).
 */
export async function startBulkHarness(options: ProviderOptions = {}) {
  const providers = await startProviders({ clayCredits: CLAY_CREDITS, ...options })
  const tmp = makeTempDir('creator-desk-bulk-')
  const clock = new ManualClock()
  const open = () =>
    createCore({
      dataDir: tmp.dir,
      clock,
      modash: providers.modash,
      clay: providers.clay,
      clayRoutineId: () => ROUTINE,
      clayMapping: SANDBOX_CLAY_MAPPING,
      defaultUserId: 'tester',
    })
  let core = await open()
  return {
    ...providers,
    clock,
    dataDir: tmp.dir,
    get core() {
      return core
    },
    async reopen() {
      await core.close()
      core = await open()
      return core
    },
    /** Free `/user/info` balance readings Modash answered. */
    balanceReadings(): number {
      return providers.modashEmu.calls().filter((c) => c.route === 'userInfo').length
    },
    /** Reports Modash billed. */
    reportsCharged(): number {
      return providers.modashEmu
        .calls()
        .filter((c) => c.route === 'report' && c.costMilliCredits > 0).length
    },
    modashMilliCharged(): number {
      return providers.modashEmu.calls().reduce((sum, c) => sum + c.costMilliCredits, 0)
    },
    clayCharged(): number {
      return CLAY_CREDITS - providers.clayEmu.credits(CLAY_KEY)
    },
    async close() {
      await core.close()
      await providers.modashEmu.close()
      await providers.clayEmu.close()
      tmp.cleanup()
    },
  }
}

export type BulkHarness = Awaited<ReturnType<typeof startBulkHarness>>

/** Whether the emulator's report for this creator holds an email (then no Clay lookup is needed). */
export function reportHasEmail(creator: SandboxCreator): boolean {
  return creator.contacts.some((c) => c.type === 'email')
}
