import { useEffect, useState } from 'react'
import { safeText } from '../../../shared/safe-text'
import { call } from '../api/call'

// One request per creator per session, shared by every row and the profile that shows it.
const cache = new Map<number, Promise<string | null>>()
/** The answers already in, so a row scrolled back into view shows its picture at once. */
const loaded = new Map<number, string | null>()

function loadPicture(creatorId: number): Promise<string | null> {
  let pending = cache.get(creatorId)
  if (!pending) {
    pending = call('creators:picture', { creatorId }).then((res) => {
      const url = res.ok ? res.data.dataUrl : null
      // CSP allows data: images only; anything else would be a remote fetch and is dropped.
      const safe = url !== null && url.startsWith('data:image/') ? url : null
      loaded.set(creatorId, safe)
      return safe
    })
    cache.set(creatorId, pending)
  }
  return pending
}

export function clearPictureCache(): void {
  cache.clear()
  loaded.clear()
}

export function CreatorPicture({
  creatorId,
  name,
  size = 32,
  delayMs = 0,
}: {
  creatorId: number
  name: string
  size?: number
  /**
   * Ask for the picture only once shown this long: a results row that flies past in a scroll
   * then costs no request (and no re-render when the answer comes).
   */
  delayMs?: number
}) {
  const [url, setUrl] = useState<string | null>(() => loaded.get(creatorId) ?? null)
  useEffect(() => {
    let live = true
    if (loaded.has(creatorId)) {
      setUrl(loaded.get(creatorId) ?? null)
      return
    }
    setUrl(null)
    const load = () => void loadPicture(creatorId).then((u) => live && setUrl(u))
    const timer = delayMs > 0 ? setTimeout(load, delayMs) : undefined
    if (timer === undefined) load()
    return () => {
      live = false
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [creatorId, delayMs])
  // A leading direction control would otherwise become the (invisible) initial.
  const initial = safeText(name).replace(/^@/, '').charAt(0).toUpperCase() || '?'
  return url ? (
    <img className="avatar" src={url} alt="" width={size} height={size} />
  ) : (
    <span
      className="avatar avatar-fallback"
      style={{ width: size, height: size }}
      aria-hidden="true"
    >
      {initial}
    </span>
  )
}
