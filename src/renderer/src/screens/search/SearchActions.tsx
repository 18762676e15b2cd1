import { formatCredits } from '../../../../shared/credits'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ageInDays, formatAge, formatInt, plural } from '../../lib/format'
import { selectOffline, useSettingsStore } from '../../stores/settings-store'
import { useSearchStore } from '../../stores/search-store'
import { matchesWords } from '../../lib/total-words'
import { LocalAnswer } from './LocalAnswer'
import { useSearchLabels } from './use-search-labels'

const SOURCE_WORDS = {
  cache: 'from the cache',
  provider: 'fresh from Modash',
  local: 'from the local database',
}

function Summary() {
  const result = useSearchStore((s) => s.lastResult)
  const rows = useSearchStore((s) => s.rows.length)
  if (!result) return null
  const charged =
    result.resultsCharged > 0
      ? ` · charged ${plural(result.resultsCharged, 'discovery result')} (${formatCredits(result.resultsCharged * 10)} Modash credits)`
      : ' · free'
  return (
    <p className="summary" role="status">
      Showing {formatInt(rows)} of {matchesWords(result)} · last page {SOURCE_WORDS[result.source]},
      fetched {formatAge(ageInDays(result.fetchedAt))}
      {charged}
    </p>
  )
}

export function SearchActions() {
  const labels = useSearchLabels()
  const status = useSearchStore((s) => s.status)
  const error = useSearchStore((s) => s.error)
  const problems = useSearchStore((s) => s.problems)
  const result = useSearchStore((s) => s.lastResult)
  const userCacheOnly = useSearchStore((s) => s.cacheOnly)
  const setCacheOnly = useSearchStore((s) => s.setCacheOnly)
  const search = useSearchStore((s) => s.search)
  const offline = useSettingsStore(selectOffline)
  return (
    <div className="search-actions">
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={status === 'loading'}
          onClick={() => void search()}
        >
          {status === 'loading' ? 'Searching…' : labels.search}
        </button>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={labels.cacheOnly}
            disabled={offline}
            aria-checked={labels.cacheOnly}
            onChange={(e) => setCacheOnly(e.target.checked)}
          />
          Search cache only
        </label>
        {offline && !userCacheOnly && (
          <span className="hint">Offline: only cached data is searched.</span>
        )}
      </div>
      {problems.length > 0 && (
        <ul role="alert" className="callout callout-error" aria-label="Fix these filters first">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {error && <ErrorMessage error={error} onRetry={() => void search()} />}
      {result && <LocalAnswer result={result} />}
      <Summary />
      {result?.dataNotes && result.dataNotes.length > 0 && (
        <ul
          className="callout callout-warn"
          aria-label="What Modash sent that could not all be kept"
        >
          {result.dataNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
