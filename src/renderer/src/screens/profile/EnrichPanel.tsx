import type { CreatorDetail } from '../../../../shared/domain'
import { formatDate } from '../../lib/format'
import { emailBlockedUntil, useProfileStore } from '../../stores/profile-store'
import { LookupProgress } from './LookupProgress'

const SOURCE_NAMES = { modash: 'the Modash report', clay: 'Clay' }

function EmailStatus({ detail }: { detail: CreatorDetail }) {
  const e = detail.email
  if (e.status === 'found' && e.email) {
    const from = e.source ? ` from ${SOURCE_NAMES[e.source]}` : ''
    return (
      <p>
        <strong className="selectable">{e.email}</strong>
        <span className="muted">
          {from}
          {e.checkedAt ? `, ${formatDate(e.checkedAt)}` : ''}
        </span>
      </p>
    )
  }
  if (e.status === 'not_found') {
    return (
      <p>
        Not found on {formatDate(e.checkedAt)}
        {e.retryAfter ? `, retry after ${formatDate(e.retryAfter)}` : ''}.
      </p>
    )
  }
  if (e.pendingLookup)
    return (
      <p>
        Clay is still looking for this email (started {formatDate(e.pendingLookup.startedAt)}).
        Checking again is free.
      </p>
    )
  return <p className="muted">No email known yet.</p>
}

/**
 * Email lookups are only offered once a report exists: the report often has the email already,
 * and Clay needs its details, so asking earlier would spend for nothing.
 */
export function EnrichPanel({ detail }: { detail: CreatorDetail }) {
  const busy = useProfileStore((s) => s.busy)
  const findEmail = useProfileStore((s) => s.findEmail)
  const abandonLookup = useProfileStore((s) => s.abandonLookup)
  const pending = detail.email.pendingLookup ?? null
  const hasReport = detail.reportFetchedAt !== null
  const found = detail.email.status === 'found'
  const blocked = emailBlockedUntil(detail)
  const disabled = !hasReport || found || blocked !== null || busy === 'email'
  const why = !hasReport
    ? 'Get the detailed report first.'
    : blocked
      ? `Retry after ${formatDate(blocked)}.`
      : null
  return (
    <section className="panel" aria-labelledby="email-heading">
      <h3 id="email-heading">Email</h3>
      <EmailStatus detail={detail} />
      {!found && (
        <>
          <button
            type="button"
            disabled={disabled}
            onClick={() => void findEmail()}
            aria-keyshortcuts="e"
            aria-describedby={why ? 'email-why' : undefined}
          >
            {busy === 'email' ? 'Looking up…' : pending ? 'Check again (free)' : 'Find email'}
          </button>
          {pending && busy !== 'email' && (
            <button type="button" onClick={() => void abandonLookup()}>
              Abandon lookup
            </button>
          )}
          {busy === 'email' && <LookupProgress />}
          {why && (
            <p id="email-why" className="hint">
              {why}
            </p>
          )}
        </>
      )}
    </section>
  )
}
