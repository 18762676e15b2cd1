import { useEffect, useState } from 'react'
import { safeText } from '../../../shared/safe-text'
import { call } from '../api/call'

// One request per creator per session, shared by every row and the profile that shows it.
const cache = new Map<number, Promise<string | null>>()

function loadPicture(creatorId: number): Promise<string | null> {
  let pending = cache.get(creatorId)
  if (!pending) {
    pending = call('creators:picture', { creatorId }).then((res) => {
      const url = res.ok ? res.data.dataUrl : null
      // CSP allows data: images only; anything else would be a remote fetch and is dropped.
      return url !== null && url.startsWith('data:image/') ? url : null
    })
    cache.set(creatorId, pending)
  }
  return pending
}

export function clearPictureCache(): void {
  cache.clear()
}

export function CreatorPicture({
  creatorId,
  name,
  size = 32,
}: {
  creatorId: number
  name: string
  size?: number
}) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setUrl(null)
    void loadPicture(creatorId).then((u) => live && setUrl(u))
    return () => {
      live = false
    }
  }, [creatorId])
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
