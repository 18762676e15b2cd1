import { useEffect } from 'react'
import { useUiStore } from '../stores/ui-store'
import {
  addToList,
  findEmail,
  focusQuickFilter,
  moveCursor,
  openCursor,
  requestReport,
  toggleCursorCheck,
} from './actions'

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'password', 'email', 'url', 'tel', ''])

/** Single-letter shortcuts must never eat what the user is typing. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)
}

/** Enter belongs to the focused control (a button, a link) unless focus is on the page or grid. */
function enterIsFree(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target === document.body) return true
  const role = target.getAttribute('role')
  return role === 'grid' || role === 'row'
}

const KEYS: Record<string, () => void> = {
  '/': focusQuickFilter,
  j: () => moveCursor(1),
  k: () => moveCursor(-1),
  x: toggleCursorCheck,
  s: addToList,
  r: requestReport,
  e: findEmail,
  '?': () => useUiStore.getState().setHelpOpen(true),
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      const ui = useUiStore.getState()
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        ui.setPaletteOpen(!ui.paletteOpen)
        return
      }
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return
      // An open dialog owns the keyboard (it traps focus and handles Escape itself).
      if (document.querySelector('[aria-modal="true"]')) return
      if (e.key === 'Escape' && ui.profileId !== null) return ui.closeProfile()
      if (e.key === 'Enter') {
        if (!enterIsFree(e.target) || ui.screen !== 'search') return
        e.preventDefault()
        return openCursor()
      }
      const action = KEYS[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
