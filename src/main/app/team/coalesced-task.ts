/**
 * Runs a task one at a time. A request while it runs schedules exactly one more run after it
 * (however many requests came), because what the request saw change may have happened after
 * the running one had read its data. `request()` resolves once a run that started after it has
 * finished; the task's own failure goes to `onError`, never to the caller.
 */
export class CoalescedTask {
  private loop: Promise<void> | null = null
  private pending = false
  private stopped = false
  private waiters: (() => void)[] = []

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {}

  request(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    return new Promise((resolve) => {
      this.pending = true
      this.waiters.push(resolve)
      this.loop ??= this.drain()
    })
  }

  /** Resolves when no run is under way. */
  idle(): Promise<void> {
    return this.loop ?? Promise.resolve()
  }

  /** No new runs; resolves once the one under way (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true
    await this.idle()
  }

  private async drain(): Promise<void> {
    // The first check is after an await, so `loop` is set before the loop can end and clear it.
    await Promise.resolve()
    while (this.pending && !this.stopped) {
      this.pending = false
      const served = this.waiters.splice(0)
      try {
        await this.task()
      } catch (err) {
        this.onError(err)
      }
      for (const resolve of served) resolve()
    }
    // Checked and cleared with no await between: a request now starts a new loop.
    this.loop = null
    for (const resolve of this.waiters.splice(0)) resolve()
  }
}
