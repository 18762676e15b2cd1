/**
 * One spelling per handle, so "@Jane.Doe", "jane.doe" and "https://www.instagram.com/jane.doe/"
 * match the same cached creator. Returns null when nothing handle-like is left.
 */
export function normaliseHandle(input: string): string | null {
  let value = input.trim()
  const url =
    /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:instagram\.com|tiktok\.com|youtube\.com|youtu\.be)\/(.*)$/i.exec(
      value,
    )
  if (url) {
    value = (url[1] ?? '').split(/[?#]/)[0] ?? ''
    value =
      value
        .split('/')
        .filter(
          (part) => part !== '' && part !== 'c' && part !== 'user' && part !== 'channel',
        )[0] ?? ''
  }
  value = value.replace(/^@+/, '').replace(/\/+$/, '').toLowerCase()
  return /^[\p{L}\p{N}._-]{1,100}$/u.test(value) ? value : null
}
