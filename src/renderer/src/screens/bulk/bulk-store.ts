import { create } from 'zustand'
import type { BatchPreview, BatchTarget, HandleCheck } from '../../../../shared/bulk'
import type { ErrorInfo } from '../../../../shared/errors'
import type { Platform } from '../../../../shared/platforms'
import { call } from '../../api/call'
import { plural } from '../../lib/format'
import { useListsStore } from '../../stores/lists-store'
import { useUiStore } from '../../stores/ui-store'
import { confirmedUnits, costsNothing, previewLines } from './job-words'
import { useJobsStore } from './jobs-store'

export type ImportFormat = 'lines' | 'csv' | 'tsv'

/** What a batch is made of: checked handles, creators chosen on another screen, or a list. */
export type BatchSource =
  | { kind: 'import'; creatorIds: number[] }
  | { kind: 'selection'; creatorIds: number[]; label: string }
  | { kind: 'list'; listId: number; label: string }

/** Where imported creators are kept: nowhere, an existing list, or a new one. */
export type ListChoice =
  { kind: 'none' } | { kind: 'existing'; listId: number } | { kind: 'new'; name: string }

export interface BulkState {
  text: string
  fileName: string | null
  format: ImportFormat
  platform: Platform
  /** CSV/TSV: the column and header chosen; null lets main guess. */
  column: number | null
  header: boolean | null
  /** CSV/TSV: the columns the last check found, to choose from. */
  columns: string[] | null
  check: HandleCheck | null
  checking: boolean
  source: BatchSource | null
  wants: { reports: boolean; emails: boolean }
  listChoice: ListChoice
  preview: BatchPreview | null
  previewing: boolean
  starting: boolean
  error: ErrorInfo | null
  setText: (text: string) => void
  loadFile: (name: string, text: string) => void
  setFormat: (format: ImportFormat) => void
  setPlatform: (platform: Platform) => void
  setColumn: (column: number | null) => void
  setHeader: (header: boolean | null) => void
  runCheck: (lookup: boolean) => Promise<void>
  chooseSelection: (creatorIds: number[], label: string) => void
  chooseList: (listId: number, label: string) => void
  setWants: (patch: Partial<BulkState['wants']>) => void
  setListChoice: (choice: ListChoice) => void
  runPreview: () => Promise<void>
  start: () => Promise<boolean>
}

export const initialBulkState = {
  text: '',
  fileName: null,
  format: 'lines' as ImportFormat,
  platform: 'instagram' as Platform,
  column: null,
  header: null,
  columns: null,
  check: null,
  checking: false,
  source: null,
  wants: { reports: true, emails: true },
  listChoice: { kind: 'none' } as ListChoice,
  preview: null,
  previewing: false,
  starting: false,
  error: null,
}

/** Lines as the contract takes them: a file's line breaks, whatever system wrote it. */
export function toLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).slice(0, 20_000)
}

function guessFormat(name: string): ImportFormat {
  const lower = name.toLowerCase()
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv'
  if (lower.endsWith('.csv')) return 'csv'
  return 'lines'
}

function target(source: BatchSource): BatchTarget {
  return source.kind === 'list' ? { listId: source.listId } : { creatorIds: source.creatorIds }
}

function sourceCount(source: BatchSource): number | null {
  return source.kind === 'list' ? null : source.creatorIds.length
}

