import type { DictionaryKind } from './lookups'
import type { ModashRoute } from './types'

export type RouteMatch =
  | { route: 'health' }
  | { route: 'userInfo' }
  | { route: 'search'; platform: string }
  | { route: 'report'; platform: string; userId: string }
  | { route: 'users'; platform: string }
  | { route: 'dictionary'; platform: string; kind: DictionaryKind }

const DICTIONARY_KINDS: readonly string[] = ['locations', 'languages', 'interests', 'brands']

/**
 * Maps method + path (under `/v1`) to a route. The platform segment is returned unchecked so an
 * unknown platform can be answered with `bad_request` after authentication, as Modash does.
 */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  const parts = pathname.split('/').filter((p) => p !== '')
  if (parts[0] !== 'v1') return null
  const rest = parts.slice(1).map(decodeSegment)
  if (rest.some((p) => p === null)) return null
  const [a, b, c, d] = rest as string[]
  if (method === 'GET' && rest.length === 1 && a === 'health') return { route: 'health' }
  if (method === 'GET' && rest.length === 2 && a === 'user' && b === 'info')
    return { route: 'userInfo' }
  if (a === undefined || b === undefined) return null
  if (method === 'POST' && rest.length === 2 && b === 'search')
    return { route: 'search', platform: a }
  if (method === 'GET' && rest.length === 2 && b === 'users') return { route: 'users', platform: a }
  if (method === 'GET' && rest.length === 2 && DICTIONARY_KINDS.includes(b))
    return { route: 'dictionary', platform: a, kind: b as DictionaryKind }
  if (method === 'GET' && rest.length === 4 && b === 'profile' && c && d === 'report')
    return { route: 'report', platform: a, userId: c }
  return null
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

export function faultRoute(match: RouteMatch): ModashRoute | null {
  return match.route === 'health' ? null : match.route
}
