import type { ModashFault, ModashRoute } from './types'

/** Injected faults, consumed one per request: the route's own queue first, then `any`. */
export class FaultQueues {
  private readonly queues = new Map<ModashRoute | 'any', ModashFault[]>()

  inject(route: ModashRoute | 'any', faults: readonly ModashFault[]): void {
    for (const fault of faults) validateFault(fault)
    const queue = this.queues.get(route) ?? []
    queue.push(...faults)
    this.queues.set(route, queue)
  }

  take(route: ModashRoute): ModashFault | null {
    return this.queues.get(route)?.shift() ?? this.queues.get('any')?.shift() ?? null
  }
}

function validateFault(fault: ModashFault): void {
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400))
    throw new RangeError('a status fault needs an HTTP error status')
  if ((fault.kind === 'delay' || fault.kind === 'slow-body') && !(fault.ms >= 0))
    throw new RangeError(`${fault.kind} needs ms >= 0`)
}

/** The error code a status fault carries when the test does not name one. */
export function defaultCodeFor(status: number): string {
  if (status === 401) return 'api_token_invalid'
  if (status === 403) return 'not_enough_credits'
  if (status === 404) return 'account_not_found'
  if (status === 429) return 'too_many_requests'
  if (status >= 500) return 'internal_server_error'
  return 'bad_request'
}

/** Fields a future Modash version might add; clients must ignore them. */
export function withUnexpectedFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const extra = { _sandboxExtra: { note: 'unknown field' }, requestId: 'req_sandbox_0001' }
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>), ...extra }
  const profile = copy.profile
  if (typeof profile === 'object' && profile !== null && !Array.isArray(profile))
    copy.profile = { ...(profile as Record<string, unknown>), newMetric: 42 }
  return copy
}
