import { useCallback, useEffect, useRef, useState } from 'react'
import { dropDraft, keepDraft, readDraft, settleDraft } from '../../lib/note-drafts'
import { useListsStore } from '../../stores/lists-store'

/** How long typing may pause before the note is saved. */
export const NOTE_SAVE_DELAY_MS = 700

export type NoteSaveState = 'saved' | 'editing' | 'saving' | 'failed' | 'restored'

/**
 * A member's note saved as it is typed: a pause in typing saves it, leaving the field, the list
 * or the screen saves it at once, and until main confirms, the text is also kept in local storage
 * so a reload cannot lose it. A failed save is said beside the field and retried on the next
 * edit or blur; it is never dropped silently.
 */
export function useNoteAutosave(listId: number, creatorId: number, saved: string) {
  const update = useListsStore((s) => s.updateMember)
  const [text, setText] = useState(() => readDraft(listId, creatorId) ?? saved)
  const [state, setState] = useState<NoteSaveState>(() => {
    const draft = readDraft(listId, creatorId)
    return draft !== null && draft !== saved ? 'restored' : 'saved'
  })
  const latest = useRef(text)
  const lastSaved = useRef(saved)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef<Promise<void> | null>(null)

  const save = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      clearTimeout(timer.current)
      timer.current = null
    }
    const value = latest.current
    if (value === lastSaved.current) {
      settleDraft(listId, creatorId, value)
      // Typed and then put back as it was: nothing to save, nothing pending.
      if (inFlight.current === null) setState('saved')
      return Promise.resolve()
    }
    setState('saving')
    const run = (inFlight.current ?? Promise.resolve()).then(async () => {
      const ok = await update({ listId, creatorId, notes: value })
      if (ok) {
        lastSaved.current = value
        settleDraft(listId, creatorId, value)
      }
      // Typing went on while this was saving: that newer text is saved by its own timer.
      if (latest.current === value) setState(ok ? 'saved' : 'failed')
    })
    inFlight.current = run
    void run.then(() => {
      if (inFlight.current === run) inFlight.current = null
    })
    return run
  }, [listId, creatorId, update])

  const onChange = useCallback(
    (value: string) => {
      latest.current = value
      setText(value)
      setState('editing')
      keepDraft(listId, creatorId, value)
      if (timer.current !== null) clearTimeout(timer.current)
      timer.current = setTimeout(() => void save(), NOTE_SAVE_DELAY_MS)
    },
    [listId, creatorId, save],
  )

  // A draft left from a reload or a crash is saved as soon as the list shows it again.
  useEffect(() => {
    if (latest.current !== lastSaved.current) void save()
  }, [save])

  // Leaving (another list, another screen, closing the app) saves what is pending.
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(() => {
    const flush = () => {
      if (latest.current !== lastSaved.current) void saveRef.current()
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [])

  const discardDraft = useCallback(() => dropDraft(listId, creatorId), [listId, creatorId])

  return { text, state, onChange, flush: save, discardDraft }
}
