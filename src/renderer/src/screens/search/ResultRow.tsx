import type { ChangeEvent } from 'react'
import { memo } from 'react'
import { safeText } from '../../../../shared/safe-text'
import { CreatorPicture } from '../../components/CreatorPicture'
import { emailState, reportAge } from '../../lib/creator-status'
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
/** A row's picture is asked for once the row has been on screen this long (not mid-fling). */
const PICTURE_DELAY_MS = 200

interface Props {
  row: SearchRow
  index: number
  top: number
  checked: boolean
  active: boolean
  /** Reports older than this are offered for refresh. */
  maxReportAgeDays: number
  onToggle: (id: number, shift: boolean) => void
  onActivate: (index: number) => void
  onOpen: (id: number) => void
}

export const rowId = (index: number) => `result-row-${index}`

let thisYearFormat: Intl.DateTimeFormat | null = null
let otherYearFormat: Intl.DateTimeFormat | null = null

/** "Jun 3" for a date this year; with the year otherwise. Formatters are made once, not per row. */
function shortDate(iso: string): string {
  const d = new Date(iso)
  const format =
    d.getFullYear() === new Date().getFullYear()
      ? (thisYearFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' }))
      : (otherYearFormat ??= new Intl.DateTimeFormat(undefined, {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
        }))
  return format.format(d)
}

function ReportCell({ row, maxAge }: { row: SearchRow; maxAge: number }) {
  const age = reportAge(row.creator)
  if (age === null) return <span className="muted">No report</span>
  const old = age >= maxAge
  return (
    <span
      className={`badge ${old ? 'badge-warn' : 'badge-ok'}`}
      title={`Report owned, from ${formatDate(row.creator.detailedFetchedAt)}${old ? '; a refresh costs 1 report' : '; opening it is free'}`}
    >
      Owned · {formatAgeShort(age)}
    </span>
  )
}

function EmailCell({ row }: { row: SearchRow }) {
  const c = row.creator
  switch (emailState(c)) {
    case 'found':
      return <span className="badge badge-ok">Email found</span>
    case 'not_found': {
      const until = c.emailNotFoundUntil ?? ''
      return (
        <>
          <span
            className="badge badge-muted cell-line"
            title={`Clay found no email; a new lookup is possible after ${formatDate(until)}`}
          >
            Not found
          </span>
          <span className="muted cell-line">until {shortDate(until)}</span>
        </>
      )
    }
    case 'unknown':
      return <span className="muted">Not looked up</span>
  }
}

function ListsCell({ row }: { row: SearchRow }) {
  const lists = row.creator.lists ?? []
  if (lists.length === 0) return null
  const names = lists.map((l) => safeText(l.name))
  return (
    <span className="badge badge-list" title={`On ${names.join(', ')}`}>
      {lists.length === 1 ? names[0] : `${lists.length} lists`}
    </span>
  )
}

function ResultRowView({
  row,
  index,
  top,
  checked,
  active,
  maxReportAgeDays,
  onToggle,
  onActivate,
  onOpen,
}: Props) {
  const c = row.creator
  const handle = c.handle ? `@${safeText(c.handle)}` : `#${c.providerId}`
  const name = safeText(c.fullName)
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
      // `top`, not a transform: a transform per row gives the compositor a layer tree to rebuild
      // every time a row enters, which measured as dropped frames while scrolling.
      style={{ top, height: ROW_HEIGHT }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(c.id)}
      data-testid="result-row"
      data-creator-id={c.id}
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
        <CreatorPicture
          creatorId={c.id}
          name={c.handle ?? c.fullName ?? '?'}
          delayMs={PICTURE_DELAY_MS}
        />
      </div>
      <div role="gridcell" className="col-creator">
        <button
          type="button"
          className="link cell-line"
          onClick={() => onOpen(c.id)}
          tabIndex={active ? 0 : -1}
          title={handle}
        >
          {handle}
        </button>
        <span className="cell-line muted" title={name ?? undefined}>
          {name ?? '—'}
        </span>
      </div>
      <div role="gridcell" className="col-num" title={formatInt(c.followers)}>
        {formatCompact(c.followers)}
      </div>
      <div role="gridcell" className="col-num col-er">
        {formatPercent(c.engagementRate, 2)}
      </div>
      <div
        role="gridcell"
        className="col-loc"
        title={c.country ? undefined : 'Known once a report is owned'}
      >
        {c.country ?? <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="col-num col-cred">
        {c.credibility == null ? <span className="muted">—</span> : formatPercent(c.credibility, 0)}
      </div>
      <div role="gridcell" className="col-aud">
        {c.topCountry ? (
          <span
            title={`${formatPercent(c.topCountryShare ?? null)} of the audience is in ${c.topCountry}`}
          >
            {c.topCountry} {formatPercent(c.topCountryShare ?? null, 0)}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div role="gridcell" className="col-age">
        <span
          className={`badge ${row.fresh ? 'badge-fresh' : 'badge-cached'}`}
          title={`Profile data from ${formatDate(c.basicFetchedAt)}`}
        >
          {row.fresh ? 'fresh' : 'cached'} · {formatAgeShort(age)}
        </span>
      </div>
      <div role="gridcell" className="col-report">
        <ReportCell row={row} maxAge={maxReportAgeDays} />
      </div>
      <div role="gridcell" className="col-email">
        <EmailCell row={row} />
      </div>
      <div role="gridcell" className="col-lists">
        <ListsCell row={row} />
      </div>
    </div>
  )
}

export const ResultRow = memo(ResultRowView)
