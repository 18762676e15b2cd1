import type { Screen } from '../stores/ui-store'
import { useUiStore } from '../stores/ui-store'

export const SCREENS: { id: Screen; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'lists', label: 'Lists' },
  { id: 'bulk', label: 'Bulk' },
  { id: 'history', label: 'History' },
  { id: 'usage', label: 'Usage' },
  { id: 'settings', label: 'Settings' },
]

export function Nav() {
  const screen = useUiStore((s) => s.screen)
  const navigate = useUiStore((s) => s.navigate)
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {SCREENS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => navigate(s.id)}
            >
              {s.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
