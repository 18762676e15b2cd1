import { useEffect } from 'react'
import { useListsStore } from '../../stores/lists-store'
import { BatchPanel } from './BatchPanel'
import { ImportPanel } from './ImportPanel'
import { JobsPanel } from './JobsPanel'
import { useJobsStore } from './jobs-store'
import { RefreshPanel } from './RefreshPanel'
import './bulk.css'

/** Bulk work: import handles, one cost preview and confirmation per batch, jobs, refreshes. */
export function BulkScreen() {
  const loadLists = useListsStore((s) => s.load)
  const refreshJobs = useJobsStore((s) => s.refresh)
  useEffect(() => {
    void loadLists()
    void refreshJobs()
  }, [loadLists, refreshJobs])
  return (
    <div className="bulk-screen">
      <h1>Bulk work</h1>
      <div className="bulk-columns">
        <div>
          <ImportPanel />
          <BatchPanel />
        </div>
        <div>
          <JobsPanel />
          <RefreshPanel />
        </div>
      </div>
    </div>
  )
}
