import { useState } from 'react'
import type { Settings } from '../../../../shared/domain'
import { useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'

export const USER_NAME_MAX = 120

/**
 * The name the audit log records beside every purchase, so a shared account can tell who bought
 * what. Keyed by the saved name, so the field starts from what main holds.
 */
export function ProfileSection({ settings }: { settings: Settings }) {
  const save = useSettingsStore((s) => s.save)
  const saving = useSettingsStore((s) => s.saving)
  const announce = useUiStore((s) => s.announce)
  const [name, setName] = useState(settings.userId)
  const [problem, setProblem] = useState<string | null>(null)

  async function submit() {
    const trimmed = name.trim()
    if (trimmed === '') {
      setProblem('Your name cannot be empty: the audit log needs to say who bought what.')
      document.getElementById('user-name')?.focus()
      return
    }
    setProblem(null)
    if (await save({ userId: trimmed })) announce(`Purchases are now recorded as “${trimmed}”.`)
  }

  return (
    <section className="panel" aria-labelledby="profile-heading-settings">
      <h2 id="profile-heading-settings">You</h2>
      <form
        className="row profile-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label>
          Your name (recorded in the audit log with every purchase)
          <input
            id="user-name"
            value={name}
            maxLength={USER_NAME_MAX}
            autoComplete="name"
            aria-invalid={problem ? true : undefined}
            aria-errormessage={problem ? 'user-name-error' : undefined}
            onChange={(e) => {
              setName(e.target.value)
              setProblem(null)
            }}
          />
          {problem && (
            <span id="user-name-error" className="hint hint-error field-error">
              {problem}
            </span>
          )}
        </label>
        <button type="submit" disabled={saving || name.trim() === settings.userId}>
          Save name
        </button>
      </form>
    </section>
  )
}
