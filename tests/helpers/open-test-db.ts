import { openDatabase } from '../../src/main/db/database'
import type { OpenedDatabase } from '../../src/main/db/database'
import { QuotaLedger } from '../../src/main/services/quota-ledger'
import { defaultSettings, SettingsStore } from '../../src/main/services/settings-store'
import { ManualClock } from './manual-clock'
import { makeTempDir } from './temp-dir'

/** A real SQLite file in a temp folder, with the ledger and settings over it. */
export async function openTestDb(): Promise<{
  opened: OpenedDatabase
  clock: ManualClock
  settings: SettingsStore
  ledger: QuotaLedger
  dir: string
  cleanup: () => Promise<void>
}> {
  const { dir, cleanup } = makeTempDir()
  const opened = await openDatabase({ dataDir: dir })
  const clock = new ManualClock()
  const settings = new SettingsStore(opened.db, defaultSettings('tester', false))
  const ledger = new QuotaLedger(opened.db, clock, settings)
  return {
    opened,
    clock,
    settings,
    ledger,
    dir,
    cleanup: async () => {
      await opened.close()
      cleanup()
    },
  }
}
