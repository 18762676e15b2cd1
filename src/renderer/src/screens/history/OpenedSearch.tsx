import { useState } from 'react'
import type { SearchResult } from '../../../../shared/domain'
import type { Platform } from '../../../../shared/platforms'
import { PAGE_SIZE } from '../../../../shared/search-filters'
import { call } from '../../api/call'
import { formatDateTime, formatInt, plural } from '../../lib/format'
import { useUiStore } from '../../stores/ui-store'
import { useBulkStore } from '../bulk/bulk-store'
import { ExportStatus } from '../../components/ExportStatus'
import type { ExportState } from '../../components/ExportStatus'

export interface OpenSearch {
  platform: Platform
  filtersHash: string
  label: string
  pages: number
}

/** A past search reopened from the cache: its pages, free, and what can be done with them. */
export function OpenedSearch({
  search,
  result,
  onPage,
}: {
  search: OpenSearch
  result: SearchResult
  onPage: (page: number) => void
}) {
  const openProfile = useUiStore((s) => s.openProfile)
  const navigate = useUiStore((s) => s.navigate)
  const chooseSelection = useBulkStore((s) => s.chooseSelection)
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' })
  const ids = result.creators.map((c) => c.id)

  async function exportCsv() {
    setExported({ kind: 'busy' })
    const res = await call('export:csv', { creatorIds: ids })
    setExported(res.ok ? { kind: 'done', result: res.data } : { kind: 'error', error: res.error })
  }

  return (
    <section className="panel" aria-label="Reopened search">
      <h2>{search.label}</h2>
      <p className="hint">
        Page {result.page + 1}, from the cache (bought {formatDateTime(result.fetchedAt)}); free.{' '}
        {formatInt(result.total)} matches in all.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Creator</th>
            <th scope="col">Name</th>
            <th scope="col">Followers</th>
            <th scope="col">Report</th>
            <th scope="col">Email</th>
          </tr>
        </thead>
        <tbody>
          {result.creators.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <button type="button" className="link" onClick={() => openProfile(c.id)}>
                  @{c.handle ?? c.providerId}
                </button>
              </th>
              <td>{c.fullName ?? '—'}</td>
              <td>{formatInt(c.followers)}</td>
              <td>{c.hasDetailedProfile ? 'yes' : '—'}</td>
              <td>{c.emailFound ? 'known' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" disabled={result.page === 0} onClick={() => onPage(result.page - 1)}>
          Previous page
        </button>
        <button
          type="button"
          disabled={
            result.page + 1 >= search.pages || (result.page + 1) * PAGE_SIZE >= result.total
          }
          onClick={() => onPage(result.page + 1)}
        >
          Next cached page
        </button>
        <button type="button" disabled={ids.length === 0} onClick={() => void exportCsv()}>
          Export these (CSV)
        </button>
        <button
          type="button"
          disabled={ids.length === 0}
          onClick={() => {
            chooseSelection(ids, `${plural(ids.length, 'creator')} of “${search.label}”`)
            navigate('bulk')
          }}
        >
          Reports and emails…
        </button>
      </div>
      <ExportStatus state={exported} />
    </section>
  )
}
