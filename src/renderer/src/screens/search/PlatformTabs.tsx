import type { KeyboardEvent } from 'react'
import type { Platform } from '../../../../shared/platforms'
import { PLATFORMS } from '../../../../shared/platforms'
import { switchPlatform } from '../../stores/platform-stash'
import { useSearchStore } from '../../stores/search-store'

export const PLATFORM_NAMES: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
}

export const tabId = (p: Platform) => `platform-tab-${p}`
export const PANEL_ID = 'search-panel'

/** WAI-ARIA tabs: one tab stop, arrows move between platforms. */
export function PlatformTabs() {
  const platform = useSearchStore((s) => s.platform)
  const setPlatform = switchPlatform

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (delta === 0) return
    e.preventDefault()
    const i = PLATFORMS.indexOf(platform)
    const next = PLATFORMS[(i + delta + PLATFORMS.length) % PLATFORMS.length] ?? platform
    setPlatform(next)
    document.getElementById(tabId(next))?.focus()
  }

  return (
    <div role="tablist" aria-label="Platform" className="tabs" onKeyDown={onKeyDown}>
      {PLATFORMS.map((p) => (
        <button
          key={p}
          id={tabId(p)}
          type="button"
          role="tab"
          aria-selected={p === platform}
          aria-controls={PANEL_ID}
          tabIndex={p === platform ? 0 : -1}
          className="tab"
          onClick={() => setPlatform(p)}
        >
          {PLATFORM_NAMES[p]}
        </button>
      ))}
    </div>
  )
}
