import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { DEFAULT_APPLIERS } from '../../team/offline-appliers'
import { syncOfflineCopy } from '../../team/offline-copy'
import type { TeamClient } from '../../team/team-client'
import { CoalescedTask } from './coalesced-task'

export interface LastPull {
  at: string
  applied: number
}

/**
 * Keeps this laptop's SQLite copy caught up with what the team bought: a pull at start and at
 * every push that says something was bought or that the link is back. One pull at a time; asks
 * during a pull make one more after it, so a purchase announced mid-pull is never left behind.
 */
export class OfflineSync {
  private readonly task: CoalescedTask
  private lastPull: LastPull | null = null

  constructor(
    private readonly options: {
      client: TeamClient
      /** The open database; null while there is none (damaged, being repaired). */
      db: () => Kysely<Database> | null
      /** The team's id, which keys the pull cursor; null while the server cannot be read. */
      teamId: () => Promise<string | null>
      now: () => Date
      log: (message: string) => void
    },
  ) {
    this.task = new CoalescedTask(
      () => this.pull(),
      (err) =>
        options.log(
          `team: the offline copy could not be brought up to date: ${err instanceof Error ? err.message : String(err)}`,
        ),
    )
  }

  get last(): LastPull | null {
    return this.lastPull
  }

  request(): Promise<void> {
    return this.task.request()
  }

  idle(): Promise<void> {
    return this.task.idle()
  }

  stop(): Promise<void> {
    return this.task.stop()
  }

  private async pull(): Promise<void> {
    const db = this.options.db()
    if (db === null) return
    // Unknown only when the server was never read: the next 'connected' push asks again.
    const teamId = await this.options.teamId()
    if (teamId === null) return
    const result = await syncOfflineCopy({
      client: this.options.client,
      db,
      appliers: DEFAULT_APPLIERS,
      teamId,
    })
    this.lastPull = { at: this.options.now().toISOString(), applied: result.applied }
  }
}
