import { useEffect, useState } from 'react'

/**
 * Shown while a click waits on Clay (at most its poll timeout): the seconds so far, so a slow
 * lookup reads as progress rather than a frozen button.
 */
export function LookupProgress() {
  const [seconds, setSeconds] = useState(0)
  useEffect(() => {
    const started = Date.now()
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [])
  return (
    <p className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>
        Still looking… {seconds > 0 ? `${seconds} s` : ''}
        <span className="muted">
          {' '}
          Clay can take a minute; nothing more is charged while it works.
        </span>
      </span>
    </p>
  )
}
