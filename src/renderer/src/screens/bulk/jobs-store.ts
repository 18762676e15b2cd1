import { create } from 'zustand'
import type { JobSummary } from '../../../../shared/bulk'
import type { ErrorInfo } from '../../../../shared/errors'
import type { ChannelInput } from '../../../../shared/ipc-contract'
import { call } from '../../api/call'
import { useListsStore } from '../../stores/lists-store'
import { useQuotaStore } from '../../stores/quota-store'
import { useUiStore } from '../../stores/ui-store'
import { endWords, isActive, isActiveState } from './job-words'

/** While a job runs, its progress is asked for this often (main has no push channel). */
export const POLL_MS = 1000

export interface JobsState {
  jobs: JobSummary[]
  loaded: boolean
  error: ErrorInfo | null
  /** The last job that ended, in words, until dismissed. */
  notice: string | null
  refresh: () => Promise<void>
  control: (jobId: number, action: ChannelInput<'jobs:control'>['action']) => Promise<boolean>
  /** A job was just started: show it and follow it. */
  started: (job: JobSummary) => void
  dismissNotice: () => void
}

export const initialJobsState = { jobs: [], loaded: false, error: null, notice: null }

let timer: ReturnType<typeof setTimeout> | null = null
/** Each job's state at the last poll, to notice the one that just ended. */
let lastStates = new Map<number, JobSummary['state']>()

export const useJobsStore = create<JobsState>()((set, get) => ({
  ...initialJobsState,
  refresh: async () => {
    const res = await call('jobs:status', {})
    if (!res.ok) {
      set({ error: res.error, loaded: true })
      return
    }
    const jobs = res.data.jobs
    const ended = jobs.filter((j) => {
      const before = lastStates.get(j.id)
      return before !== undefined && isActiveState(before) && !isActive(j)
    })
    lastStates = new Map(jobs.map((j) => [j.id, j.state]))
    set({ jobs, loaded: true, error: null })
    const running = jobs.some(isActive)
    if (running || ended.length > 0) void useQuotaStore.getState().refresh()
    for (const job of ended) announceEnd(job)
    if (ended.length > 0) void refreshLists()
    schedule(running)
  },
  control: async (jobId, action) => {
    const res = await call('jobs:control', { jobId, action })
    if (!res.ok) {
      set({ error: res.error })
      return false
    }
    set({ jobs: get().jobs.map((j) => (j.id === jobId ? res.data : j)), error: null })
    await get().refresh()
    return true
  },
  started: (job) => {
    lastStates.set(job.id, job.state)
    set({ jobs: [job, ...get().jobs.filter((j) => j.id !== job.id)] })
    schedule(true)
  },
  dismissNotice: () => set({ notice: null }),
}))

function announceEnd(job: JobSummary): void {
  const words = endWords(job)
  useJobsStore.setState({ notice: words })
  useUiStore.getState().announce(words)
}

/** Members' reports and emails changed: the open list shows them without a manual reload. */
async function refreshLists(): Promise<void> {
  const lists = useListsStore.getState()
  await lists.load()
  if (lists.currentId !== null) await lists.select(lists.currentId)
}

function schedule(running: boolean): void {
  if (timer !== null || !running) return
  timer = setTimeout(() => {
    timer = null
    void useJobsStore.getState().refresh()
  }, POLL_MS)
}

/** Tests: forget the timer and the states seen. */
export function resetJobsPolling(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  lastStates = new Map()
  useJobsStore.setState({ ...initialJobsState, jobs: [] })
}
