import type { ChangeEvent } from 'react'
import { memo } from 'react'
import { safeText } from '../../../../shared/safe-text'
import { CreatorPicture } from '../../components/CreatorPicture'
import {
  ageInDays,
  formatAgeShort,
  formatCompact,
  formatDate,
  formatInt,
  formatPercent,
} from '../../lib/format'
import type { SearchRow } from '../../stores/search-store'

export const ROW_HEIGHT = 44

interface Props {
  row: SearchRow
  index: number
  top: number
  checked: boolean
  active: boolean
  onToggle: (id: number, shift: boolean) => void
  onActivate: (index: number) => void
  onOpen: (id: number) => void
}

export const rowId = (index: number) => `result-row-${index}`

function ResultRowView({ row, index, top, checked, active, onToggle, onActivate, onOpen }: Props) {
  const c = row.creator
  const handle = c.handle ? `@${safeText(c.handle)}` : `#${c.providerId}`
  const age = ageInDays(c.basicFetchedAt)
  const onChange = (e: ChangeEvent<HTMLInputElement>) =>
    onToggle(c.id, (e.nativeEvent as MouseEvent).shiftKey)
  return (
    <div
      id={rowId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={checked}
      className={`grid-row${active ? ' is-active' : ''}${checked ? ' is-checked' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(c.id)}
      data-testid="result-row"
    >
      <div role="gridcell" className="col-check">
        <input
          type="checkbox"
          aria-label={`Select ${handle}`}
          checked={checked}
          onChange={onChange}
        />
      </div>
      <div role="gridcell" className="col-pic">
        <CreatorPicture creatorId={c.id} name={c.handle ?? c.fullName ?? '?'} />
      </div>
      <div role="gridcell" className="col-handle">
        <button
          type="button"
          className="link"
          onClick={() => onOpen(c.id)}
          tabIndex={active ? 0 : -1}
        >
          {handle}
        </button>
      </div>
      <div role="gridcell" className="col-name">
        {safeText(c.fullName) ?? '—'}
      </div>
      <div role="gridcell" className="col-num" title={formatInt(c.followers)}>
        {formatCompact(c.followers)}
      </div>
      <div role="gridcell" className="col-num">
        {formatPercent(c.engagementRate, 2)}
      </div>
      <div role="gridcell" className="col-age">
        <span
          className={`badge ${row.fresh ? 'badge-fresh' : 'badge-cached'}`}
          title={`Profile data from ${formatDate(c.basicFetchedAt)}`}
        >
          {row.fresh ? 'fresh' : 'cached'} · {formatAgeShort(age)}
        </span>
      </div>
      <div role="gridcell" className="col-email">
        {c.emailFound ? (
          <span className="badge badge-ok">Email known</span>
        ) : (
          <span className="muted">No email yet</span>
        )}
      </div>
    </div>
  )
}

export const ResultRow = memo(ResultRowView)
