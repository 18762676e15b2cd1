import { lookup as dnsLookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { isPublicAddress } from './address-policy'

/**
 * A picture host the composition root vouches for, e.g. a local emulator of a provider. Only an
 * entry here may be reached over plain http or at an address that is not on the public internet.
 */
export interface AllowedPictureHost {
  /** The host name exactly as it appears in picture URLs (lower case). */
  hostname: string
  /** Connect here instead of asking DNS; the only way to reach a non-public address. */
  address?: string
  /** Plain http is accepted for this host (a local emulator has no certificate). */
  http?: boolean
}

/** Every address a name resolves to, like `dns.lookup(name, { all: true })`. */
export type HostLookup = (hostname: string) => Promise<readonly { address: string }[]>

export interface PicturePolicy {
  allowedHosts: readonly AllowedPictureHost[]
  lookup: HostLookup
}

/** A URL judged safe, and the one address the connection must go to. */
export interface PictureTarget {
  url: URL
  address: string
}

export const systemLookup: HostLookup = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true })

/**
 * Decides whether a picture URL may be fetched, and from which address, before any connection.
 * The WHATWG URL parser has already turned numeric spellings (2130706433, 0x7f000001, 0177.0.0.1,
 * 127.1) into a dotted IPv4 address, so the address checked is the one that would be dialled.
 * A name is resolved here and every address it has must be public: the caller then connects to
 * the address returned, so a second, rebinding DNS answer is never consulted.
 */
export async function vetPictureUrl(
  raw: string,
  policy: PicturePolicy,
): Promise<PictureTarget | null> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return null
  }
  // Credentials in a picture URL have no business being sent anywhere.
  if (url.username !== '' || url.password !== '') return null
  const host = url.hostname.toLowerCase()
  const allowed = policy.allowedHosts.find((h) => h.hostname.toLowerCase() === host)
  const schemeOk = url.protocol === 'https:' || (url.protocol === 'http:' && allowed?.http === true)
  if (!schemeOk) return null
  if (allowed?.address !== undefined) return { url, address: allowed.address }

  const literal = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host
  if (isIP(literal) !== 0) return isPublicAddress(literal) ? { url, address: literal } : null
  // RFC 2606 reserves .invalid for names that must never resolve; do not even ask DNS.
  if (/\.invalid\.?$/.test(host)) return null
  let addresses: readonly { address: string }[]
  try {
    addresses = await policy.lookup(host)
  } catch {
    return null
  }
  const first = addresses[0]
  if (first === undefined || !addresses.every((a) => isPublicAddress(a.address))) return null
  return { url, address: first.address }
}
