/**
 * A creator's own web domain, from the contacts of their stored report: a website or link
 * contact, or the part after the @ of an email-like contact. Email finders work from a name and a
 * domain, so a routine given one finds more. Platforms, link hubs and free mail are not a
 * creator's domain and are skipped.
 */

const NOT_A_COMPANY = new Set([
  'instagram.com',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'facebook.com',
  'fb.com',
  'twitter.com',
  'x.com',
  'threads.net',
  'snapchat.com',
  'pinterest.com',
  'linkedin.com',
  'twitch.tv',
  'spotify.com',
  'linktr.ee',
  'beacons.ai',
  'linkin.bio',
  'bio.link',
  'campsite.bio',
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'mail.ru',
  'yandex.ru',
])

/** Contact types that hold a web address of the creator's own (Modash report `contacts`). */
const LINK_TYPES = new Set(['website', 'link', 'url', 'site', 'web'])

const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export function companyDomain(report: unknown): string | null {
  const contacts = (report as { contacts?: unknown } | null)?.contacts
  if (!Array.isArray(contacts)) return null
  for (const contact of contacts as { type?: unknown; value?: unknown }[]) {
    if (typeof contact?.value !== 'string') continue
    const type = typeof contact.type === 'string' ? contact.type.toLowerCase() : ''
    const value = contact.value.trim()
    const domain = value.includes('@')
      ? emailDomain(value)
      : LINK_TYPES.has(type)
        ? urlDomain(value)
        : null
    if (domain !== null && !isPlatform(domain)) return domain
  }
  return null
}

function emailDomain(value: string): string | null {
  const at = value.lastIndexOf('@')
  return at > 0 ? cleanDomain(value.slice(at + 1)) : null
}

function urlDomain(value: string): string | null {
  try {
    return cleanDomain(new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`).hostname)
  } catch {
    return null
  }
}

function cleanDomain(host: string): string | null {
  const domain = host
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '')
  return DOMAIN.test(domain) ? domain : null
}

/** A platform's subdomain (m.youtube.com, vm.tiktok.com) is still the platform. */
function isPlatform(domain: string): boolean {
  for (const known of NOT_A_COMPANY)
    if (domain === known || domain.endsWith(`.${known}`)) return true
  return false
}
