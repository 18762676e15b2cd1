import type { SearchResult } from '../../../../shared/domain'
import { StaleBanner } from '../../components/StaleBanner'
import { filterName, listWords, sortName } from '../../lib/filter-names'
import { formatDate, formatInt } from '../../lib/format'

/**
 * What an answer from the cache is, in words that claim no more than it has: why it is not
 * from Modash (the real reason: offline mode, "cache only", Modash failing), how many more
 * cached creators may match and which filters the cache cannot tell for them, and which
 * filters (or order) it could not apply at all. A free answer from a search fetched to its
 * last page is exact, and says where it came from.
 */
export function LocalAnswer({ result }: { result: SearchResult }) {
  if (result.localReason === 'contained') {
    return (
      <p role="status" className="callout callout-info" data-testid="contained-answer">
        Answered free from the cache: a broader search bought on{' '}
        {formatDate(result.containedIn?.fetchedAt ?? result.fetchedAt)} was fetched to its last
        page, so every creator that can match is already here.
      </p>
    )
  }
  if (result.source !== 'local' && result.staleReason === undefined) return null
  return (
    <StaleBanner
      fetchedAt={result.fetchedAt}
      title={result.source === 'local' ? 'Answered from creators bought before' : undefined}
      reason={reasonWords(result)}
    >
      <MayMatch result={result} />
      {(result.neverEvaluable?.length ?? 0) > 0 && (
        <p data-testid="not-applied">
          Not applied, the cache cannot know:{' '}
          {listWords((result.neverEvaluable ?? []).map(filterName))}.
        </p>
      )}
      {result.orderNotApplied !== undefined && (
        <p>Ordered by followers: the cache cannot order by {sortName(result.orderNotApplied)}.</p>
      )}
    </StaleBanner>
  )
}

function reasonWords(result: SearchResult): string | undefined {
  switch (result.localReason) {
    case 'offline':
      return 'Offline mode is on, so nothing was bought.'
    case 'cache_only':
      return '"Search cache only" is ticked, so nothing was bought.'
    default:
      return result.staleReason
  }
}

function MayMatch({ result }: { result: SearchResult }) {
  const may = result.mayMatch
  if (may === undefined) return null
  if (may.count === 0)
    return <p data-testid="may-match">No other creator in the cache can match.</p>
  const count = `${formatInt(may.count)}${may.capped ? '+' : ''}`
  const unknown = listWords(may.unknownFilters.map(filterName))
  return (
    <p data-testid="may-match">
      {count} more may match: {unknown} unknown.
    </p>
  )
}
