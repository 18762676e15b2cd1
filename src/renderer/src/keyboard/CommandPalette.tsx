import type { KeyboardEvent } from 'react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { Modal } from '../components/Modal'
import { useListsStore } from '../stores/lists-store'
import { useUiStore } from '../stores/ui-store'
import { buildCommands, matchCommands } from './commands'

function Palette() {
  const close = useUiStore((s) => s.setPaletteOpen)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const listId = useId()
  // Lists are offered by name: load them if no screen has yet.
  const listsLoaded = useListsStore((s) => s.loaded)
  const lists = useListsStore((s) => s.lists)
  const loadLists = useListsStore((s) => s.load)
  useEffect(() => {
    if (!listsLoaded) void loadLists()
  }, [listsLoaded, loadLists])
  // Rebuilt when the lists arrive; otherwise built once, as the palette opens.
  const all = useMemo(() => (lists ? buildCommands() : []), [lists])
  const shown = matchCommands(all, query)
  const optionId = (i: number) => `${listId}-${i}`

  function run(index: number) {
    const command = shown[index]
    if (!command) return
    close(false)
    command.run()
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const delta = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (shown.length === 0 ? 0 : (a + delta + shown.length) % shown.length))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      run(active)
    }
  }

  return (
    <Modal
      title="Command palette"
      onClose={() => close(false)}
      initialFocus={inputRef}
      className="palette"
      testId="command-palette"
    >
      <input
        ref={inputRef}
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown[active] ? optionId(active) : undefined}
        value={query}
        placeholder="Type a command…"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="palette-list">
        {shown.length === 0 && <li className="muted">No command matches.</li>}
        {shown.map((c, i) => (
          <li
            key={c.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(i)}
          >
            {c.label}
          </li>
        ))}
      </ul>
    </Modal>
  )
}

export function CommandPalette() {
  const open = useUiStore((s) => s.paletteOpen)
  return open ? <Palette /> : null
}
