import { ErrorMessage } from '../../components/ErrorMessage'
import { JobCard } from './JobCard'
import { useJobsStore } from './jobs-store'

/** Every recent job with its progress; the app stays usable while they run. */
export function JobsPanel() {
  const jobs = useJobsStore((s) => s.jobs)
  const error = useJobsStore((s) => s.error)
  return (
    <section className="panel" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Jobs</h2>
      {error && <ErrorMessage error={error} />}
      {jobs.length === 0 ? (
        <p className="hint">No job yet. A confirmed batch runs here, in the background.</p>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => (
            <JobCard key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  )
}
