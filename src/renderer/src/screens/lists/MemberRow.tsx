import { useState } from 'react'
import type { ListMember, MemberStatus } from '../../../../shared/domain'
import { MEMBER_STATUSES } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { formatCompact, formatPercent } from '../../lib/format'
import { splitTokens } from '../../lib/filter-draft'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'

/** Notes and tags save when the field loses focus, so typing never fires a call per key. */
export function MemberRow({ member }: { member: ListMember }) {
  const update = useListsStore((s) => s.updateMember)
  const removeMembers = useListsStore((s) => s.removeMembers)
  const openProfile = useUiStore((s) => s.openProfile)
  const [notes, setNotes] = useState(member.notes)
  const [tags, setTags] = useState(member.tags.join(', '))
  const c = member.creator
  const handle = c.handle ? `@${safeText(c.handle)}` : `#${c.providerId}`
  const base = { listId: member.listId, creatorId: c.id }

  const saveTags = () => {
    const next = splitTokens(tags).slice(0, 50)
    if (next.join(',') !== member.tags.join(',')) void update({ ...base, tags: next })
  }
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link" onClick={() => openProfile(c.id)}>
          {handle}
        </button>
        <div className="muted">{safeText(c.fullName) ?? ''}</div>
      </th>
      <td className="col-num">{formatCompact(c.followers)}</td>
      <td className="col-num">{formatPercent(c.engagementRate, 2)}</td>
      <td className="selectable">{member.email ?? <span className="muted">—</span>}</td>
      <td>
        <select
          aria-label={`Status of ${handle}`}
          value={member.status}
          onChange={(e) => void update({ ...base, status: e.target.value as MemberStatus })}
        >
          {MEMBER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`Tags of ${handle}`}
          value={tags}
          placeholder="tag, tag"
          onChange={(e) => setTags(e.target.value)}
          onBlur={saveTags}
        />
      </td>
      <td>
        <textarea
          aria-label={`Notes on ${handle}`}
          rows={1}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          onBlur={() => notes !== member.notes && void update({ ...base, notes })}
        />
      </td>
      <td>
        <button
          type="button"
          className="ghost"
          aria-label={`Remove ${handle} from list`}
          onClick={() => void removeMembers(member.listId, [c.id])}
        >
          Remove
        </button>
      </td>
    </tr>
  )
}
