import type { ListSummary } from '../../../../shared/domain'
import { call } from '../../api/call'
import { plural } from '../../lib/format'
import { useSearchStore } from '../../stores/search-store'
import { useSelectionStore } from '../../stores/selection-store'
import { useUiStore } from '../../stores/ui-store'
import { describeError } from '../../errors/error-words'
import { useQuotaStore } from '../../stores/quota-store'
import { useBulkStore } from './bulk-store'

/** The checked results, or all loaded ones when none is checked: what these actions work on. */
function useResultIds(): { ids: number[]; words: string } {
  const rows = useSearchStore((s) => s.rows)
  const selected = useSelectionStore((s) => s.selected)
  if (selected.size > 0)
    return { ids: [...selected], words: plural(selected.size, 'selected creator') }
  return { ids: rows.map((r) => r.creator.id), words: plural(rows.length, 'search result') }
}

/** Search results: export what is shown (cache only, free), or get reports and emails for it. */
export function ResultsBulkActions() {
  const { ids, words } = useResultIds()
  const announce = useUiStore((s) => s.announce)
  const navigate = useUiStore((s) => s.navigate)
  const chooseSelection = useBulkStore((s) => s.chooseSelection)
  async function exportCsv() {
    const res = await call('export:csv', { creatorIds: ids })
    if (!res.ok) {
      announce(describeError(res.error, useQuotaStore.getState().quota).title)
      return
    }
    announce(
      res.data
        ? `Exported ${plural(res.data.rows, 'row')} to ${res.data.path}`
        : 'Export cancelled.',
    )
  }
  return (
    <>
      <button
        type="button"
        disabled={ids.length === 0}
        title={`Export ${words} to CSV, from the cache (free)`}
        onClick={() => void exportCsv()}
      >
        Export CSV
      </button>
      <button
        type="button"
        disabled={ids.length === 0}
        title={`Reports and emails for ${words}: one cost preview, one confirmation`}
        onClick={() => {
          chooseSelection(ids, words.charAt(0).toUpperCase() + words.slice(1))
          navigate('bulk')
        }}
      >
        Reports &amp; emails…
      </button>
    </>
  )
}

/** A list: reports and emails for all its members, as one batch. */
export function ListBulkAction({ list }: { list: ListSummary }) {
  const navigate = useUiStore((s) => s.navigate)
  const chooseList = useBulkStore((s) => s.chooseList)
  return (
    <button
      type="button"
      disabled={list.memberCount === 0}
      onClick={() => {
        chooseList(list.id, list.name)
        navigate('bulk')
      }}
    >
      Reports &amp; emails…
    </button>
  )
}
