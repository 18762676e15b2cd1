import type { FilterDraft, GrowthInterval, GrowthOperator } from '../../lib/filter-draft'
import { useSearchStore } from '../../stores/search-store'
import { FieldError, useFieldProps } from './field-errors'

const ACCOUNT_TYPES: { id: 1 | 2 | 3; label: string }[] = [
  { id: 1, label: 'Regular' },
  { id: 2, label: 'Business' },
  { id: 3, label: 'Creator' },
]
const INTERVALS: GrowthInterval[] = [
  'i1month',
  'i2months',
  'i3months',
  'i4months',
  'i5months',
  'i6months',
]
const OPERATORS: { id: GrowthOperator; label: string }[] = [
  { id: 'gte', label: 'at least' },
  { id: 'gt', label: 'more than' },
  { id: 'lte', label: 'at most' },
  { id: 'lt', label: 'less than' },
]

export function ProfileFlags() {
  const draft = useSearchStore((s) => s.draft)
  const platform = useSearchStore((s) => s.platform)
  const update = useSearchStore((s) => s.updateDraft)
  const growth = draft.growth
  const growthProps = useFieldProps('growth')
  const setGrowth = (patch: Partial<FilterDraft['growth']>) =>
    update({ growth: { ...growth, ...patch } })
  const toggleType = (id: 1 | 2 | 3) =>
    update({
      accountTypes: draft.accountTypes.includes(id)
        ? draft.accountTypes.filter((t) => t !== id)
        : [...draft.accountTypes, id],
    })
  return (
    <fieldset className="filter-group">
      <legend>Profile</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.hasEmail}
          onChange={(e) => update({ hasEmail: e.target.checked })}
        />
        Has an email address
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.verified}
          onChange={(e) => update({ verified: e.target.checked })}
        />
        Verified only
      </label>
      {platform === 'instagram' && (
        <fieldset className="inline-group">
          <legend>Account type</legend>
          {ACCOUNT_TYPES.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={draft.accountTypes.includes(t.id)}
                onChange={() => toggleType(t.id)}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        Last posted within
        <select value={draft.lastPosted} onChange={(e) => update({ lastPosted: e.target.value })}>
          <option value="">Any time</option>
          {[30, 60, 90, 180, 365].map((d) => (
            <option key={d} value={String(d)}>
              {d} days
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={growth.enabled}
          onChange={(e) => setGrowth({ enabled: e.target.checked })}
        />
        Filter by follower growth
      </label>
      {growth.enabled && (
        <div className="row">
          <label>
            Growth over
            <select
              value={growth.interval}
              onChange={(e) => setGrowth({ interval: e.target.value as GrowthInterval })}
            >
              {INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {i.replace(/^i(\d)months?$/, '$1 mo')}
                </option>
              ))}
            </select>
          </label>
          <label>
            Comparison
            <select
              value={growth.operator}
              onChange={(e) => setGrowth({ operator: e.target.value as GrowthOperator })}
            >
              {OPERATORS.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Growth (%)
            <input
              {...growthProps}
              type="number"
              step={1}
              min={-1000}
              max={1000}
              value={growth.valuePct}
              onChange={(e) => setGrowth({ valuePct: e.target.value })}
            />
          </label>
          <FieldError field="growth" />
        </div>
      )}
    </fieldset>
  )
}
