import { randomBytes } from 'node:crypto'
import { resultFor } from './results'
import type { ClayResultItem } from './results'
import type { ClayRunItem, ClayRunRecord } from './types'

interface StoredRun extends ClayRunRecord {
  apiKey: string
  /** Filled once, when the run completes, so later polls see the same answer. */
  results: ClayResultItem[] | null
}

export interface RunStoreOptions {
  emails: Record<string, string | null>
  failItems: ReadonlySet<string>
  pollsUntilDone: number
  msUntilDone: number
  now?: () => number
}

export type PollView =
  { done: false; run: StoredRun } | { done: true; run: StoredRun; results: ClayResultItem[] }

/** Accepted routine runs, keyed by run id and scoped to the API key that started them. */
export class RunStore {
  private readonly runs = new Map<string, StoredRun>()
  private readonly now: () => number

  constructor(private readonly options: RunStoreOptions) {
    this.now = options.now ?? Date.now
  }

  create(apiKey: string, routineId: string, items: ClayRunItem[]): StoredRun {
    const run: StoredRun = {
      runId: `run_${randomBytes(8).toString('hex')}`,
      routineId,
      items: structuredClone(items),
      createdAt: this.now(),
      polls: 0,
      apiKey,
      results: null,
    }
    this.runs.set(run.runId, run)
    return run
  }

  /** Counts one poll; null when the run does not exist for this key (another workspace's run). */
  poll(apiKey: string, runId: string): PollView | null {
    const run = this.runs.get(runId)
    if (run === undefined || run.apiKey !== apiKey) return null
    const ready =
      run.polls >= this.options.pollsUntilDone &&
      this.now() - run.createdAt >= this.options.msUntilDone
    run.polls += 1
    if (ready && run.results === null) this.complete(run)
    return run.results === null ? { done: false, run } : { done: true, run, results: run.results }
  }

  finish(runId: string): void {
    const run = this.runs.get(runId)
    if (run === undefined) throw new RangeError(`unknown run ${runId}`)
    if (run.results === null) this.complete(run)
  }

  list(): ClayRunRecord[] {
    return [...this.runs.values()].map((run) => ({
      runId: run.runId,
      routineId: run.routineId,
      items: structuredClone(run.items),
      createdAt: run.createdAt,
      polls: run.polls,
    }))
  }

  private complete(run: StoredRun): void {
    run.results = run.items.map((item) =>
      resultFor(item, this.options.emails, this.options.failItems),
    )
  }
}
