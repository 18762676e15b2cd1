import { CREATOR_AGES } from '../../../../shared/search-filters'
import type { FilterDraft } from '../../lib/filter-draft'
import { useSearchStore } from '../../stores/search-store'
import { DictionaryPicker } from './DictionaryPicker'
import { FieldError, useFieldProps } from './field-errors'

const GENDERS: { value: FilterDraft['gender']; label: string }[] = [
  { value: '', label: 'Any' },
  { value: 'FEMALE', label: 'Female' },
  { value: 'MALE', label: 'Male' },
  { value: 'KNOWN', label: 'Known (any)' },
  { value: 'UNKNOWN', label: 'Unknown' },
]

export function CreatorFilters() {
  const draft = useSearchStore((s) => s.draft)
  const update = useSearchStore((s) => s.updateDraft)
  const erProps = useFieldProps('engagementRate')
  return (
    <fieldset className="filter-group">
      <legend>Creator</legend>
      <label>
        Min engagement rate (%)
        <input
          {...erProps}
          type="number"
          min={0}
          max={100}
          step={0.1}
          value={draft.engagementRatePct}
          placeholder="e.g. 2"
          onChange={(e) => update({ engagementRatePct: e.target.value })}
          title="Engagements divided by followers (views on some platforms), as Modash computes it"
        />
        <FieldError field="engagementRate" />
      </label>
      <DictionaryPicker
        kind="locations"
        label="Creator location"
        multiple
        value={draft.locations}
        onChange={(locations) => update({ locations })}
      />
      <DictionaryPicker
        kind="languages"
        label="Creator language"
        multiple={false}
        value={draft.language ? [draft.language] : []}
        onChange={(entries) => update({ language: entries[0] ?? null })}
      />
      <label>
        Creator gender
        <select
          value={draft.gender}
          onChange={(e) => update({ gender: e.target.value as FilterDraft['gender'] })}
        >
          {GENDERS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <label>
          Age from
          <select value={draft.ageMin} onChange={(e) => update({ ageMin: e.target.value })}>
            <option value="">Any</option>
            {CREATOR_AGES.map((a) => (
              <option key={a} value={String(a)}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Age to
          <select value={draft.ageMax} onChange={(e) => update({ ageMax: e.target.value })}>
            <option value="">Any</option>
            {CREATOR_AGES.map((a) => (
              <option key={a} value={String(a)}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DictionaryPicker
        kind="interests"
        label="Interests"
        multiple
        value={draft.interests}
        onChange={(interests) => update({ interests })}
      />
    </fieldset>
  )
}
