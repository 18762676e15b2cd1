import type { SortField } from '../../../shared/search-filters'

/**
 * Filters as the filter panel labels them, for the lines that say which ones an answer from
 * the cache could not apply or could not tell ("location unknown"). Keys are the answer's
 * (`influencer.location`, `audience.gender`).
 */
const NAMES: Record<string, string> = {
  'influencer.followers': 'followers',
  'influencer.engagementRate': 'engagement rate',
  'influencer.location': 'creator location',
  'influencer.language': 'creator language',
  'influencer.lastposted': 'last posted',
  'influencer.relevance': 'lookalikes',
  'influencer.audienceRelevance': 'audience lookalikes',
  'influencer.gender': 'creator gender',
  'influencer.age': 'creator age',
  'influencer.followersGrowthRate': 'follower growth',
  'influencer.bio': 'bio words',
  'influencer.keywords': 'caption keywords',
  'influencer.hasYouTube': 'has YouTube',
  'influencer.hasContactDetails': 'has email',
  'influencer.accountTypes': 'account type',
  'influencer.brands': 'brands',
  'influencer.interests': 'creator interests',
  'influencer.textTags': 'hashtags and mentions',
  'influencer.reelsPlays': 'reels plays',
  'influencer.engagements': 'engagements',
  'influencer.views': 'views',
  'influencer.isVerified': 'verified',
  'influencer.hasSponsoredPosts': 'sponsored posts',
  'audience.location': 'audience location',
  'audience.language': 'audience language',
  'audience.gender': 'audience gender',
  'audience.age': 'audience age',
  'audience.interests': 'audience interests',
  'audience.credibility': 'audience credibility',
}

const SORTS: Record<SortField, string> = {
  followers: 'followers',
  engagementRate: 'engagement rate',
  engagements: 'engagements',
  relevance: 'relevance',
  followersGrowth: 'follower growth',
  keywords: 'keyword match',
  audienceGeo: 'audience location share',
  audienceLang: 'audience language share',
  audienceGender: 'audience gender share',
  audienceAge: 'audience age share',
  audienceRelevance: 'audience similarity',
  audienceInterest: 'audience interest share',
  reelsPlays: 'reels plays',
}

export function filterName(key: string): string {
  return NAMES[key] ?? key.replace(/^(influencer|audience)\./, '')
}

export function sortName(field: string): string {
  return SORTS[field as SortField] ?? field
}

/** "creator location, audience gender and bio words" */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
