import { plural } from '../lib/format'
import { computeSearchLabels } from '../screens/search/use-search-labels'
import { useQuotaStore } from '../stores/quota-store'
import { hasMorePages, useSearchStore } from '../stores/search-store'
import { useSettingsStore } from '../stores/settings-store'
import type { Screen } from '../stores/ui-store'
import { useUiStore } from '../stores/ui-store'
import { safeText } from '../../../shared/safe-text'
import { SCREENS } from '../components/Nav'
import { useListsStore } from '../stores/lists-store'
import { useSelectionStore } from '../stores/selection-store'
import {
  addToList,
  exportCsv,
  findEmail,
  focusQuickFilter,
  openList,
  requestReport,
  toggleOffline,
} from './actions'

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
  const lists = useListsStore.getState()
  const checked = [...useSelectionStore.getState().selected]
  const commands: Command[] = [
    ...SCREENS.map((s) => go(s.id, s.label)),
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
      id: 'offline',
      label: offline
        ? 'Turn offline mode off (buy again when asked)'
        : 'Turn offline mode on (cached data only)',
      run: () => void toggleOffline(),
    },
    ...(checked.length > 0
      ? [
          {
            id: 'export-checked',
            label: `Export the ${plural(checked.length, 'checked creator')} as CSV`,
            run: () => void exportCsv({ creatorIds: checked }),
          },
        ]
      : []),
    ...lists.lists.flatMap((l): Command[] => {
      const name = safeText(l.name)
      return [
        { id: `open-list-${l.id}`, label: `Open list “${name}”`, run: () => openList(l.id) },
        {
          id: `export-list-${l.id}`,
          label: `Export list “${name}” as CSV`,
          run: () => void exportCsv({ listId: l.id }),
        },
      ]
    }),
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
  commands.push(go('bulk', 'Bulk work'), go('history', 'Search history'))
  if (hasMorePages(search)) {
    commands.splice(SCREENS.length + 1, 0, {
      id: 'next-page',
      label: labels.next,
      run: () => void search.nextPage(),
    })
  }
  // A screen added to the menu is offered once, whichever place named it first.
  const seen = new Set<string>()
  return commands.filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)))
}

/** Every typed word must appear in the label, in any order. */
export function matchCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)))
}
