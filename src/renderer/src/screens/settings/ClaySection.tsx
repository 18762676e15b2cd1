import { useState } from 'react'
import type { ClayAppInput, Settings } from '../../../../shared/domain'
import { CLAY_APP_INPUTS } from '../../../../shared/domain'
import type { ClayMappingDraft } from '../../lib/clay-mapping-draft'
import { APP_INPUT_FIELDS, clayDraftPatch, toClayDraft } from '../../lib/clay-mapping-draft'
import { useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'
import { ClayTestRun } from './ClayTestRun'

/**
 * Settings → Clay: which of the routine's columns gets each detail of a creator, and which result
 * column holds the email. A routine's columns are named by whoever built it, so the app asks
 * rather than guesses; a test run lists what the routine really returns. Keyed by the saved
 * mapping, so the form starts from what main holds.
 */
export function ClaySection({ settings }: { settings: Settings }) {
  const save = useSettingsStore((s) => s.save)
  const saving = useSettingsStore((s) => s.saving)
  const announce = useUiStore((s) => s.announce)
  const [draft, setDraft] = useState<ClayMappingDraft>(() => toClayDraft(settings.clayMapping))
  const [problem, setProblem] = useState<string | null>(null)

  /** Saves the draft if it differs from the saved mapping; false when it cannot be saved. */
  async function saveDraft(): Promise<boolean> {
    const patch = clayDraftPatch(draft)
    if (typeof patch === 'string') {
      setProblem(patch)
      return false
    }
    setProblem(null)
    if (JSON.stringify(patch.clayMapping) === JSON.stringify(settings.clayMapping)) return true
    return save(patch)
  }

  const field = (input: ClayAppInput) => (
    <label key={input}>
      {APP_INPUT_FIELDS[input].label}
      <input
        value={draft[input]}
        placeholder={APP_INPUT_FIELDS[input].hint}
        spellCheck={false}
        onChange={(e) => setDraft({ ...draft, [input]: e.target.value })}
      />
    </label>
  )

  return (
    <section className="panel" aria-labelledby="clay-heading">
      <h2 id="clay-heading">Clay routine</h2>
      <p className="hint">
        Type the column names exactly as they are in your Clay routine. Leave a field blank to not
        send that detail.
      </p>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault()
          void saveDraft().then((ok) => ok && announce('Clay set-up saved.'))
        }}
      >
        {CLAY_APP_INPUTS.map(field)}
        <label>
          Email is in result column
          <input
            value={draft.emailPath}
            placeholder="e.g. Work Email, or Enrich person.email"
            spellCheck={false}
            onChange={(e) => setDraft({ ...draft, emailPath: e.target.value })}
          />
        </label>
        {problem && (
          <p role="alert" className="hint hint-error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={saving}>
          Save Clay set-up
        </button>
      </form>
      <ClayTestRun
        emailPath={draft.emailPath.trim()}
        beforeRun={saveDraft}
        onPick={(path) => setDraft({ ...draft, emailPath: path })}
      />
    </section>
  )
}
