import type { SortField } from '../../../../shared/search-filters'
import type { FilterDraft } from '../../lib/filter-draft'
import { useSearchStore } from '../../stores/search-store'

const LABELS: Record<SortField, string> = {
  followers: 'Followers',
  engagementRate: 'Engagement rate',
  engagements: 'Engagements',
  relevance: 'Relevance',
  followersGrowth: 'Follower growth',
  keywords: 'Keyword match',
  audienceGeo: 'Audience location share',
  audienceLang: 'Audience language share',
  audienceGender: 'Audience gender share',
  audienceAge: 'Audience age share',
  audienceRelevance: 'Audience similarity',
  audienceInterest: 'Audience interest share',
  reelsPlays: 'Reels plays',
}

/** Modash refuses some sorts without their filter; those options are disabled, not hidden. */
function needsFilter(field: SortField, d: FilterDraft): string | null {
  const a = d.audience
  const missing: Partial<Record<SortField, boolean>> = {
    keywords: d.keywords.trim() === '',
    audienceGeo: a.locations.length === 0,
    audienceLang: a.language === null,
    audienceGender: a.gender === '',
    audienceAge: a.ages.length === 0,
    audienceInterest: a.interests.length === 0,
    followersGrowth: !d.growth.enabled,
  }
  return missing[field] ? 'needs its filter' : null
}

export function SortControl() {
  const draft = useSearchStore((s) => s.draft)
  const platform = useSearchStore((s) => s.platform)
  const update = useSearchStore((s) => s.updateDraft)
  const fields = (Object.keys(LABELS) as SortField[]).filter(
    (f) => f !== 'reelsPlays' || platform === 'instagram',
  )
  return (
    <fieldset className="filter-group">
      <legend>Sort</legend>
      <div className="row">
        <label>
          Sort by
          <select
            id="filter-sort"
            value={draft.sortField}
            onChange={(e) => update({ sortField: e.target.value as SortField })}
          >
            {fields.map((f) => {
              const why = needsFilter(f, draft)
              return (
                <option key={f} value={f} disabled={why !== null}>
                  {why ? `${LABELS[f]} (${why})` : LABELS[f]}
                </option>
              )
            })}
          </select>
        </label>
        <label>
          Direction
          <select
            value={draft.sortDirection}
            onChange={(e) =>
              update({ sortDirection: e.target.value as FilterDraft['sortDirection'] })
            }
          >
            <option value="desc">High to low</option>
            <option value="asc">Low to high</option>
          </select>
        </label>
      </div>
    </fieldset>
  )
}
