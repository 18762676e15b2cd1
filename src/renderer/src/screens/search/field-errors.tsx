import { useEffect, useMemo } from 'react'
import type { FieldProblem, FilterField } from '../../lib/field-problems'
import { FILTER_FIELDS } from '../../lib/field-problems'
import { draftToFilters } from '../../lib/filter-draft'
import { useSearchStore } from '../../stores/search-store'

/**
 * The problems of the last search attempt, by field. The store keeps them as sentences; which
 * field each belongs to is worked out again from the same draft (cheap, and only after a refused
 * search), so the fields can be marked without the store knowing about the form.
 */
function useProblems(): FieldProblem[] {
  const problems = useSearchStore((s) => s.problems)
  const draft = useSearchStore((s) => s.draft)
  const platform = useSearchStore((s) => s.platform)
  return useMemo(
    () => (problems.length === 0 ? [] : draftToFilters(draft, platform).fieldProblems),
    [problems, draft, platform],
  )
}

const errorId = (field: FilterField) => `${FILTER_FIELDS[field].id}-error`

/** Props for the input a field is typed in: its id, and whether (and why) it is wrong. */
export function useFieldProps(field: FilterField) {
  const problems = useProblems()
  const wrong = problems.some((p) => p.field === field)
  return {
    id: FILTER_FIELDS[field].id,
    'aria-invalid': wrong ? true : undefined,
    'aria-errormessage': wrong ? errorId(field) : undefined,
  }
}

/** The field's problem in plain words, right under it. */
export function FieldError({ field }: { field: FilterField }) {
  const messages = useProblems().filter((p) => p.field === field)
  if (messages.length === 0) return null
  return (
    <p id={errorId(field)} className="hint hint-error field-error">
      {messages.map((m) => m.message).join(' ')}
    </p>
  )
}

/** After a refused search, focus moves to the first field that needs fixing. */
export function useFocusFirstProblem(): void {
  const problems = useProblems()
  const first = problems[0]?.field
  const attempt = useSearchStore((s) => s.problems)
  useEffect(() => {
    if (first === undefined) return
    document.getElementById(FILTER_FIELDS[first].id)?.focus()
  }, [first, attempt])
}
