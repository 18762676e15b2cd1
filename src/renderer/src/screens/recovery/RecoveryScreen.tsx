import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { formatDateTime } from '../../lib/format'
import { useStorageStore } from '../../stores/storage-store'
import { useUiStore } from '../../stores/ui-store'
import { RecoveryOutcome } from './RecoveryOutcome'

/**
 * Shown instead of the app while the database file is damaged: what happened, that nothing was
 * deleted, and the two ways back (recover what can be read, or restore the newest backup).
 */
export function RecoveryScreen() {
  const status = useStorageStore((s) => s.status)
  const working = useStorageStore((s) => s.working)
  const outcome = useStorageStore((s) => s.outcome)
  const error = useStorageStore((s) => s.error)
  const recover = useStorageStore((s) => s.recover)
  const restore = useStorageStore((s) => s.restore)
  const askConfirm = useUiStore((s) => s.askConfirm)

  if (outcome) return <RecoveryOutcome outcome={outcome} />
  if (working) {
    return (
      <section className="panel recovery" aria-labelledby="recovery-heading" aria-busy="true">
        <h2 id="recovery-heading">
          {working === 'recover' ? 'Recovering your data' : 'Restoring the backup'}
        </h2>
        <Spinner
          label={
            working === 'recover'
              ? 'Reading everything that can still be read… This can take a few minutes.'
              : 'Putting the backup in place…'
          }
        />
      </section>
    )
  }

  const backup = status?.backups[0] ?? null
  async function restoreNewest() {
    if (!backup) return
    const ok = await askConfirm({
      title: `Restore the backup from ${formatDateTime(backup.takenAt)}?`,
      lines: [
        'Lists, notes and cached creators go back to how they were then.',
        'Usage and the audit log recorded since are kept, so no spending is forgotten.',
        'The current file is kept beside it, not deleted.',
      ],
      confirmLabel: 'Restore',
    })
    if (ok) await restore(backup.name)
  }

  return (
    <section className="panel recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Creator Desk’s database is damaged</h2>
      <p>{status?.problem ?? 'The database file could not be read.'}</p>
      <p>
        Nothing has been deleted. The file is at <span className="selectable">{status?.file}</span>.
      </p>
      <h3>What you can do</h3>
      <div className="recovery-choice">
        <button type="button" className="primary" onClick={() => void recover()}>
          Recover what can be read
        </button>
        <p className="hint">
          Copies every list, usage record, audit entry and cached creator that can still be read
          into a new database. The damaged file is kept beside it, untouched.
        </p>
      </div>
      <div className="recovery-choice">
        {backup ? (
          <>
            <button type="button" onClick={() => void restoreNewest()}>
              Restore the backup from {formatDateTime(backup.takenAt)}
            </button>
            <p className="hint">
              Creator Desk keeps a copy of the database each day (the last seven). Usage recorded
              since the backup is kept.
            </p>
          </>
        ) : (
          <p className="hint">There is no backup yet: Creator Desk takes one each day.</p>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </section>
  )
}
