import type { ApiKeyRegistry } from './auth'
import { errorReply } from './http-io'
import type { Reply } from './http-io'
import type { KeyRateLimiter } from './rate-limit'
import { missingRequiredField } from './routines'
import { parseRunRequest } from './run-request'
import type { RunStore } from './runs'
import type { ClayRoutineSpec } from './types'

export const API_PREFIX = '/public/v0'

export type RouteMatch =
  { route: 'me' } | { route: 'run'; routineId: string } | { route: 'results'; runId: string }

/** Maps method + path to a route; a Reply when there is none (404, or 405 for a known path). */
export function matchRoute(method: string, pathname: string): RouteMatch | Reply {
  if (!pathname.startsWith(`${API_PREFIX}/`)) return errorReply(404, 'Not found')
  let segments: string[]
  try {
    segments = pathname
      .slice(API_PREFIX.length + 1)
      .split('/')
      .map(decodeURIComponent)
  } catch {
    return errorReply(400, 'Malformed path')
  }
  const [a, b, c, d] = segments
  let match: RouteMatch | null = null
  let expected = 'GET'
  if (segments.length === 1 && a === 'me') match = { route: 'me' }
  else if (segments.length === 3 && a === 'routines' && b && c === 'run') {
    match = { route: 'run', routineId: b }
    expected = 'POST'
  } else if (segments.length === 4 && a === 'routines' && b === 'run' && c && d === 'results')
    match = { route: 'results', runId: c }
  if (match === null) return errorReply(404, 'Not found')
  return method === expected ? match : errorReply(405, 'Method not allowed', { allow: expected })
}

export interface RouteContext {
  registry: ApiKeyRegistry
  runs: RunStore
  routines: ReadonlyMap<string, ClayRoutineSpec>
  limiter: KeyRateLimiter | null
}

export interface RequestInfo {
  url: URL
  apiKeyHeader: string | string[] | undefined
  /** Read before any fault is applied, as a real server has the body before it stalls. */
  body: string | null
}

export function serveRoute(ctx: RouteContext, match: RouteMatch, req: RequestInfo): Reply {
  const apiKey = ctx.registry.authenticate(req.apiKeyHeader)
  if (apiKey === null) return errorReply(401, 'Authentication failed')
  const waitSeconds = ctx.limiter?.take(apiKey) ?? null
  if (waitSeconds !== null)
    return errorReply(429, 'Rate limit exceeded', { 'retry-after': String(waitSeconds) })
  switch (match.route) {
    case 'me':
      return { status: 200, body: ctx.registry.identity(apiKey) }
    case 'run':
      return startRun(ctx, apiKey, match.routineId, req.body)
    case 'results':
      return runResults(ctx, apiKey, match.runId, req.url)
  }
}

function startRun(
  ctx: RouteContext,
  apiKey: string,
  routineId: string,
  body: string | null,
): Reply {
  const routine = ctx.routines.get(routineId)
  if (routine === undefined) return errorReply(404, 'Routine not found')
  if (body === null) return errorReply(413, 'Request body too large')
  const parsed = parseRunRequest(body)
  if (!parsed.ok) return errorReply(400, parsed.message)
  // Inputs are checked against the author's columns before anything runs or is charged.
  const missing = missingRequiredField(routine, parsed.items)
  if (missing !== null) return errorReply(400, `Missing required field: ${missing}`)
  if (!ctx.registry.charge(apiKey, parsed.items.length))
    return errorReply(402, 'Not enough credits to run this routine')
  const run = ctx.runs.create(apiKey, routine, parsed.items)
  return { status: 202, body: { routine_run_id: run.runId, status: 'in_progress' } }
}

const DEFAULT_LIMIT = 20

function runResults(ctx: RouteContext, apiKey: string, runId: string, url: URL): Reply {
  const limitParam = url.searchParams.get('limit')
  const limit = limitParam === null || limitParam === '' ? DEFAULT_LIMIT : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return errorReply(400, 'limit must be an integer from 1 to 100')
  const cursorParam = url.searchParams.get('cursor')
  const offset = cursorParam === null || cursorParam === '' ? 0 : decodeCursor(cursorParam)
  if (offset === null) return errorReply(400, 'Invalid cursor')

  const view = ctx.runs.poll(apiKey, runId)
  if (view === null) return errorReply(404, 'Routine run not found')
  const total = view.run.items.length
  if (view.state === 'running')
    return {
      status: 202,
      body: { routine_run_id: runId, status: 'in_progress', total, finished: 0 },
    }
  // A run that ended badly is terminal too: 200 with its status and no data (§2.8).
  if (view.state === 'ended')
    return {
      status: 200,
      body: { routine_run_id: runId, status: view.status, total, finished: total },
    }
  const end = offset + limit
  return {
    status: 200,
    body: {
      routine_run_id: runId,
      status: 'complete',
      total,
      finished: total,
      data: view.results.slice(offset, end),
      ...(end < total ? { cursor: encodeCursor(end) } : {}),
    },
  }
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url')
}

function decodeCursor(cursor: string): number | null {
  const match = /^offset:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match?.[1] === undefined ? null : Number(match[1])
}
