/**
 * Any answer saying the database file is damaged, from whichever screen asked, is passed on here
 * so the app can switch to the recovery screen (`stores/storage-store.ts`). A separate module so
 * `call` needs no store and no store import cycle arises.
 */
type Listener = () => void
const listeners = new Set<Listener>()

export function onDatabaseDamaged(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function signalDatabaseDamaged(): void {
  for (const listener of listeners) listener()
}
