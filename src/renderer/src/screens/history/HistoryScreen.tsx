import { useCallback, useEffect, useState } from 'react'
import type { SearchHistoryEntry } from '../../../../shared/bulk'
import type { SearchResult } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { useUiStore } from '../../stores/ui-store'
import { filtersWords } from './filters-words'
import { HistoryTable } from './HistoryTable'
import { OpenedSearch } from './OpenedSearch'
import type { OpenSearch } from './OpenedSearch'
import { SavedSearches } from './SavedSearches'
import '../bulk/bulk.css'

/** Searches run before, reopened free from the cache; saved searches and their refresh. */
export function HistoryScreen() {
  const [entries, setEntries] = useState<SearchHistoryEntry[] | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [opened, setOpened] = useState<{ search: OpenSearch; result: SearchResult } | null>(null)
  const [savedVersion, setSavedVersion] = useState(0)
  const announce = useUiStore((s) => s.announce)

  const load = useCallback(async () => {
    const res = await call('searches:history', {})
    setEntries(res.ok ? res.data.entries : [])
    setError(res.ok ? null : res.error)
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  async function open(search: OpenSearch, page: number) {
    const res = await call('searches:open', {
      platform: search.platform,
      filtersHash: search.filtersHash,
      page,
    })
    if (!res.ok) return setError(res.error)
    setError(null)
    setOpened({ search, result: res.data })
  }

  async function save(entry: SearchHistoryEntry, name: string): Promise<boolean> {
    const res = await call('searches:save', {
      platform: entry.platform,
      filtersHash: entry.filtersHash,
      name,
    })
    if (!res.ok) {
      setError(res.error)
      return false
    }
    announce(`Saved the search “${res.data.name}”.`)
    setSavedVersion((v) => v + 1)
    await load()
    return true
  }

  const toOpen = (x: {
    platform: SearchHistoryEntry['platform']
    filtersHash: string
    filters: SearchHistoryEntry['filters']
    pagesCached: number
    name?: string | null
  }): OpenSearch => ({
    platform: x.platform,
    filtersHash: x.filtersHash,
    label: x.name ?? `${x.platform} · ${filtersWords(x.filters)}`,
    pages: x.pagesCached,
  })

  return (
    <div className="history-screen">
      <h1>Search history</h1>
      {error && <ErrorMessage error={error} />}
      {opened && (
        <OpenedSearch
          search={opened.search}
          result={opened.result}
          onPage={(page) => void open(opened.search, page)}
        />
      )}
      <SavedSearches version={savedVersion} onOpen={(s) => void open(toOpen(s), 0)} />
      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">Searches you ran</h2>
        {entries === null ? (
          <Spinner label="Loading the history…" />
        ) : (
          <HistoryTable
            entries={entries}
            onOpen={(e) => void open(toOpen({ ...e, name: e.savedName }), 0)}
            onSave={save}
          />
        )}
      </section>
    </div>
  )
}
