/**
 * Notes typed but not yet confirmed saved by main, kept in the renderer's local storage on every
 * keystroke: a reload, a crash or a closed window between typing and saving loses nothing, and
 * the next time the list opens the draft is put back and saved.
 */
const PREFIX = 'creator-desk:note-draft:'

const key = (listId: number, creatorId: number) => `${PREFIX}${listId}:${creatorId}`

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

export function keepDraft(listId: number, creatorId: number, text: string): void {
  try {
    storage()?.setItem(key(listId, creatorId), text)
  } catch {
    // A full or refused storage: the debounced save still runs; nothing else to do here.
  }
}

export function readDraft(listId: number, creatorId: number): string | null {
  try {
    return storage()?.getItem(key(listId, creatorId)) ?? null
  } catch {
    return null
  }
}

/** Drops the draft once main holds exactly this text (a newer draft is kept). */
export function settleDraft(listId: number, creatorId: number, saved: string): void {
  try {
    const s = storage()
    if (s?.getItem(key(listId, creatorId)) === saved) s.removeItem(key(listId, creatorId))
  } catch {
    // Nothing to settle.
  }
}

export function dropDraft(listId: number, creatorId: number): void {
  try {
    storage()?.removeItem(key(listId, creatorId))
  } catch {
    // Nothing to drop.
  }
}
