import type { AppError } from '../../shared/errors'
import type { Core } from '../services/core-types'

/**
 * A core for when there is no database to serve from (it is damaged, or being recovered): every
 * method answers with `error()`, whether it returns a promise or an async iterable (the export's
 * rows). The shell's own channels (keys, mode, app info, the `db:*` ones) keep working.
 */
export function unavailableCore(error: () => AppError): Core {
  const fail = () => {
    const rejected = Promise.reject(error())
    // Nothing may await it (an iterable was wanted): no unhandled-rejection noise then.
    rejected.catch(() => undefined)
    return Object.assign(rejected, {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error()) }),
    })
  }
  const service = new Proxy({}, { get: () => fail })
  return new Proxy({} as Core, {
    get: (_target, key) => (key === 'close' ? () => Promise.resolve() : service),
  })
}
