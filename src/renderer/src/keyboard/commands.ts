import { computeSearchLabels } from '../screens/search/use-search-labels'
import { useQuotaStore } from '../stores/quota-store'
import { hasMorePages, useSearchStore } from '../stores/search-store'
import { useSettingsStore } from '../stores/settings-store'
import type { Screen } from '../stores/ui-store'
import { useUiStore } from '../stores/ui-store'
import { addToList, findEmail, focusQuickFilter, requestReport } from './actions'

export interface Command {
  id: string
  label: string
  run: () => void
}

const go = (screen: Screen, label: string): Command => ({
  id: `go-${screen}`,
  label: `Go to ${label}`,
  run: () => useUiStore.getState().navigate(screen),
})

/** Built when the palette opens, so labels carry the current cost of each action. */
export function buildCommands(): Command[] {
  const search = useSearchStore.getState()
  const offline = useSettingsStore.getState().settings?.offline ?? false
  const labels = computeSearchLabels(search, offline)
  const commands: Command[] = [
    go('search', 'Search'),
    go('lists', 'Lists'),
    go('usage', 'Usage'),
    go('settings', 'Settings'),
    {
      id: 'run-search',
      label: `Run search: ${labels.search}`,
      run: () => {
        useUiStore.getState().navigate('search')
        void search.search()
      },
    },
    { id: 'filter', label: 'Filter loaded results', run: focusQuickFilter },
    {
      id: 'cache-only',
      label: search.cacheOnly ? 'Turn off “Search cache only”' : 'Turn on “Search cache only”',
      run: () => useSearchStore.getState().setCacheOnly(!search.cacheOnly),
    },
    { id: 'add-to-list', label: 'Add checked or current creators to a list', run: addToList },
    { id: 'report', label: 'Get the detailed report for the current creator', run: requestReport },
    { id: 'email', label: 'Find the email of the current creator', run: findEmail },
    {
      id: 'quota',
      label: 'Refresh the usage meter',
      run: () => void useQuotaStore.getState().refresh(),
    },
    {
      id: 'help',
      label: 'Show keyboard shortcuts',
      run: () => useUiStore.getState().setHelpOpen(true),
    },
  ]
  if (hasMorePages(search)) {
    commands.splice(5, 0, {
      id: 'next-page',
      label: labels.next,
      run: () => void search.nextPage(),
    })
  }
  return commands
}

/** Every typed word must appear in the label, in any order. */
export function matchCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)))
}
