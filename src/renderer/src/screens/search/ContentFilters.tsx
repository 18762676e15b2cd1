import { MAX_FILTER_TEXT } from '../../../../shared/search-filters'
import type { FilterField } from '../../lib/field-problems'
import { useSearchStore } from '../../stores/search-store'
import { FieldError, useFieldProps } from './field-errors'

/** Tags and handles: up to 100 of them, each up to 100 characters, with separators. */
const MAX_TAG_TEXT = 2_000

function TextField({
  field,
  label,
  draftKey,
  maxLength,
  placeholder,
  title,
}: {
  field: FilterField
  label: string
  draftKey: 'bio' | 'keywords' | 'hashtags' | 'mentions' | 'lookalikes'
  maxLength: number
  placeholder?: string
  title?: string
}) {
  const value = useSearchStore((s) => s.draft[draftKey])
  const update = useSearchStore((s) => s.updateDraft)
  const props = useFieldProps(field)
  const near = value.length > maxLength * 0.9
  return (
    <label>
      {label}
      <input
        {...props}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        title={title}
        onChange={(e) => update({ [draftKey]: e.target.value })}
      />
      {near && (
        <span className="hint">
          {value.length.toLocaleString()} of {maxLength.toLocaleString()} characters
        </span>
      )}
      <FieldError field={field} />
    </label>
  )
}

export function ContentFilters() {
  return (
    <fieldset className="filter-group">
      <legend>Content</legend>
      <TextField
        field="bio"
        label="Bio words"
        draftKey="bio"
        maxLength={MAX_FILTER_TEXT}
        title="Exact words: “vegan” does not match “veganfood”"
      />
      <TextField
        field="keywords"
        label="Caption keywords"
        draftKey="keywords"
        maxLength={MAX_FILTER_TEXT}
        title="One phrase searched in captions (spoken content on YouTube)"
      />
      <TextField
        field="hashtags"
        label="Hashtags"
        draftKey="hashtags"
        maxLength={MAX_TAG_TEXT}
        placeholder="#skincare, #vegan"
      />
      <TextField
        field="mentions"
        label="Mentions"
        draftKey="mentions"
        maxLength={MAX_TAG_TEXT}
        placeholder="@brand"
      />
      <TextField
        field="lookalikes"
        label="Lookalikes of @handles"
        draftKey="lookalikes"
        maxLength={MAX_TAG_TEXT}
        placeholder="@creator1 @creator2"
        title="Creators similar to these accounts (semantic match; costs like any search)"
      />
    </fieldset>
  )
}
