import type BetterSqlite3 from 'better-sqlite3'
import { takeBackup, isBackupDue } from '../db/backup'
import { isDamage } from '../db/damage'

export interface BackupScheduleOptions {
  dataDir: string
  now: () => Date
  nativeBinding?: string
  /** The first look, after start-up has answered its first screens; default 10 s. */
  firstDelayMs?: number
  /** How often a long-running app looks again whether a day has passed; default 6 h. */
  everyMs?: number
  /** The copy's full check found damage. */
  onDamage: () => void
  log: (message: string) => void
}

/**
 * Takes the daily backup (`db/backup.ts`) in the background: a while after start, then every few
 * hours, each time only if none was taken in the last day. Never more than one at a time; stopped
 * (and waited for) before the database closes.
 */
export class BackupSchedule {
  private source: BetterSqlite3.Database | null = null
  private timers: NodeJS.Timeout[] = []
  private running: Promise<void> | null = null

  constructor(private readonly options: BackupScheduleOptions) {}

  start(source: BetterSqlite3.Database): void {
    this.source = source
    const first = setTimeout(() => this.tick(), this.options.firstDelayMs ?? 10_000)
    const again = setInterval(() => this.tick(), this.options.everyMs ?? 6 * 60 * 60 * 1000)
    // A pending backup never keeps the process alive.
    first.unref()
    again.unref()
    this.timers = [first, again]
  }

  /** Resolves when no backup is being taken (tests wait on it). */
  async idle(): Promise<void> {
    await this.running
  }

  async stop(): Promise<void> {
    this.timers.forEach((t) => clearTimeout(t))
    this.timers = []
    this.source = null
    await this.running
  }

  private tick(): void {
    const source = this.source
    if (source === null || this.running !== null) return
    const { dataDir, now, nativeBinding } = this.options
    if (!isBackupDue(dataDir, now())) return
    this.running = takeBackup(source, dataDir, now(), nativeBinding)
      .then(
        () => undefined,
        (err: unknown) => {
          if (isDamage(err)) this.options.onDamage()
          else this.options.log(`The daily backup failed: ${String(err)}`)
        },
      )
      .finally(() => {
        this.running = null
      })
  }
}
