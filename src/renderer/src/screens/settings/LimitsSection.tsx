import { useState } from 'react'
import type { Settings } from '../../../../shared/domain'
import type { SettingsPatch } from '../../../../shared/ipc-contract'
import { useSettingsStore } from '../../stores/settings-store'
import { useQuotaStore } from '../../stores/quota-store'
import { useUiStore } from '../../stores/ui-store'

interface Draft {
  discovery: string
  report: string
  enrichment: string
  billingCycleDay: string
  reportMaxAgeDays: string
}

const toDraft = (s: Settings): Draft => ({
  discovery: String(s.limits.discovery),
  report: String(s.limits.report),
  enrichment: s.limits.enrichment === null ? '' : String(s.limits.enrichment),
  billingCycleDay: String(s.billingCycleDay),
  reportMaxAgeDays: String(s.reportMaxAgeDays),
})

const int = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t.trim()) : NaN)

function toPatch(d: Draft): SettingsPatch | string {
  const [discovery, report, day, maxAge] = [
    int(d.discovery),
    int(d.report),
    int(d.billingCycleDay),
    int(d.reportMaxAgeDays),
  ]
  const enrichment = d.enrichment.trim() === '' ? null : int(d.enrichment)
  if ([discovery, report, day, maxAge].some(Number.isNaN) || Number.isNaN(enrichment))
    return 'Use whole numbers.'
  if (day < 1 || day > 28) return 'The billing day must be between 1 and 28.'
  if (maxAge < 1 || maxAge > 365) return 'The report age must be between 1 and 365 days.'
  return {
    limits: { discovery, report, enrichment },
    billingCycleDay: day,
    reportMaxAgeDays: maxAge,
  }
}

/** Keyed by the loaded settings so the form starts from what main holds. */
export function LimitsSection({ settings }: { settings: Settings }) {
  const save = useSettingsStore((s) => s.save)
  const saving = useSettingsStore((s) => s.saving)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const announce = useUiStore((s) => s.announce)
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings))
  const [problem, setProblem] = useState<string | null>(null)
  const field = (key: keyof Draft, label: string, hint?: string) => (
    <label>
      {label}
      <input
        inputMode="numeric"
        value={draft[key]}
        title={hint}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  )

  async function submit() {
    const patch = toPatch(draft)
    if (typeof patch === 'string') return setProblem(patch)
    setProblem(null)
    if (await save(patch)) {
      announce('Limits saved.')
      await refreshQuota()
    }
  }

  return (
    <section className="panel" aria-labelledby="limits-heading">
      <h2 id="limits-heading">Limits and billing</h2>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        {field('discovery', 'Discovery results per month')}
        {field('report', 'Reports per month')}
        {field('enrichment', 'Email lookups per month (blank = no limit)')}
        {field(
          'billingCycleDay',
          'Billing cycle day (1–28)',
          'The day of the month your plan renews',
        )}
        {field('reportMaxAgeDays', 'Offer a report refresh after (days)')}
        {problem && (
          <p role="alert" className="hint hint-error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={saving}>
          Save limits
        </button>
      </form>
    </section>
  )
}
