import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'
import type { Migration, MigrationProvider } from 'kysely/migration'
import { MIGRATIONS } from './migrations'

/**
 * Where a one-time upgrade of the database stands. A large cache takes seconds to upgrade (a
 * million creators: about 8 s to build the search indexes of migration 002), so the shell shows
 * this while it runs rather than a window that has not appeared yet.
 */
export interface UpgradeProgress {
  /** The running migration's place among those this file still needed, from 1. */
  step: number
  /** How many migrations this file needed in all. */
  steps: number
  /** Its name, e.g. `002-search-indexes`. */
  migration: string
  /** Statements it has finished so far (0 as it starts). */
  statements: number
}

/** May return a promise: the upgrade waits for it (the shell waits for its window to show). */
export type OnUpgradeProgress = (progress: UpgradeProgress) => void | Promise<void>

/** The migrations a file with `applied` still needs, in order. */
export function pendingMigrations(applied: readonly string[]): string[] {
  const done = new Set(applied)
  return MIGRATIONS.map(([name]) => name).filter((name) => !done.has(name))
}

/** What a step is doing, in words: "002-search-indexes" → "search indexes". */
export function migrationWords(name: string): string {
  return name.replace(/^\d+-/, '').replaceAll('-', ' ')
}

/** The upgrade's progress as a line of text, e.g. "step 1 of 4: search indexes (3 done, 2 s)". */
export function upgradeLine(progress: UpgradeProgress, elapsedMs: number): string {
  const seconds = Math.floor(elapsedMs / 1000)
  return (
    `step ${progress.step} of ${progress.steps}: ${migrationWords(progress.migration)} ` +
    `(${progress.statements} done, ${seconds} s)`
  )
}

/**
 * Progress as lines for a terminal (the browser preview, whose page is served only once the
 * database is open): nothing for an upgrade over within `quietMs` (a new install), then a line
 * as each step starts and at most one a second.
 */
export function upgradeLog(
  print: (line: string) => void,
  now: () => number = () => Date.now(),
  quietMs = 400,
): OnUpgradeProgress {
  let started: number | null = null
  let last = -Infinity
  let step = 0
  return (progress) => {
    const at = now()
    started ??= at
    if (at - started < quietMs) return
    if (progress.step === step && at - last < 1000) return
    step = progress.step
    last = at
    print(upgradeLine(progress, at - started))
  }
}

/**
 * The app's migrations, unchanged, each reporting as it starts and after every statement it
 * runs, with a turn of the event loop each time: migrations run on the main thread, and the
 * Electron shell only sends what was reported when its loop gets a turn (between statements:
 * one statement, an index over a million rows, holds the thread for a second or two).
 * Migrations themselves stay frozen: they are wrapped, not edited.
 */
export function reportingMigrations(
  pending: readonly string[],
  onProgress: OnUpgradeProgress,
): MigrationProvider {
  const reporting = (name: string, migration: Migration): Migration => ({
    ...migration,
    up: async (db) => {
      const step = pending.indexOf(name) + 1
      let statements = 0
      const report = async () => {
        await onProgress({ step, steps: pending.length, migration: name, statements })
        await aTurn()
      }
      await report()
      await migration.up(
        db.withPlugin(
          new AfterEachStatement(async () => {
            statements += 1
            await report()
          }),
        ),
      )
    },
  })
  return {
    getMigrations: () =>
      Promise.resolve(
        Object.fromEntries(
          MIGRATIONS.map(([name, migration]) => [name, reporting(name, migration)]),
        ),
      ),
  }
}

class AfterEachStatement implements KyselyPlugin {
  constructor(private readonly after: () => Promise<void>) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await this.after()
    return args.result
  }
}

function aTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
