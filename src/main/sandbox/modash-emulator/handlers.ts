import type { IncomingMessage } from 'node:http'
import { isPlatform } from '../../../shared/platforms'
import type { Platform } from '../../../shared/platforms'
import { TOKEN_INVALID_MESSAGE } from './auth'
import type { CreditLedger } from './credits'
import type { DatasetIndex } from './dataset-index'
import { BodyTooLargeError, errorReply, readBody } from './http-io'
import type { Reply } from './http-io'
import { dictionary, listUsers } from './lookups'
import type { TokenRateLimiter } from './rate-limit'
import { buildReport } from './report'
import { lookalikesOf } from './report-lookalikes'
import type { RouteMatch } from './routing'
import { runSearch } from './search'
import { describeIssue, searchBodySchema } from './search-schema'
import type { ReportErrorCode } from './types'

/** Milli-credits: 0.01 credits per search result returned, 1 credit per report. */
export const COST_PER_RESULT = 10
export const COST_PER_REPORT = 1000

const REPORT_ERRORS: Record<ReportErrorCode, { status: number; message: string }> = {
  account_not_found: { status: 404, message: 'The requested account does not exist.' },
  handle_not_found: { status: 404, message: 'No public account was found for that handle.' },
  account_removed: { status: 404, message: 'This account has been removed.' },
  private_account: { status: 403, message: 'This account is private.' },
  empty_audience: { status: 404, message: 'There is no audience data for this account.' },
  // 503, so a client that branches on status instead of `code` would wrongly retry at once.
  retry_later: { status: 503, message: 'The report is being processed; try again later.' },
}

export interface HandlerContext {
  index: DatasetIndex
  ledger: CreditLedger
  limiter: TokenRateLimiter | null
  reportErrors: Map<string, ReportErrorCode>
  rawRequests: number
  userInfoErrorField: boolean
}

export interface Handled {
  reply: Reply
  /** Milli-credits charged (only ever for a 200). */
  cost: number
}

type ApiMatch = Exclude<RouteMatch, { route: 'health' }>

/** Authenticates, rate-limits, does the work and bills it; everything but faults. */
export async function handle(
  match: ApiMatch,
  token: string | null,
  req: IncomingMessage,
  params: URLSearchParams,
  ctx: HandlerContext,
): Promise<Handled> {
  const free = (reply: Reply): Handled => ({ reply, cost: 0 })
  if (!ctx.ledger.has(token))
    return free(errorReply(401, 'api_token_invalid', TOKEN_INVALID_MESSAGE))
  if (match.route === 'userInfo') return free({ status: 200, body: userInfo(ctx, token) })
  if (!isPlatform(match.platform))
    return free(errorReply(400, 'bad_request', `Unknown platform "${match.platform}".`))
  const cls = match.route === 'dictionary' ? null : match.route
  if (cls !== null && ctx.limiter !== null && !ctx.limiter.take(token, cls))
    return free(errorReply(429, 'too_many_requests', 'Too many requests; slow down.'))

  const work = await doWork(match, match.platform, req, params, ctx)
  if (work.reply.status !== 200 || (match.route !== 'search' && match.route !== 'report'))
    return free(work.reply)
  if (!ctx.ledger.tryCharge(token, work.cost))
    return free(errorReply(403, 'not_enough_credits', 'Not enough credits for this request.'))
  return work
}

async function doWork(
  match: Exclude<ApiMatch, { route: 'userInfo' }>,
  platform: Platform,
  req: IncomingMessage,
  params: URLSearchParams,
  ctx: HandlerContext,
): Promise<Handled> {
  switch (match.route) {
    case 'search':
      return search(platform, req, ctx)
    case 'report': {
      const creator = ctx.index.find(platform, match.userId)
      const scripted =
        ctx.reportErrors.get(match.userId) ??
        (creator === undefined ? undefined : ctx.reportErrors.get(creator.userId))
      if (scripted !== undefined) {
        const { status, message } = REPORT_ERRORS[scripted]
        return { reply: errorReply(status, scripted, message), cost: 0 }
      }
      if (creator === undefined)
        return {
          reply: errorReply(404, 'account_not_found', REPORT_ERRORS.account_not_found.message),
          cost: 0,
        }
      const body = buildReport(creator, lookalikesOf(ctx.index, creator))
      return { reply: { status: 200, body }, cost: COST_PER_REPORT }
    }
    case 'users':
      return lookup(listUsers(ctx.index, platform, params))
    case 'dictionary':
      return lookup(dictionary(ctx.index, match.kind, params))
  }
}

async function search(
  platform: Platform,
  req: IncomingMessage,
  ctx: HandlerContext,
): Promise<Handled> {
  const invalid = (message: string): Handled => ({
    reply: errorReply(400, 'invalid_body_params', message),
    cost: 0,
  })
  let raw: unknown
  try {
    raw = JSON.parse(await readBody(req)) as unknown
  } catch (err) {
    return invalid(err instanceof BodyTooLargeError ? 'body too large' : 'body is not valid JSON')
  }
  const parsed = searchBodySchema.safeParse(raw)
  if (!parsed.success) return invalid(describeIssue(parsed.error))
  const outcome = runSearch(ctx.index, platform, parsed.data)
  return { reply: { status: 200, body: outcome.body }, cost: COST_PER_RESULT * outcome.hits.length }
}

function lookup(result: ReturnType<typeof listUsers>): Handled {
  return result.ok
    ? { reply: { status: 200, body: result.body }, cost: 0 }
    : { reply: errorReply(400, 'bad_request', result.message), cost: 0 }
}

/**
 * `/user/info`. Whether the live body carries `error: false` is not known (`docs/providers.md` §1.13),
 * so it can be left out; `rawRequests` is whatever the test set, negative included.
 */
function userInfo(ctx: HandlerContext, token: string): Record<string, unknown> {
  return {
    ...(ctx.userInfoErrorField ? { error: false } : {}),
    billing: { credits: ctx.ledger.balance(token) / 1000, rawRequests: ctx.rawRequests },
    rateLimits: {
      discoverySearch: ctx.limiter?.rate('search') ?? 2,
      report: ctx.limiter?.rate('report') ?? 2,
      users: ctx.limiter?.rate('users') ?? 10,
    },
  }
}
