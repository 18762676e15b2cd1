import type { KeyboardEvent } from 'react'
import { useEffect, useId, useState } from 'react'
import { call } from '../../api/call'
import { describeError } from '../../errors/error-words'
import type { DictEntry } from '../../lib/audience-draft'
import { useSearchStore } from '../../stores/search-store'

type Kind = 'locations' | 'languages' | 'interests' | 'brands'

interface Props {
  kind: Kind
  label: string
  multiple: boolean
  value: DictEntry[]
  onChange: (entries: DictEntry[]) => void
}

const DEBOUNCE_MS = 200

/**
 * A combobox over Modash's dictionaries (free, cached by main). Typing only looks names up; it
 * never runs a paid search, so Enter here picks an option and nothing else.
 */
export function DictionaryPicker({ kind, label, multiple, value, onChange }: Props) {
  const platform = useSearchStore((s) => s.platform)
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [options, setOptions] = useState<DictEntry[]>([])
  const [active, setActive] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()

  useEffect(() => {
    if (!open) return
    let live = true
    const timer = setTimeout(() => {
      void call('dictionaries:search', { platform, kind, query: query.trim() }).then((res) => {
        if (!live) return
        if (res.ok) {
          setOptions(res.data.entries.slice(0, 20))
          setError(null)
        } else setError(describeError(res.error).title)
        setActive(0)
      })
    }, DEBOUNCE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query, open, platform, kind])

  const chosen = new Set(value.map((v) => v.id))
  const shown = options.filter((o) => !chosen.has(o.id))

  function pick(entry: DictEntry) {
    onChange(multiple ? [...value, entry] : [entry])
    setQuery('')
    if (!multiple) setOpen(false)
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
      const delta = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => Math.max(0, Math.min(shown.length - 1, a + delta)))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const entry = shown[active]
      if (open && entry) pick(entry)
    } else if (e.key === 'Escape' && open) {
      e.stopPropagation()
      setOpen(false)
    }
  }

  const optionId = (i: number) => `${listId}-opt-${i}`
  return (
    <div className="picker">
      <label>
        {label}
        <input
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
          value={query}
          placeholder="Type to look up"
          onChange={(e) => {
            setQuery(e.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </label>
      {open && (
        <ul id={listId} role="listbox" aria-label={`${label} options`} className="picker-options">
          {error && <li className="hint hint-error">{error}</li>}
          {shown.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault()
                pick(o)
              }}
            >
              {o.name}
            </li>
          ))}
        </ul>
      )}
      {value.length > 0 && (
        <ul className="chips" aria-label={`Chosen ${label.toLowerCase()}`}>
          {value.map((v) => (
            <li key={v.id} className="chip">
              {v.name}
              <button
                type="button"
                aria-label={`Remove ${v.name}`}
                onClick={() => onChange(value.filter((x) => x.id !== v.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
