import { useRef } from 'react'
import { useUiStore } from '../stores/ui-store'
import { Modal } from './Modal'

/** Renders the one pending paid-action confirmation. Cancel has focus: Enter must not spend. */
export function ConfirmHost() {
  const confirm = useUiStore((s) => s.confirm)
  const settle = useUiStore((s) => s.settleConfirm)
  const cancelRef = useRef<HTMLButtonElement>(null)
  if (!confirm) return null
  return (
    <Modal
      title={confirm.title}
      onClose={() => settle(false)}
      initialFocus={cancelRef}
      testId="confirm-dialog"
    >
      <ul className="confirm-lines">
        {confirm.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="modal-actions">
        <button ref={cancelRef} type="button" onClick={() => settle(false)}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => settle(true)}>
          {confirm.confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
