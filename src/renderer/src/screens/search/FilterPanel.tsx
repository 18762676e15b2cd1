import { useSearchStore } from '../../stores/search-store'
import { AudienceFilters } from './AudienceFilters'
import { ContentFilters } from './ContentFilters'
import { CreatorFilters } from './CreatorFilters'
import { FollowersFilter } from './FollowersFilter'
import { ProfileFlags } from './ProfileFlags'
import { SortControl } from './SortControl'
import { useFocusFirstProblem } from './field-errors'

/**
 * The Modash filter set. Enter in a field never submits: every search may cost credits, so only
 * the explicitly priced button runs one.
 */
export function FilterPanel() {
  const reset = useSearchStore((s) => s.resetDraft)
  useFocusFirstProblem()
  return (
    <form
      id="search-filters"
      className="filter-panel"
      aria-label="Search filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <FollowersFilter />
      <CreatorFilters />
      <ProfileFlags />
      <ContentFilters />
      <AudienceFilters />
      <SortControl />
      <button type="button" className="ghost" onClick={reset}>
        Clear all filters
      </button>
    </form>
  )
}
