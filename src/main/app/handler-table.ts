import type { AppInfo, ModeSwitch } from '../../shared/domain'
import { bulkHandlers } from '../bulk/bulk-handlers'
import { createCsvExport } from '../export/csv-export'
import type { ChooseExportPath } from '../export/csv-export'
import type { Handlers } from '../ipc/dispatch'
import type { KeyStore } from '../keychain'
import type { PictureCache } from '../pictures/picture-cache'
import type { Core } from '../services/core-types'
import type { AppMode } from './app-mode'
import { testProviderKey } from './key-test'
import { storageUnavailable } from './storage-control'
import type { StorageControl } from './storage-control'
import type { ProviderClients } from './provider-clients'
import { teamUnavailable } from './team/team-control'
import type { TeamControl } from './team/team-control'
import { teamHandlers } from './team/team-handlers'

export interface HandlerDeps {
  core: Core
  keys: KeyStore
  clients: Pick<ProviderClients, 'modash' | 'clay' | 'configured'>
  pictures: PictureCache
  choosePath: ChooseExportPath
  mode: AppMode
  info: () => AppInfo
  switchMode: (mode: AppMode) => Promise<ModeSwitch>
  now: () => Date
  /** The database file's status, recovery and backups (`data-session.ts`); absent over a bare core. */
  storage?: StorageControl
  /** Team mode (`team/team-session.ts`); absent over a bare core: always solo. */
  team?: TeamControl
}

/**
 * Every contract channel mapped onto the core and the shell's own services. Inputs arrive parsed
 * (see `dispatch`); this table only routes.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { core, keys } = deps
  const storage = deps.storage ?? storageUnavailable
  const team = deps.team ?? teamUnavailable
  // The core does not know which mode it runs in; the shell does.
  const withMode = <T extends object>(settings: T) => ({
    ...settings,
    sandbox: deps.mode === 'sandbox',
  })
  return {
    ...bulkHandlers({ core, choosePath: deps.choosePath, now: deps.now }),
    'creators:search': (input) => core.creators.search(input),
    'creators:get': (input) => core.creators.get(input.creatorId),
    'creators:select': (input) =>
      core.creators.select(
        input.creatorId,
        input.refresh === undefined ? {} : { refresh: input.refresh },
      ),
    'creators:enrich': (input) => core.creators.enrich(input.creatorId),
    'creators:abandon-lookup': (input) => core.creators.abandonLookup(input.creatorId),
    'creators:picture': (input) => deps.pictures.get(input.creatorId),
    'dictionaries:search': (input) => core.dictionaries.search(input),
    // In team mode the quota answers carry the team's meters too.
    'usage:quota': async () => team.withTeamMeters(await core.usage.quota()),
    'usage:stats': (input) => core.usage.stats(input),
    'usage:reconcile': () => core.usage.reconcile(),
    'usage:confirm-clock': async () => team.withTeamMeters(await core.usage.confirmClock()),
    'usage:log': (input) => core.usage.log(input),
    'usage:client-spend': (input) => core.usage.clientSpend(input),
    'lists:list': () => core.lists.list(),
    'lists:create': (input) => core.lists.create(input.name),
    'lists:rename': (input) => core.lists.rename(input.listId, input.name),
    'lists:set-client': (input) => core.lists.setClient(input.listId, input.client),
    'lists:delete': (input) => core.lists.remove(input.listId),
    'lists:members': (input) => core.lists.members(input.listId),
    'lists:add': (input) => core.lists.addCreators(input.listId, input.creatorIds),
    'lists:remove': (input) => core.lists.removeCreators(input.listId, input.creatorIds),
    'lists:update-member': (input) => core.lists.updateMember(input),
    'export:csv': createCsvExport({ core, choosePath: deps.choosePath, now: deps.now }),
    'keys:status': () => Promise.resolve(keys.status()),
    'keys:set': (input) => Promise.resolve(keys.set(input.key, input.value)),
    'keys:clear': (input) => Promise.resolve(keys.clear(input.key)),
    'keys:test': (input) => testProviderKey(input.key, deps.clients),
    'settings:get': async () => withMode(await core.settings.get()),
    'settings:set': async (input) => withMode(await core.settings.set(input)),
    'cache:clear': async () => {
      const result = await core.cache.clear()
      // Pictures are bought-data too: forgetting creators forgets their faces.
      await deps.pictures.clear()
      return result
    },
    'clay:test-routine': (input) => core.creators.testClayRoutine(input.creatorId),
    'app:info': () => Promise.resolve(deps.info()),
    'app:set-mode': (input) => deps.switchMode(input.mode),
    'db:status': () => storage.status(),
    'db:recover': () => storage.recover(),
    'db:restore-backup': (input) => storage.restoreBackup(input.name),
    ...teamHandlers(team),
  }
}
