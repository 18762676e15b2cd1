import { randomBytes } from 'node:crypto'
import { EmailFixtures } from './results'
import type { ClayResultItem } from './results'
import type { ClayRoutineSpec, ClayRunItem, ClayRunRecord } from './types'

interface StoredRun extends ClayRunRecord {
  apiKey: string
  /** Fixed when the run starts, as Clay runs the routine as it was then. */
  outputsMapped: boolean
  /** Filled once, when the run completes, so later polls see the same answer. */
  results: ClayResultItem[] | null
  /** A run-level terminal status other than `complete` (e.g. `failed`), set by a test hook. */
  endedAs: string | null
  /** Clay no longer has the run (expired on its side): its results answer 404. */
  forgotten: boolean
}

export interface RunStoreOptions {
  emails: Record<string, string | null>
  failItems: ReadonlySet<string>
  pollsUntilDone: number
  msUntilDone: number
  now?: () => number
}

export type PollView =
  | { state: 'running'; run: StoredRun }
  | { state: 'complete'; run: StoredRun; results: ClayResultItem[] }
  | { state: 'ended'; run: StoredRun; status: string }

/** Accepted routine runs, keyed by run id and scoped to the API key that started them. */
export class RunStore {
  private readonly runs = new Map<string, StoredRun>()
  private readonly now: () => number
  private readonly fixtures: EmailFixtures
  /** Run statuses the next runs started will end with, one each (`failNextRuns`). */
  private readonly nextEndings: string[] = []

  constructor(private readonly options: RunStoreOptions) {
    this.now = options.now ?? Date.now
    this.fixtures = new EmailFixtures(options.emails, options.failItems)
  }

  create(apiKey: string, routine: ClayRoutineSpec, items: ClayRunItem[]): StoredRun {
    const run: StoredRun = {
      runId: `run_${randomBytes(8).toString('hex')}`,
      routineId: routine.id,
      outputsMapped: routine.outputsMapped ?? true,
      items: structuredClone(items),
      createdAt: this.now(),
      polls: 0,
      apiKey,
      results: null,
      endedAs: this.nextEndings.shift() ?? null,
      forgotten: false,
    }
    this.runs.set(run.runId, run)
    return run
  }

  /** Counts one poll; null when the run does not exist for this key (another workspace's run). */
  poll(apiKey: string, runId: string): PollView | null {
    const run = this.runs.get(runId)
    if (run === undefined || run.apiKey !== apiKey || run.forgotten) return null
    if (run.endedAs !== null) {
      run.polls += 1
      return { state: 'ended', run, status: run.endedAs }
    }
    const ready =
      run.polls >= this.options.pollsUntilDone &&
      this.now() - run.createdAt >= this.options.msUntilDone
    run.polls += 1
    if (ready && run.results === null) this.complete(run)
    return run.results === null
      ? { state: 'running', run }
      : { state: 'complete', run, results: run.results }
  }

  /** The run ends with this run-level status instead of completing (unless it already has). */
  failRun(runId: string, status: string): void {
    const run = this.get(runId)
    if (run.results === null) run.endedAs = status
  }

  /** From now on Clay no longer knows the run, as when its results have expired. */
  forgetRun(runId: string): void {
    this.get(runId).forgotten = true
  }

  failNextRuns(count: number, status: string): void {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be an integer >= 0')
    for (let i = 0; i < count; i += 1) this.nextEndings.push(status)
  }

  private get(runId: string): StoredRun {
    const run = this.runs.get(runId)
    if (run === undefined) throw new RangeError(`unknown run ${runId}`)
    return run
  }

  finish(runId: string): void {
    const run = this.get(runId)
    if (run.results === null && run.endedAs === null) this.complete(run)
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
    run.results = run.items.map((item) => this.fixtures.resultFor(item, run.outputsMapped))
  }
}
