import { useState } from 'react'
import type { JobItem, JobSummary } from '../../../../shared/bulk'
import { call } from '../../api/call'
import { formatDateTime } from '../../lib/format'
import { finishedItems, progressWords, spendWords, STATE_WORDS, timeLeftWords } from './job-words'
import { useJobsStore } from './jobs-store'

/** A job's progress bar, as on the Bulk screen and (smaller) in the header. */
export function JobBar({ job, label }: { job: JobSummary; label: string }) {
  const done = finishedItems(job)
  return (
    <div
      className="job-bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={job.items.total}
      aria-valuenow={done}
      aria-valuetext={progressWords(job)}
    >
      <div
        className="job-bar-fill"
        style={{ width: `${job.items.total === 0 ? 0 : (done / job.items.total) * 100}%` }}
      />
    </div>
  )
}

function Failures({ job }: { job: JobSummary }) {
  const [items, setItems] = useState<JobItem[] | null>(null)
  if (job.items.failed === 0) return null
  if (items === null)
    return (
      <button
        type="button"
        className="ghost"
        onClick={() =>
          void call('jobs:items', { jobId: job.id, state: 'failed' }).then((res) =>
            setItems(res.ok ? res.data.items : []),
          )
        }
      >
        Why {job.items.failed === 1 ? 'one' : 'some'} failed
      </button>
    )
  return (
    <ul className="job-failures">
      {items.map((item) => (
        <li key={item.id}>
          <strong>
            {item.creator
              ? `@${item.creator.handle ?? item.creator.providerId}`
              : `Page ${(item.page?.page ?? 0) + 1}`}
          </strong>
          : {item.message}
        </li>
      ))}
    </ul>
  )
}

export function JobCard({ job }: { job: JobSummary }) {
  const control = useJobsStore((s) => s.control)
  const left = job.state === 'running' ? timeLeftWords(job.secondsLeft) : null
  return (
    <li className="job-card" aria-label={job.title} data-state={job.state}>
      <div className="job-head">
        <strong>{job.title}</strong>
        <span className="badge">{STATE_WORDS[job.state]}</span>
      </div>
      <JobBar job={job} label={`Progress of ${job.title}`} />
      <p className="job-line">
        {progressWords(job)}
        {left ? ` · ${left}` : ''}
      </p>
      <p className="job-line">Charged so far: {spendWords(job.spent)}.</p>
      {job.stopReason && job.state === 'stopped' && (
        <p className="callout callout-warn">{job.stopReason}</p>
      )}
      <p className="hint">
        Started {formatDateTime(job.startedAt ?? job.createdAt)}
        {job.finishedAt ? `, ended ${formatDateTime(job.finishedAt)}` : ''}
      </p>
      <div className="row">
        {(job.state === 'running' || job.state === 'queued') && (
          <button type="button" onClick={() => void control(job.id, 'pause')}>
            Pause
          </button>
        )}
        {(job.state === 'paused' || job.state === 'stopped') && (
          <button type="button" onClick={() => void control(job.id, 'resume')}>
            Resume
          </button>
        )}
        {job.state !== 'done' && job.state !== 'cancelled' && (
          <button type="button" className="danger" onClick={() => void control(job.id, 'cancel')}>
            Cancel
          </button>
        )}
        <Failures job={job} />
      </div>
    </li>
  )
}
