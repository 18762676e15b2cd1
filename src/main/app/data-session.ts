import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { CHANNEL_NAMES } from '../../shared/ipc-contract'
import type { Channel } from '../../shared/ipc-contract'
import type { DbStatus, RecoveryReport, RestoreReport } from '../../shared/storage-health'
import { listBackups } from '../db/backup'
import { damagedDatabaseError, isDamage } from '../db/damage'
import { DATABASE_FILE } from '../db/database'
import { recoverDatabase } from '../db/recover'
import { restoreBackup } from '../db/restore'
import type { Handlers } from '../ipc/dispatch'
import type { Core } from '../services/core-types'
import { BackupSchedule } from './backup-schedule'
import type { StorageControl } from './storage-control'
import { unavailableCore } from './unavailable-core'

export type OpenedCore = Core & { sqlite: BetterSqlite3.Database }

export interface DataSessionOptions {
  dataDir: string
  nativeBinding?: string
  now: () => Date
  /** Opens the database and the core over it (`createCore`). */
  openCore: () => Promise<OpenedCore>
  /** The handler table over a core (`createHandlers`), with this session for the `db:*` channels. */
  buildHandlers: (core: Core, storage: StorageControl) => Handlers
  /** Work to start each time the core opens (the Modash balance read). */
  onOpened?: (core: Core) => void
  /** The first daily-backup look after opening; see `BackupSchedule`. */
  firstBackupDelayMs?: number
  log?: (message: string) => void
}

const AT_START =
  'Creator Desk found damage in its database file when it started, and did not open it. ' +
  'Nothing in it has been changed or deleted.'
const WHILE_WORKING =
  'Creator Desk found damage in its database file while working. What is still readable ' +
  'keeps working until it is recovered, but some screens may fail.'
const BY_BACKUP =
  'The daily backup found damage in the database file, so no backup was taken today and the ' +
  'earlier ones were kept. What is still readable keeps working until it is recovered.'

/**
 * The database as the rest of the app sees it: open and sound, open but found damaged, or not
 * open (damaged at start, or being recovered or restored). `handlers` is one table that stays
 * the same object for the life of the app, so the Electron registration and the preview bridge
 * need not know when the file underneath is replaced: recovery and restore close the core, put
 * the new file in place and open a new core in the same process, and the table routes to it.
 *
 * Damage found anywhere (at open, by a handler's SQLITE_CORRUPT, by the daily backup's check)
 * turns `db:status` to damaged, which the renderer answers with the recovery screen.
 */
export class DataSession implements StorageControl {
  readonly handlers: Handlers
  private opened: OpenedCore | null = null
  private table: Handlers
  private problem: string | null = null
  private busy = false
  private readonly inFlight = new Set<Promise<unknown>>()
  private readonly backups: BackupSchedule
  private readonly path: string

  constructor(private readonly options: DataSessionOptions) {
    this.path = join(options.dataDir, DATABASE_FILE)
    this.table = this.unavailable(() => damagedDatabaseError(this.path))
    this.backups = new BackupSchedule({
      dataDir: options.dataDir,
      now: options.now,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
      ...(options.firstBackupDelayMs === undefined
        ? {}
        : { firstDelayMs: options.firstBackupDelayMs }),
      onDamage: () => (this.problem ??= BY_BACKUP),
      log: options.log ?? (() => undefined),
    })
    this.handlers = Object.fromEntries(
      CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => this.call(channel, input)]),
    ) as Handlers
  }

  /** Opens the database; a damaged one leaves the session in the damaged state, not thrown. */
  async start(): Promise<void> {
    await this.open()
  }

  /** The open core; a plain-words STORAGE error while there is none. */
  get core(): Core {
    if (this.opened === null) throw damagedDatabaseError(this.path)
    return this.opened
  }

  /** Resolves once no daily backup is being taken. */
  backupIdle(): Promise<void> {
    return this.backups.idle()
  }

  status(): Promise<DbStatus> {
    return Promise.resolve({
      state: this.problem === null ? 'ok' : 'damaged',
      ...(this.problem === null ? {} : { problem: this.problem }),
      file: this.path,
      backups: listBackups(this.options.dataDir),
    })
  }

  recover(): Promise<RecoveryReport> {
    if (this.problem === null) {
      return Promise.reject(
        new AppError('PRECONDITION', 'The database is not damaged: there is nothing to recover.'),
      )
    }
    return this.replacingFile(() =>
      recoverDatabase({
        dataDir: this.options.dataDir,
        now: this.options.now,
        ...this.binding(),
      }),
    )
  }

  restoreBackup(name: string): Promise<RestoreReport> {
    return this.replacingFile(() =>
      restoreBackup({
        dataDir: this.options.dataDir,
        name,
        now: this.options.now,
        ...this.binding(),
      }),
    )
  }

  async close(): Promise<void> {
    this.table = this.unavailable(closedError)
    await Promise.allSettled([...this.inFlight])
    await this.backups.stop()
    await this.opened?.close()
    this.opened = null
  }

  private async call(channel: Channel, input: unknown): Promise<unknown> {
    const handler = this.table[channel] as (input: unknown) => Promise<unknown>
    if (channel.startsWith('db:')) return handler(input)
    const run = (async () => {
      try {
        return await handler(input)
      } catch (err) {
        if (!isDamage(err)) throw err
        // SQLITE_CORRUPT at run time: say it plainly, and offer recovery from now on.
        this.problem ??= WHILE_WORKING
        throw damagedDatabaseError(this.path)
      }
    })()
    this.inFlight.add(run)
    void run.finally(() => this.inFlight.delete(run)).catch(() => undefined)
    return run
  }

  private async open(): Promise<void> {
    try {
      const core = await this.options.openCore()
      this.opened = core
      this.problem = null
      this.table = this.options.buildHandlers(core, this)
      this.options.onOpened?.(core)
      this.backups.start(core.sqlite)
    } catch (err) {
      if (!isDamage(err)) throw err
      this.opened = null
      this.problem = AT_START
      this.table = this.unavailable(() => damagedDatabaseError(this.path))
    }
  }

  /**
   * Recovery and restore: new calls are refused, calls under way finish, the backup stops, the
   * core closes, `work` replaces the file, and a core opens on whatever file is then in place
   * (the old one again if `work` failed).
   */
  private async replacingFile<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) {
      throw new AppError('PRECONDITION', 'Creator Desk is already repairing its database.')
    }
    this.busy = true
    this.table = this.unavailable(busyError)
    try {
      await Promise.allSettled([...this.inFlight])
      await this.backups.stop()
      await this.opened?.close()
      this.opened = null
      let result: T
      try {
        result = await work()
      } finally {
        await this.open()
      }
      return result
    } finally {
      this.busy = false
    }
  }

  private unavailable(error: () => AppError): Handlers {
    return this.options.buildHandlers(unavailableCore(error), this)
  }

  private binding() {
    return this.options.nativeBinding === undefined
      ? {}
      : { nativeBinding: this.options.nativeBinding }
  }
}

function busyError(): AppError {
  return new AppError(
    'PRECONDITION',
    'Creator Desk is repairing its database. Try again in a moment.',
  )
}

function closedError(): AppError {
  return new AppError('PRECONDITION', 'Creator Desk is closing.')
}
