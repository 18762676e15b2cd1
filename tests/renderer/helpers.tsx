import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach } from 'vitest'
import { App } from '../../src/renderer/src/App'
import { clearPictureCache } from '../../src/renderer/src/components/CreatorPicture'
import { initialKeysState, useKeysStore } from '../../src/renderer/src/stores/keys-store'
import { initialListsState, useListsStore } from '../../src/renderer/src/stores/lists-store'
import { initialProfileState, useProfileStore } from '../../src/renderer/src/stores/profile-store'
import { initialQuotaState, useQuotaStore } from '../../src/renderer/src/stores/quota-store'
import { initialSearchState, useSearchStore } from '../../src/renderer/src/stores/search-store'
import { clearPlatformStash } from '../../src/renderer/src/stores/platform-stash'
import {
  initialResultsViewState,
  useResultsViewStore,
} from '../../src/renderer/src/stores/results-view-store'
import { useSelectionStore } from '../../src/renderer/src/stores/selection-store'
import {
  initialSettingsState,
  useSettingsStore,
} from '../../src/renderer/src/stores/settings-store'
import { initialUiState, useUiStore } from '../../src/renderer/src/stores/ui-store'
import type { FakeApi } from './fake-api'
import { installFakeApi } from './fake-api'

/** Stores are module singletons: every test starts from the same empty app. */
export function resetStores(): void {
  useUiStore.setState({ ...initialUiState })
  useSearchStore.setState({ ...initialSearchState, known: {} })
  useSelectionStore.getState().reset()
  useListsStore.setState({ ...initialListsState })
  useQuotaStore.setState({ ...initialQuotaState })
  useSettingsStore.setState({ ...initialSettingsState })
  useKeysStore.setState({ ...initialKeysState, testResults: {} })
  useProfileStore.setState({ ...initialProfileState })
  useResultsViewStore.setState({ ...initialResultsViewState })
  clearPlatformStash()
  clearPictureCache()
}

afterEach(() => {
  cleanup()
  resetStores()
})

/** Renders the whole app against a fake and waits until the header meter has loaded. */
export async function renderApp(fake: FakeApi): Promise<FakeApi> {
  installFakeApi(fake)
  render(<App />)
  await screen.findByRole('region', { name: 'Monthly usage' })
  return fake
}

export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
}
