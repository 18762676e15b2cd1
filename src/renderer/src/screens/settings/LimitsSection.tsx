import { useRef, useState } from 'react'
import type { Settings } from '../../../../shared/domain'
import type { SettingsPatch } from '../../../../shared/ipc-contract'
import { formatInt } from '../../lib/format'
import { useQuotaStore } from '../../stores/quota-store'
import { useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'

interface Draft {
  discovery: string
  report: string
  enrichment: string
  billingCycleDay: string
  reportMaxAgeDays: string
}

type Key = keyof Draft

/** What each field accepts; the same bounds main's contract enforces. */
const FIELDS: Record<
  Key,
  { label: string; min: number; max: number; blank?: string; hint?: string }
> = {
  discovery: { label: 'Discovery results per month', min: 0, max: 100_000_000 },
  report: { label: 'Reports per month', min: 0, max: 1_000_000 },
  enrichment: {
    label: 'Email lookups per month',
    min: 0,
    max: 10_000_000,
    blank: 'Leave it empty for no limit.',
  },
  billingCycleDay: {
    label: 'Billing cycle day (1–28)',
    min: 1,
    max: 28,
    hint: 'The day of the month your plan renews',
  },
  reportMaxAgeDays: { label: 'Offer a report refresh after (days)', min: 1, max: 365 },
}

const ORDER: Key[] = ['discovery', 'report', 'enrichment', 'billingCycleDay', 'reportMaxAgeDays']

const toDraft = (s: Settings): Draft => ({
  discovery: String(s.limits.discovery),
  report: String(s.limits.report),
  enrichment: s.limits.enrichment === null ? '' : String(s.limits.enrichment),
  billingCycleDay: String(s.billingCycleDay),
  reportMaxAgeDays: String(s.reportMaxAgeDays),
})

/** "140,000" and "140 000" are what people type; a sign, a decimal or a letter is not a count. */
function readCount(text: string): number | null {
  const t = text.trim().replace(/[,\s_']/g, '')
  return /^\d{1,12}$/.test(t) ? Number(t) : null
}

export function allowedWords(key: Key): string {
  const f = FIELDS[key]
  return `${f.label} must be a whole number from ${formatInt(f.min)} to ${formatInt(f.max)}.${f.blank ? ` ${f.blank}` : ''}`
}

/** Each field's problem in plain words, or the patch to save. */
export function checkLimits(d: Draft): {
  patch: SettingsPatch | null
  problems: Partial<Record<Key, string>>
} {
  const problems: Partial<Record<Key, string>> = {}
  const values: Partial<Record<Key, number | null>> = {}
  for (const key of ORDER) {
    const f = FIELDS[key]
    if (f.blank && d[key].trim() === '') {
      values[key] = null
      continue
    }
    const n = readCount(d[key])
    if (n === null || n < f.min || n > f.max) problems[key] = allowedWords(key)
    else values[key] = n
  }
  if (Object.keys(problems).length > 0) return { patch: null, problems }
  return {
    patch: {
      limits: {
        discovery: values.discovery as number,
        report: values.report as number,
        enrichment: values.enrichment ?? null,
      },
      billingCycleDay: values.billingCycleDay as number,
      reportMaxAgeDays: values.reportMaxAgeDays as number,
    },
    problems,
  }
}

/** Keyed by the loaded settings so the form starts from what main holds. */
export function LimitsSection({ settings }: { settings: Settings }) {
  const save = useSettingsStore((s) => s.save)
  const saving = useSettingsStore((s) => s.saving)
  const refreshQuota = useQuotaStore((s) => s.refresh)
  const announce = useUiStore((s) => s.announce)
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings))
  const [problems, setProblems] = useState<Partial<Record<Key, string>>>({})
  const inputs = useRef<Partial<Record<Key, HTMLInputElement | null>>>({})

  const field = (key: Key) => {
    const f = FIELDS[key]
    const problem = problems[key]
    const hintId = `limit-${key}-hint`
    const errorId = `limit-${key}-error`
    const id = `limit-${key}`
    return (
      <div key={key} className="field">
        <label htmlFor={id}>{f.label}</label>
        <input
          id={id}
          ref={(el) => {
            inputs.current[key] = el
          }}
          inputMode="numeric"
          maxLength={14}
          value={draft[key]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          aria-errormessage={problem ? errorId : undefined}
          onChange={(e) => {
            setDraft({ ...draft, [key]: e.target.value })
            if (problem) setProblems({ ...problems, [key]: undefined })
          }}
        />
        <span id={hintId} className="hint">
          {f.hint ??
            `${formatInt(f.min)}–${formatInt(f.max)}${f.blank ? ', or empty for no limit' : ''}`}
        </span>
        {problem && (
          <span id={errorId} className="hint hint-error field-error">
            {problem}
          </span>
        )}
      </div>
    )
  }

  async function submit() {
    const { patch, problems: found } = checkLimits(draft)
    setProblems(found)
    if (!patch) {
      const first = ORDER.find((k) => found[k])
      if (first) inputs.current[first]?.focus()
      return
    }
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
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        {ORDER.map(field)}
        <button type="submit" disabled={saving}>
          Save limits
        </button>
      </form>
    </section>
  )
}
