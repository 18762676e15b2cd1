import { useId } from 'react'
import { appliedFollowerRange } from '../../lib/followers'
import { formatInt } from '../../lib/format'
import { useSearchStore } from '../../stores/search-store'
import { useFieldProps } from './field-errors'

function describeRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'Any number of followers'
  if (max === null) return `${formatInt(min)}+ followers`
  if (min === null) return `Up to ${formatInt(max)} followers`
  return `${formatInt(min)} – ${formatInt(max)} followers`
}

/** Modash snaps follower bounds; the line under the inputs shows what will really be searched. */
export function FollowersFilter() {
  const min = useSearchStore((s) => s.draft.followersMin)
  const max = useSearchStore((s) => s.draft.followersMax)
  const update = useSearchStore((s) => s.updateDraft)
  const outputId = useId()
  const range = appliedFollowerRange(min, max)
  const minProps = useFieldProps('followers')
  return (
    <fieldset className="filter-group">
      <legend>Followers</legend>
      <div className="row">
        <label>
          Min followers
          <input
            {...minProps}
            aria-errormessage={undefined}
            inputMode="numeric"
            maxLength={20}
            value={min}
            placeholder="e.g. 10k"
            aria-describedby={outputId}
            onChange={(e) => update({ followersMin: e.target.value })}
          />
        </label>
        <label>
          Max followers
          <input
            inputMode="numeric"
            maxLength={20}
            aria-invalid={minProps['aria-invalid']}
            value={max}
            placeholder="e.g. 100k"
            aria-describedby={outputId}
            onChange={(e) => update({ followersMax: e.target.value })}
          />
        </label>
      </div>
      <output
        id={outputId}
        className={range.invalid ? 'hint hint-error' : 'hint'}
        data-testid="applied-followers"
      >
        {range.invalid ?? `Modash will search: ${describeRange(range.min, range.max)}`}
        {!range.invalid && range.adjusted && ' (rounded to Modash steps)'}
      </output>
    </fieldset>
  )
}
