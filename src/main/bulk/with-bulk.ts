import type { CoreDeps } from '../services/core-deps'
import type { Core } from '../services/core-types'
import { createBulkService } from './bulk-service'
import type { BulkService } from './bulk-service'

/**
 * Adds bulk work to a core: jobs run through the core's own creator services (their locks,
 * cache and purchase routine), jobs a crash or a quit interrupted are resumed, and closing the
 * core first lets the item in progress end.
 */
export async function withBulk<T extends Omit<Core, 'bulk'> & { deps: CoreDeps }>(
  core: T,
): Promise<NoInfer<T> & { bulk: BulkService }> {
  const bulk = createBulkService(core.deps, core.creators)
  await bulk.resumeInterrupted()
  return {
    ...core,
    bulk,
    close: async () => {
      await bulk.close()
      await core.close()
    },
  }
}