export const useBulkStore = create<BulkState>()((set, get) => {
  /** Anything that changes the batch makes the preview out of date. */
  const stale = { preview: null, error: null }
  return {
    ...initialBulkState,
    setText: (text) => set({ text, fileName: null, check: null, columns: null, ...stale }),
    loadFile: (name, text) =>
      set({
        text,
        fileName: name,
        format: guessFormat(name),
        column: null,
        header: null,
        columns: null,
        check: null,
        ...stale,
      }),
    setFormat: (format) =>
      set({ format, column: null, header: null, columns: null, check: null, ...stale }),
    setPlatform: (platform) => set({ platform, check: null, ...stale }),
    setColumn: (column) => set({ column, check: null, ...stale }),
    setHeader: (header) => set({ header, check: null, ...stale }),
    runCheck: async (lookup) => {
      const s = get()
      const lines = toLines(s.text)
      if (lines.every((l) => l.trim() === '')) return
      set({ checking: true, error: null })
      const res = await call('bulk:check', {
        lines,
        format: s.format,
        platform: s.platform,
        lookup,
        ...(s.format !== 'lines' && s.column !== null ? { column: s.column } : {}),
        ...(s.format !== 'lines' && s.header !== null ? { header: s.header } : {}),
      })
      if (!res.ok) {
        set({ checking: false, error: res.error })
        return
      }
      set({
        checking: false,
        check: res.data,
        column: res.data.column,
        columns: res.data.columns,
        source: { kind: 'import', creatorIds: res.data.creatorIds },
        preview: null,
      })
    },
    chooseSelection: (creatorIds, label) =>
      set({ source: { kind: 'selection', creatorIds, label }, ...stale }),
    chooseList: (listId, label) => set({ source: { kind: 'list', listId, label }, ...stale }),
    setWants: (patch) => set({ wants: { ...get().wants, ...patch }, ...stale }),
    setListChoice: (listChoice) => set({ listChoice }),
    runPreview: async () => {
      const { source, wants } = get()
      if (source === null || sourceCount(source) === 0) return
      set({ previewing: true, error: null })
      const res = await call('bulk:preview', { target: target(source), ...wants })
      set(
        res.ok
          ? { previewing: false, preview: res.data }
          : { previewing: false, preview: null, error: res.error },
      )
    },
    start: async () => {
      const { source, wants, preview, listChoice } = get()
      if (source === null || preview === null) return false
      const ui = useUiStore.getState()
      const free = costsNothing(preview)
      const ok = await ui.askConfirm({
        title: free
          ? `Fill in ${plural(preview.creators, 'creator')} from the cache (free)?`
          : `Buy for ${plural(preview.creators, 'creator')}?`,
        lines: previewLines(preview, wants),
        confirmLabel: free ? 'Start' : 'Buy and start',
      })
      if (!ok) return false
      set({ starting: true, error: null })
      const listId =
        source.kind === 'import' ? await keepInList(source.creatorIds, listChoice) : null
      if (listId === false) {
        set({ starting: false })
        return false
      }
      const res = await call('bulk:start', {
        target: target(source),
        ...wants,
        title: jobTitle(source, listChoice),
        confirmed: confirmedUnits(preview),
      })
      if (!res.ok) {
        set({ starting: false, error: res.error, preview: null })
        return false
      }
      useJobsStore.getState().started(res.data)
      ui.announce(`Started “${res.data.title}”: ${plural(res.data.items.total, 'creator')}.`)
      set({ starting: false, preview: null })
      return true
    },
  }
})

/** Imported creators go on the chosen list before the job fills them in; false when that failed. */
async function keepInList(
  creatorIds: number[],
  choice: ListChoice,
): Promise<number | null | false> {
  if (choice.kind === 'none' || creatorIds.length === 0) return null
  const lists = useListsStore.getState()
  const listId =
    choice.kind === 'existing'
      ? choice.listId
      : ((await lists.create(choice.name.trim()))?.id ?? null)
  if (listId === null) {
    useBulkStore.setState({ error: useListsStore.getState().error })
    return false
  }
  const added = await lists.addCreators(listId, creatorIds)
  if (added === null) {
    useBulkStore.setState({ error: useListsStore.getState().error })
    return false
  }
  return listId
}

/** The contract takes titles of up to 120 characters; a long list name is cut. */
function jobTitle(source: BatchSource, choice: ListChoice): string {
  const title = fullTitle(source, choice)
  return title.length > 120 ? `${title.slice(0, 119)}…` : title
}

function fullTitle(source: BatchSource, choice: ListChoice): string {
  if (source.kind === 'list') return `List “${source.label}”`
  if (source.kind === 'selection') return source.label
  const count = plural(source.creatorIds.length, 'imported creator')
  if (choice.kind === 'new') return `${count} → “${choice.name.trim()}”`
  if (choice.kind === 'existing') {
    const name = useListsStore.getState().lists.find((l) => l.id === choice.listId)?.name
    if (name !== undefined) return `${count} → “${name}”`
  }
  return count
}
