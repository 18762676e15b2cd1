import type { ClayRoute, ClayRunFault } from './types'

/** Injected faults, consumed one per request: the route's own queue first, then `any`. */
export class FaultQueues {
  private readonly queues = new Map<ClayRoute | 'any', ClayRunFault[]>()

  inject(route: ClayRoute | 'any', faults: readonly ClayRunFault[]): void {
    for (const fault of faults) validateFault(route, fault)
    const queue = this.queues.get(route) ?? []
    queue.push(...faults)
    this.queues.set(route, queue)
  }

  take(route: ClayRoute): ClayRunFault | null {
    return this.queues.get(route)?.shift() ?? this.queues.get('any')?.shift() ?? null
  }
}

function validateFault(route: ClayRoute | 'any', fault: ClayRunFault): void {
  if (fault.kind === 'accept-then-reset' && route !== 'run')
    throw new RangeError("accept-then-reset only applies to the 'run' route")
  if (
    (fault.kind === 'status' || fault.kind === 'respond') &&
    !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)
  )
    throw new RangeError(`${fault.kind} fault needs an HTTP status from 200 to 599`)
  if (fault.kind === 'delay' && !(fault.ms >= 0)) throw new RangeError('delay needs ms >= 0')
}
