import { parseRetryAfter } from '../http/backoff'
import type { HttpOutcome } from '../http/http-request'
import { sleep } from '../http/rate-limiter'
import { serverMessage } from './clay-errors'

/** Small pieces the Clay client's calls share: wording of failures, timing, scrubbing. */

type HttpResponse = Extract<HttpOutcome, { kind: 'response' }>
type HttpNetworkFailure = Extract<HttpOutcome, { kind: 'network' }>

export function describeTransient(outcome: HttpOutcome): {
  providerCode: string
  what: string
  retryAfterMs: number | null
} {
  if (outcome.kind === 'network')
    return {
      providerCode: outcome.reason === 'timeout' ? 'timeout' : 'network_error',
      what: networkWhat(outcome),
      retryAfterMs: null,
    }
  return {
    providerCode: outcome.status === 429 ? 'rate_limited' : 'server_error',
    what: `HTTP ${outcome.status}`,
    retryAfterMs: retryAfterMs(outcome),
  }
}

export function retryAfterMs(outcome: HttpResponse): number | null {
  return parseRetryAfter(outcome.headers.get('retry-after'))
}

export function networkWhat(outcome: HttpNetworkFailure): string {
  return outcome.reason === 'timeout' ? outcome.message : `connection failed: ${outcome.message}`
}

export function describeRefusal(action: string, status: number, json: unknown): string {
  const said = serverMessage(json)
  return `Clay refused to ${action} (HTTP ${status})${said === '' ? '' : `: ${said}`}`
}

export function elapsedSince(started: number): number {
  return Math.round(performance.now() - started)
}

export async function sleepUntil(ms: number, deadline: number): Promise<void> {
  const wait = Math.min(ms, deadline - performance.now())
  if (wait > 0) await sleep(wait)
}
