import type { TeamQuota } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import type { TeamClient } from '../../team/team-client'
import { teamError } from '../../team/team-errors'
import type { TeamStatus } from '../../team/types'
import { CoalescedTask } from './coalesced-task'

/** Without a push, the meters are read again after this long (a push may have been missed). */
const MAX_AGE_MS = 30_000

/**
 * The team's meters as last read from the team database. The quota meter asks often, so an
 * answer is served from here until a push says the meters moved ('usage', 'purchase', a
 * reconnection) or it is too old. When the team database cannot be reached, the last values are
 * answered at once, marked unreachable, rather than making every ask wait for a connection
 * timeout; a read in the background finds out when it is back.
 */
export class TeamMeters {
  private last: TeamStatus | null = null
  private readAtMs = 0
  private dirty = true
  private readonly task: CoalescedTask

  constructor(
    private readonly client: TeamClient,
    private readonly nowMs: () => number = Date.now,
    log: (message: string) => void = () => undefined,
  ) {
    this.task = new CoalescedTask(
      () => this.read(),
      (err) => log(`team meters: ${String(err)}`),
    )
  }

  /** The status as last read; null before the first read. */
  get latest(): TeamStatus | null {
    return this.last
  }

  /** For the quota meter: cached while nothing moved, the last values when unreachable. */
  async current(): Promise<TeamStatus> {
    const last = this.last
    if (last !== null && !this.dirty && this.nowMs() - this.readAtMs < MAX_AGE_MS) return last
    if (last !== null && last.state === 'unreachable') {
      void this.task.request()
      return last
    }
    return this.fresh()
  }

  /** Read now (joined with a read already under way only if it started after this ask). */
  async fresh(): Promise<TeamStatus> {
    await this.task.request()
    return this.last ?? unreadable(this.client.user, null, null)
  }

  /** A push said the meters moved: read again, in the background. */
  changed(): void {
    this.dirty = true
    void this.task.request()
  }

  /** This laptop moved the meters itself: the next ask reads them. */
  invalidate(): void {
    this.dirty = true
  }

  /** The link dropped: answer the last values as unreachable until a read says otherwise. */
  lost(error: ErrorInfo): void {
    this.last = unreadable(this.client.user, this.last, error)
    this.dirty = true
  }

  stop(): Promise<void> {
    return this.task.stop()
  }

  private async read(): Promise<void> {
    // Cleared before reading: a push arriving during the read asks for one more.
    this.dirty = false
    try {
      this.last = await this.client.status()
    } catch (err) {
      // Refused rather than unreachable (sign-in, a schema too new): same answer, its own words.
      this.last = unreadable(this.client.user, this.last, teamError(err).toInfo())
    }
    this.readAtMs = this.nowMs()
  }
}

function unreadable(user: string, last: TeamStatus | null, error: ErrorInfo | null): TeamStatus {
  return {
    state: 'unreachable',
    user,
    ...(error === null ? {} : { error }),
    teamId: last?.teamId ?? null,
    month: last?.month ?? null,
    periodStart: last?.periodStart ?? null,
    resetsAt: last?.resetsAt ?? null,
    meters: last?.meters ?? [],
    readAt: last?.readAt ?? null,
    outboxWaiting: last?.outboxWaiting ?? 0,
    live: false,
  }
}

/** The quota meter's team block from a status. */
export function teamQuota(status: TeamStatus): TeamQuota {
  return {
    user: status.user,
    state: status.state,
    ...(status.state === 'unreachable' && status.error !== undefined
      ? { reason: status.error.message }
      : {}),
    readAt: status.readAt,
    resetsAt: status.resetsAt,
    meters: status.meters.map((m) => ({
      meter: m.meter,
      used: m.used,
      reserved: m.reserved,
      limit: m.limit,
      mine: { ...m.mine },
    })),
  }
}
