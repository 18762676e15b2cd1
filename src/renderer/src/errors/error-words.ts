import type { Meter, QuotaStatus } from '../../../shared/domain'
import type { ErrorCode, ErrorInfo } from '../../../shared/errors'
import { formatDate, formatInt } from '../lib/format'
import { METER_LABELS, findMeter, meterUsed } from '../lib/quota-level'
import { asNumber, asString } from '../lib/unknown'
import { teamWords } from './team-words'

/** The one place error codes become words. Nothing here reads `message` to decide anything. */
export interface ErrorWords {
  title: string
  detail: string
}

const PROVIDER_NAMES: Record<string, string> = { modash: 'Modash', clay: 'Clay' }

function providerName(error: ErrorInfo): string {
  const p = asString(error.details?.provider)
  return (p && PROVIDER_NAMES[p]) ?? 'The data provider'
}

function isMeter(v: unknown): v is Meter {
  return v === 'discovery' || v === 'report' || v === 'enrichment'
}

function quotaWords(error: ErrorInfo, quota: QuotaStatus | null): ErrorWords {
  const d = error.details ?? {}
  // Refused by the Modash balance, not a local limit: main's message says what is left and why.
  if (d.reason === 'balance') return { title: 'Modash balance too low', detail: error.message }
  const meter = isMeter(d.meter) ? d.meter : null
  const usage = meter ? findMeter(quota, meter) : null
  const used = asNumber(d.used) ?? (usage ? meterUsed(usage) : null)
  const limit = asNumber(d.limit) ?? usage?.limit ?? null
  const resetsAt = asString(d.resetsAt) ?? quota?.resetsAt ?? null
  const what = meter ? METER_LABELS[meter].units : 'paid lookups'
  const numbers =
    used !== null && limit !== null
      ? ` ${formatInt(used)} of ${formatInt(limit)} ${what} used.`
      : ''
  const reset = resetsAt ? ` The limit resets on ${formatDate(resetsAt)}.` : ''
  return {
    title: `Monthly limit reached for ${what}`,
    detail: `Nothing was charged.${numbers}${reset} Cached data stays available; you can raise the limit in Settings.`,
  }
}

const WORDS: Record<Exclude<ErrorCode, 'QUOTA_EXCEEDED'>, (e: ErrorInfo) => ErrorWords> = {
  // Main's message names schema paths and patterns; the person sees what to do instead. Forms
  // check their own fields first, so this is the rare value that slipped past them.
  VALIDATION: (e) => ({ title: 'Some input was not accepted', detail: validationDetail(e) }),
  NOT_FOUND: () => ({
    title: 'Not found',
    detail: 'It no longer exists here, or the provider has no such account.',
  }),
  PRECONDITION: (e) => ({ title: 'Not possible yet', detail: e.message }),
  KEY_MISSING: (e) => ({
    title: `${providerName(e)} key needed`,
    detail: 'Add the API key in Settings, then try again. Nothing was charged.',
  }),
  PROVIDER_UNAVAILABLE: (e) => ({
    title: `${providerName(e)} cannot be reached`,
    detail: 'Nothing was charged. Cached data still works; try again in a few minutes.',
  }),
  PROVIDER_ERROR: (e) => {
    const code = asString(e.details?.providerCode)
    return {
      title: `${providerName(e)} refused the request`,
      detail: code
        ? `The provider answered "${code.replace(/_/g, ' ')}".`
        : 'The provider answered with an error.',
    }
  },
  FORBIDDEN: () => ({
    title: 'Not allowed right now',
    detail: 'This action is blocked in the current mode (for example offline or sandbox).',
  }),
  STORAGE: (e) => ({
    title: 'The local database could not be used',
    detail: e.message,
  }),
  INTERNAL: () => ({
    title: 'Something went wrong inside Creator Desk',
    detail: 'Try again. If it keeps happening, restart the app.',
  }),
}

export function describeError(error: ErrorInfo, quota: QuotaStatus | null = null): ErrorWords {
  if (error.code === 'QUOTA_EXCEEDED') return quotaWords(error, quota)
  const team = teamWords(error)
  if (team !== null) return team
  const words = WORDS[error.code]
  return words ? words(error) : WORDS.INTERNAL(error)
}

/** Field names main's paths use, as the screens label them. */
const FIELD_WORDS: Record<string, string> = {
  bio: 'Bio words',
  keywords: 'Caption keywords',
  textTags: 'Hashtags and mentions',
  relevance: 'Lookalikes',
  notes: 'Notes',
  tags: 'Tags',
  name: 'List name',
  userId: 'Your name',
  discovery: 'Discovery results per month',
  report: 'Reports per month',
  enrichment: 'Email lookups per month',
  billingCycleDay: 'Billing cycle day',
  reportMaxAgeDays: 'Report refresh age',
}

function validationDetail(error: ErrorInfo): string {
  const issues = Array.isArray(error.details?.issues) ? (error.details.issues as unknown[]) : []
  for (const issue of issues) {
    const path = (issue as { path?: unknown }).path
    if (!Array.isArray(path)) continue
    const named = [...(path as unknown[])]
      .reverse()
      .find((p): p is string => typeof p === 'string' && p in FIELD_WORDS)
    if (named)
      return `${FIELD_WORDS[named]}: the value is not allowed. Check its length and format, then try again.`
  }
  return 'A value is not in the form Creator Desk accepts. Check what you entered and try again.'
}
