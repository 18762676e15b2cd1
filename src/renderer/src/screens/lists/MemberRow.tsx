import { useEffect, useRef, useState } from 'react'
import type { ListMember, MemberStatus } from '../../../../shared/domain'
import { MEMBER_STATUSES } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { formatCompact, formatPercent } from '../../lib/format'
import { splitTokens } from '../../lib/filter-draft'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'
import type { NoteSaveState } from './use-note-autosave'
import { useNoteAutosave } from './use-note-autosave'

export const NOTES_MAX = 10_000
export const TAG_MAX = 40
export const TAGS_MAX = 50

const NOTE_WORDS: Record<NoteSaveState, string> = {
  saved: '',
  editing: 'Not saved yet…',
  saving: 'Saving…',
  failed: 'Not saved. It is kept here; leave the field or type to try again.',
  restored: 'Unsaved note restored; saving…',
}

export const STATUS_WORDS: Record<MemberStatus, string> = {
  shortlisted: 'Shortlisted',
  contacted: 'Contacted',
  replied: 'Replied',
  declined: 'Declined',
  booked: 'Booked',
}

/** Notes save as they are typed (see `useNoteAutosave`); tags when the field is left. */
export function MemberRow({
  member,
  checked,
  onCheck,
}: {
  member: ListMember
  checked: boolean
  onCheck: (creatorId: number, checked: boolean, shift: boolean) => void
}) {
  const update = useListsStore((s) => s.updateMember)
  const removeMembers = useListsStore((s) => s.removeMembers)
  const openProfile = useUiStore((s) => s.openProfile)
  const [tags, setTags] = useState(member.tags.join(', '))
  const c = member.creator
  const handle = c.handle ? `@${safeText(c.handle)}` : `#${c.providerId}`
  const base = { listId: member.listId, creatorId: c.id }
  const note = useNoteAutosave(member.listId, c.id, member.notes)
  const noteId = `note-state-${member.listId}-${c.id}`

  // Tags changed elsewhere (a bulk change) show here unless the user is editing them.
  const editingTags = useRef(false)
  useEffect(() => {
    if (!editingTags.current) setTags(member.tags.join(', '))
  }, [member.tags])

  const saveTags = () => {
    editingTags.current = false
    const next = [...new Set(splitTokens(tags).map((t) => t.slice(0, TAG_MAX)))].slice(0, TAGS_MAX)
    if (next.join(',') !== member.tags.join(',')) void update({ ...base, tags: next })
  }
  return (
    <tr className={checked ? 'is-checked' : undefined}>
      <td className="col-check">
        <input
          type="checkbox"
          aria-label={`Select ${handle}`}
          checked={checked}
          onChange={(e) => onCheck(c.id, e.target.checked, (e.nativeEvent as MouseEvent).shiftKey)}
        />
      </td>
      <th scope="row">
        <button type="button" className="link cell-line" onClick={() => openProfile(c.id)}>
          {handle}
        </button>
        <div className="muted cell-line">{safeText(c.fullName) ?? ''}</div>
      </th>
      <td className="col-num col-followers">
        {formatCompact(c.followers)}
        <div className="muted">{formatPercent(c.engagementRate, 2)}</div>
      </td>
      <td className="selectable cell-wrap">{member.email ?? <span className="muted">—</span>}</td>
      <td>
        <select
          aria-label={`Status of ${handle}`}
          value={member.status}
          onChange={(e) => void update({ ...base, status: e.target.value as MemberStatus })}
        >
          {MEMBER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_WORDS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Tags of ${handle}`}
          value={tags}
          placeholder="tag, tag"
          maxLength={TAGS_MAX * (TAG_MAX + 2)}
          title={`Up to ${TAGS_MAX} tags of ${TAG_MAX} characters, separated by commas`}
          onChange={(e) => {
            editingTags.current = true
            setTags(e.target.value)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              saveTags()
            }
          }}
          onBlur={saveTags}
        />
      </td>
      <td>
        <textarea
          aria-label={`Notes on ${handle}`}
          aria-describedby={noteId}
          aria-invalid={note.state === 'failed' ? true : undefined}
          rows={2}
          maxLength={NOTES_MAX}
          value={note.text}
          onChange={(e) => note.onChange(e.target.value)}
          onBlur={() => void note.flush()}
        />
        <div
          id={noteId}
          className={`note-state note-${note.state}`}
          role={note.state === 'failed' ? 'alert' : undefined}
        >
          {NOTE_WORDS[note.state]}
          {note.text.length > NOTES_MAX * 0.9 &&
            ` ${note.text.length.toLocaleString()} of ${NOTES_MAX.toLocaleString()} characters.`}
        </div>
      </td>
      <td>
        <button
          type="button"
          className="ghost icon-button"
          aria-label={`Remove ${handle} from list`}
          title="Remove from this list"
          onClick={() => void removeMembers(member.listId, [c.id])}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </td>
    </tr>
  )
}
