import { SandboxWelcome } from '../../components/SandboxWelcome'
import { Spinner } from '../../components/Spinner'
import { useResultsViewStore } from '../../stores/results-view-store'
import { useSearchStore } from '../../stores/search-store'
import { FilterPanel } from './FilterPanel'
import { PANEL_ID, PlatformTabs, tabId } from './PlatformTabs'
import { ResultsTable } from './ResultsTable'
import { NextPageBar, ResultsToolbar } from './ResultsToolbar'
import { SearchActions } from './SearchActions'

export function SearchScreen() {
  const platform = useSearchStore((s) => s.platform)
  const loading = useSearchStore((s) => s.status === 'loading')
  const hidden = useResultsViewStore((s) => s.filtersHidden)
  const setHidden = useResultsViewStore((s) => s.setFiltersHidden)
  return (
    <div className="search-screen">
      <h1 className="visually-hidden">Search creators</h1>
      <SandboxWelcome />
      <div className="search-top">
        <PlatformTabs />
        <button
          type="button"
          className="ghost"
          aria-expanded={!hidden}
          aria-controls={hidden ? undefined : 'search-filters'}
          onClick={() => setHidden(!hidden)}
        >
          {hidden ? 'Show filters' : 'Hide filters'}
        </button>
      </div>
      <div
        id={PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(platform)}
        className={`search-layout${hidden ? ' filters-hidden' : ''}`}
      >
        {!hidden && <FilterPanel />}
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
