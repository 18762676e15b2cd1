import type { CreatorDeskApi } from '../../../shared/api'

/**
 * The one seam between the page and the bridge. Read lazily on every call so tests (and a
 * browser preview) can install a stub on `window.api` after the modules have loaded.
 */
export function getApi(): CreatorDeskApi {
  const api = (window as Partial<Window>).api
  if (!api) throw new Error('window.api is not installed')
  return api
}
