import type { PropertyKeyPath } from './field-path'

/**
 * The search form's fields that can be wrong, the element each one is typed in, and its name as
 * the form labels it. A problem is shown at its field and said in these words, never as a schema
 * path ("influencer › bio") or a pattern.
 */
export const FILTER_FIELDS = {
  followers: { id: 'filter-followers-min', label: 'Followers' },
  engagementRate: { id: 'filter-engagement-rate', label: 'Min engagement rate' },
  bio: { id: 'filter-bio', label: 'Bio words' },
  keywords: { id: 'filter-keywords', label: 'Caption keywords' },
  hashtags: { id: 'filter-hashtags', label: 'Hashtags' },
  mentions: { id: 'filter-mentions', label: 'Mentions' },
  lookalikes: { id: 'filter-lookalikes', label: 'Lookalikes of @handles' },
  growth: { id: 'filter-growth', label: 'Follower growth' },
  credibility: { id: 'filter-credibility', label: 'Min audience credibility' },
  sort: { id: 'filter-sort', label: 'Sort by' },
  other: { id: 'search-filters', label: 'Filters' },
} as const

export type FilterField = keyof typeof FILTER_FIELDS

export interface FieldProblem {
  field: FilterField
  /** A whole sentence a person can act on: "Bio words can be at most 200 characters." */
  message: string
}

/** Where a schema path points in the form. */
export function fieldOfPath(path: PropertyKeyPath): FilterField {
  const [group, key, , sub] = path.map(String)
  if (group === 'influencer') {
    switch (key) {
      case 'followers':
        return 'followers'
      case 'engagementRate':
        return 'engagementRate'
      case 'bio':
        return 'bio'
      case 'keywords':
        return 'keywords'
      case 'relevance':
        return 'lookalikes'
      case 'followersGrowthRate':
        return 'growth'
      case 'textTags':
        return sub === undefined ? 'hashtags' : 'hashtags'
      default:
        return 'other'
    }
  }
  if (group === 'audience' && key === 'credibility') return 'credibility'
  if (group === 'sort') return 'sort'
  return 'other'
}

/** What a field accepts, for messages about its format. */
const FORMATS: Partial<Record<FilterField, string>> = {
  hashtags: 'letters, numbers, dots and underscores, up to 100 characters each',
  mentions: 'letters, numbers, dots and underscores, up to 100 characters each',
  lookalikes: 'handles made of letters, numbers, dots and underscores',
}

export interface IssueLike {
  code: string
  path: PropertyKeyPath
  message: string
  maximum?: unknown
  minimum?: unknown
  origin?: unknown
}

/** A schema issue in plain words at its field. */
export function describeIssue(
  issue: IssueLike,
  field: FilterField = fieldOfPath(issue.path),
): FieldProblem {
  const label = FILTER_FIELDS[field].label
  const max =
    typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint'
      ? Number(issue.maximum)
      : null
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && max !== null)
        return { field, message: `${label} can be at most ${max.toLocaleString()} characters.` }
      if (issue.origin === 'array' && max !== null)
        return { field, message: `${label} can list at most ${max.toLocaleString()} entries.` }
      return { field, message: `${label} is too large.` }
    case 'too_small':
      return { field, message: `${label} is too small.` }
    case 'invalid_format':
      return {
        field,
        message: `${label} can only hold ${FORMATS[field] ?? 'the characters the provider accepts'}.`,
      }
    default:
      return { field, message: `${label} is not accepted as typed.` }
  }
}
