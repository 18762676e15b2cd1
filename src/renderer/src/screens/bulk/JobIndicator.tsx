import { useEffect } from 'react'
import { useUiStore } from '../../stores/ui-store'
import { JobBar } from './JobCard'
import { isActive, progressWords, spendWords, timeLeftWords } from './job-words'
import { useJobsStore } from './jobs-store'
import './bulk.css'

/** In the header: the running job's progress, or the last job's end until dismissed. */
export function JobIndicator() {
  const jobs = useJobsStore((s) => s.jobs)
  const notice = useJobsStore((s) => s.notice)
  const dismiss = useJobsStore((s) => s.dismissNotice)
  const navigate = useUiStore((s) => s.navigate)
  const refresh = useJobsStore((s) => s.refresh)
  // Always mounted: a job resumed after a restart shows at once, and is followed while it runs.
  useEffect(() => {
    void refresh()
  }, [refresh])
  const job = jobs.find(isActive)
  if (job) {
    const left = timeLeftWords(job.secondsLeft)
    return (
      <button
        type="button"
        className="ghost job-indicator"
        onClick={() => navigate('bulk')}
        title={`Charged so far: ${spendWords(job.spent)}`}
      >
        <span className="job-indicator-title">{job.title}</span>
        <JobBar job={job} label="Background job" />
        <span className="job-indicator-text">
          {progressWords(job)}
          {left ? ` · ${left}` : ''}
        </span>
      </button>
    )
  }
  if (notice === null) return null
  return (
    <div className="job-notice">
      <span>{notice}</span>
      <button type="button" className="ghost" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  )
}
