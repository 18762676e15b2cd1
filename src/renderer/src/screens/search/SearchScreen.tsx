import { Spinner } from '../../components/Spinner'
import { useSearchStore } from '../../stores/search-store'
import { FilterPanel } from './FilterPanel'
import { PANEL_ID, PlatformTabs, tabId } from './PlatformTabs'
import { ResultsTable } from './ResultsTable'
import { NextPageBar, ResultsToolbar } from './ResultsToolbar'
import { SearchActions } from './SearchActions'

export function SearchScreen() {
  const platform = useSearchStore((s) => s.platform)
  const loading = useSearchStore((s) => s.status === 'loading')
  return (
    <div className="search-screen">
      <h1 className="visually-hidden">Search creators</h1>
      <PlatformTabs />
      <div
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(platform)}
        className="search-layout"
      >
        <FilterPanel />
        <section className="results" aria-label="Results">
          <SearchActions />
          <ResultsToolbar />
          {loading && <Spinner label="Searching…" />}
          <ResultsTable />
          <NextPageBar />
        </section>
      </div>
    </div>
  )
}
