import { AUDIENCE_AGE_BANDS } from '../../../../shared/search-filters'
import type { AudienceDraft } from '../../lib/audience-draft'
import { useSearchStore } from '../../stores/search-store'
import { DictionaryPicker } from './DictionaryPicker'
import { FieldError, useFieldProps } from './field-errors'
import { WeightInput } from './WeightInput'

export function AudienceFilters() {
  const a = useSearchStore((s) => s.draft.audience)
  const update = useSearchStore((s) => s.updateAudience)
  const credProps = useFieldProps('credibility')
  const toggleAge = (band: AudienceDraft['ages'][number]) =>
    update({ ages: a.ages.includes(band) ? a.ages.filter((b) => b !== band) : [...a.ages, band] })
  return (
    <fieldset className="filter-group">
      <legend>Audience</legend>
      <p className="hint">
        Weights are the minimum share of the audience; Modash’s defaults are filled in.
      </p>
      <DictionaryPicker
        kind="locations"
        label="Audience location"
        multiple
        value={a.locations}
        onChange={(locations) => update({ locations })}
      />
      {a.locations.length > 0 && (
        <WeightInput
          label="Audience location share"
          value={a.locationWeight}
          onChange={(locationWeight) => update({ locationWeight })}
        />
      )}
      <DictionaryPicker
        kind="languages"
        label="Audience language"
        multiple={false}
        value={a.language ? [a.language] : []}
        onChange={(entries) => update({ language: entries[0] ?? null })}
      />
      {a.language && (
        <WeightInput
          label="Audience language share"
          value={a.languageWeight}
          onChange={(languageWeight) => update({ languageWeight })}
        />
      )}
      <label>
        Audience gender
        <select
          value={a.gender}
          onChange={(e) => update({ gender: e.target.value as AudienceDraft['gender'] })}
        >
          <option value="">Any</option>
          <option value="FEMALE">Mostly female</option>
          <option value="MALE">Mostly male</option>
        </select>
      </label>
      {a.gender !== '' && (
        <WeightInput
          label="Audience gender share"
          value={a.genderWeight}
          onChange={(genderWeight) => update({ genderWeight })}
        />
      )}
      <fieldset className="inline-group">
        <legend>Audience age</legend>
        {AUDIENCE_AGE_BANDS.map((band) => (
          <label key={band} className="check">
            <input
              type="checkbox"
              checked={a.ages.includes(band)}
              onChange={() => toggleAge(band)}
            />
            {band === '65-' ? '65+' : band}
          </label>
        ))}
      </fieldset>
      {a.ages.length > 0 && (
        <WeightInput
          label="Audience age share"
          value={a.ageWeight}
          onChange={(ageWeight) => update({ ageWeight })}
        />
      )}
      <DictionaryPicker
        kind="interests"
        label="Audience interests"
        multiple
        value={a.interests}
        onChange={(interests) => update({ interests })}
      />
      {a.interests.length > 0 && (
        <WeightInput
          label="Audience interest share"
          value={a.interestWeight}
          onChange={(interestWeight) => update({ interestWeight })}
        />
      )}
      <label>
        Min audience credibility (%)
        <input
          {...credProps}
          type="number"
          min={0}
          max={100}
          value={a.credibilityPct}
          placeholder="e.g. 75"
          title="Share of real followers; under 75 % is a warning sign"
          onChange={(e) => update({ credibilityPct: e.target.value })}
        />
        <FieldError field="credibility" />
      </label>
    </fieldset>
  )
}
