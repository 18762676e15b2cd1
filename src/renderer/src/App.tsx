import { useEffect } from 'react'
import { ConfirmHost } from './components/ConfirmHost'
import { Header } from './components/Header'
import { Nav } from './components/Nav'
import { StatusRegion } from './components/StatusRegion'
import { CommandPalette } from './keyboard/CommandPalette'
import { ShortcutsHelp } from './keyboard/ShortcutsHelp'
import { useGlobalShortcuts } from './keyboard/use-global-shortcuts'
import { AddToListDialog } from './screens/lists/AddToListDialog'
import { BulkScreen } from './screens/bulk/BulkScreen'
import { HistoryScreen } from './screens/history/HistoryScreen'
import { ListsScreen } from './screens/lists/ListsScreen'
import { ProfileDrawer } from './screens/profile/ProfileDrawer'
import { RecoveryScreen } from './screens/recovery/RecoveryScreen'
import { SearchScreen } from './screens/search/SearchScreen'
import { SettingsScreen } from './screens/settings/SettingsScreen'
import { UsageScreen } from './screens/usage/UsageScreen'
import { useQuotaStore } from './stores/quota-store'
import { useSettingsStore } from './stores/settings-store'
import { selectShowRecovery, useStorageStore } from './stores/storage-store'
import { useUiStore } from './stores/ui-store'

function CurrentScreen() {
  const screen = useUiStore((s) => s.screen)
  switch (screen) {
    case 'search':
      return <SearchScreen />
    case 'lists':
      return <ListsScreen />
    case 'bulk':
      return <BulkScreen />
    case 'history':
      return <HistoryScreen />
    case 'usage':
      return <UsageScreen />
    case 'settings':
      return <SettingsScreen />
  }
}

export function App() {
  const loadSettings = useSettingsStore((s) => s.load)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const checkStorage = useStorageStore((s) => s.check)
  const showRecovery = useStorageStore(selectShowRecovery)
  useGlobalShortcuts()
  useEffect(() => {
    void checkStorage()
    void loadSettings()
    void refreshQuota()
  }, [checkStorage, loadSettings, refreshQuota])

  // A damaged database: only the recovery screen, which needs nothing else from the database.
  if (showRecovery) {
    return (
      <div className="app-recovery">
        <main id="main" tabIndex={-1}>
          <RecoveryScreen />
        </main>
        <StatusRegion />
        <ConfirmHost />
      </div>
    )
  }

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header />
      <Nav />
      <main id="main" className="app-main" tabIndex={-1}>
        <CurrentScreen />
      </main>
      <ProfileDrawer />
      <StatusRegion />
      <AddToListDialog />
      <ConfirmHost />
      <ShortcutsHelp />
      <CommandPalette />
    </div>
  )
}
