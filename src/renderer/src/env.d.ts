import type { CreatorDeskApi } from '../../shared/api'

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the browser bridge; stubbed in tests. */
    api: CreatorDeskApi
  }
}

export {}
