import { useEffect } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { StaleBanner } from '../../components/StaleBanner'
import { useProfileStore } from '../../stores/profile-store'
import { useUiStore } from '../../stores/ui-store'
import { EnrichPanel } from './EnrichPanel'
import { ProfileHeader } from './ProfileHeader'
import { ReportButton } from './ReportButton'
import { ReportView } from './ReportView'

/** Opening a profile reads the local cache only (`creators:get`); nothing is bought here. */
export function ProfileDrawer() {
  const profileId = useUiStore((s) => s.profileId)
  const intent = useUiStore((s) => s.profileIntent)
  const clearIntent = useUiStore((s) => s.clearIntent)
  const close = useUiStore((s) => s.closeProfile)
  const openAddToList = useUiStore((s) => s.openAddToList)
  const detail = useProfileStore((s) => s.detail)
  const loading = useProfileStore((s) => s.loading)
  const error = useProfileStore((s) => s.error)
  const load = useProfileStore((s) => s.load)
  const requestReport = useProfileStore((s) => s.requestReport)
  const findEmail = useProfileStore((s) => s.findEmail)

  useEffect(() => {
    if (profileId !== null) void load(profileId)
  }, [profileId, load])

  const ready = detail !== null && detail.creator.id === profileId
  useEffect(() => {
    if (ready) document.getElementById('profile-heading')?.focus()
  }, [ready])

  // A shortcut (r / e) that opened the profile runs once the profile is known.
  useEffect(() => {
    if (!ready || intent === null) return
    clearIntent()
    void (intent === 'report' ? requestReport() : findEmail())
  }, [ready, intent, clearIntent, requestReport, findEmail])

  if (profileId === null) return null
  return (
    <aside
      className="drawer"
      aria-label="Creator profile"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close()
      }}
    >
      <button type="button" className="ghost drawer-close" onClick={close}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Close profile</span>
      </button>
      {loading && <Spinner label="Loading profile…" />}
      {error && <ErrorMessage error={error} />}
      {ready && (
        <>
          <ProfileHeader detail={detail} />
          {detail.stale && (
            <StaleBanner
              fetchedAt={detail.reportFetchedAt ?? detail.creator.basicFetchedAt}
              reason={detail.staleReason}
            />
          )}
          <div className="row actions">
            <ReportButton detail={detail} />
            <button
              type="button"
              onClick={() => openAddToList([detail.creator.id])}
              aria-keyshortcuts="s"
            >
              Add to list
            </button>
          </div>
          <EnrichPanel detail={detail} />
          {detail.report !== null && detail.reportFetchedAt !== null && (
            <ReportView detail={detail} />
          )}
        </>
      )}
    </aside>
  )
}
