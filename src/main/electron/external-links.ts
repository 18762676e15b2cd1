/**
 * The one door from the app to the system browser. Only plain web links pass: `file:`,
 * `javascript:`, custom protocol handlers and the like could run or open something local.
 */
export function safeExternalUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href
}

export type OpenExternal = (url: string) => Promise<void>

/** Opens a web link in the system browser; anything else is dropped. True when opened. */
export function openExternalLink(
  url: string,
  openExternal: OpenExternal,
  onError: (err: unknown) => void = () => {},
): boolean {
  const safe = safeExternalUrl(url)
  if (safe === null) return false
  openExternal(safe).catch(onError)
  return true
}
