import { useEffect, useId, useState } from 'react'
import type { ErrorInfo } from '../../../../shared/errors'
import { INVITE_MAX_LENGTH } from '../../../../shared/team-contract'
import type { TeamModeStatus } from '../../../../shared/team-contract'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { teamStatusLines } from '../../lib/team-status-words'
import { useQuotaStore } from '../../stores/quota-store'
import { selectSandbox, useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'

/**
 * Settings → Team: join with the invitation line from `npm run team:add-user`, see how the link
 * is doing, leave. The invitation holds the team password: it lives in this field only until it
 * is sent (main keeps the password in the OS keychain and never sends it back), and is cleared
 * once the team is joined.
 */
export function TeamSection() {
  const sandbox = useSettingsStore(selectSandbox)
  const noKeychain = useSettingsStore((s) => s.appInfo?.keychain === 'unavailable')
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const [status, setStatus] = useState<TeamModeStatus | null>(null)
  const [invite, setInvite] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [joined, setJoined] = useState<string | null>(null)
  const inviteId = useId()
  const hintId = useId()

  useEffect(() => {
    let live = true
    void call('team:status', {}).then((res) => {
      if (!live) return
      if (res.ok) setStatus(res.data)
      else setError(res.error)
    })
    return () => {
      live = false
    }
  }, [])

  async function join() {
    setBusy(true)
    setError(null)
    setJoined(null)
    const res = await call('team:join', { invite })
    setBusy(false)
    if (!res.ok) {
      // Kept in the field: a wrong line can be fixed or replaced without pasting it again.
      setError(res.error)
      return
    }
    setInvite('')
    setStatus(res.data)
    const words =
      `Connection tested: signed in as ${res.data.user ?? 'you'}` +
      `${res.data.server ? ` on ${res.data.server}` : ''}. Paid calls now count on the team's quota.`
    setJoined(words)
    announce('Joined the team.')
    void refreshQuota()
  }

  async function leave() {
    const ok = await askConfirm({
      title: 'Leave the team?',
      lines: [
        "This laptop goes back to its own quota; the team's purchases already here stay in its cache.",
        'The team password is removed from the keychain: joining again needs a new invitation.',
      ],
      confirmLabel: 'Leave team',
    })
    if (!ok) return
    setBusy(true)
    setError(null)
    setJoined(null)
    const res = await call('team:leave', {})
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    setStatus(res.data)
    announce('Left the team: working solo.')
    void refreshQuota()
  }

  const inTeam = status?.mode === 'team'
  return (
    <section className="panel" aria-labelledby="team-heading" data-testid="team-section">
      <h2 id="team-heading">Team</h2>
      {status && (
        <div className="team-status" data-testid="team-status">
          {teamStatusLines(status).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {joined && (
        <p className="callout callout-info" role="status">
          {joined}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {status && !inTeam && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            if (invite.trim() !== '') void join()
          }}
        >
          {sandbox && (
            <p className="callout callout-warn">
              Sample data is never shared with a team: switch to your own data to join one.
            </p>
          )}
          {noKeychain && (
            <p className="callout callout-warn">
              No system keychain is available, so the team password cannot be kept: joining works
              only when TEAM_DATABASE_PASSWORD is set for this run.
            </p>
          )}
          <label htmlFor={inviteId}>Team invitation</label>
          <textarea
            id={inviteId}
            value={invite}
            rows={3}
            maxLength={INVITE_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
            placeholder="cdteam1.…"
            aria-describedby={hintId}
            disabled={busy || sandbox}
            onChange={(e) => setInvite(e.target.value)}
          />
          <p id={hintId} className="hint">
            Paste the whole line your admin printed with npm run team:add-user. The connection is
            tested before anything is kept; the password goes to the system keychain only.
          </p>
          <button type="submit" disabled={busy || sandbox || invite.trim() === ''}>
            {busy ? 'Testing the connection…' : 'Join team'}
          </button>
        </form>
      )}
      {inTeam && status.from !== 'environment' && (
        <button type="button" className="danger" disabled={busy} onClick={() => void leave()}>
          Leave team…
        </button>
      )}
    </section>
  )
}
