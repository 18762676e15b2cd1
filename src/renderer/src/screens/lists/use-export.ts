import { useState } from 'react'
import type { ExportResult } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { plural } from '../../lib/format'

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: ExportResult | null }
  | { kind: 'error'; error: ErrorInfo }

/** Export reads only the local cache: it never buys the emails or reports it lacks. */
export function useExport(listId: number): {
  state: ExportState
  run: () => Promise<void>
  bom: boolean
  setBom: (bom: boolean) => void
} {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  // Excel opens a UTF-8 file without a byte order mark as another encoding ("ZoÃ«"): on by default.
  const [bom, setBom] = useState(true)
  async function run() {
    setState({ kind: 'busy' })
    const res = await call('export:csv', { listId, bom })
    setState(res.ok ? { kind: 'done', result: res.data } : { kind: 'error', error: res.error })
  }
  return { state, run, bom, setBom }
}

export function ExportStatus({ state }: { state: ExportState }) {
  switch (state.kind) {
    case 'idle':
      return null
    case 'busy':
      return <Spinner label="Exporting…" />
    case 'error':
      return <ErrorMessage error={state.error} />
    case 'done':
      return (
        <p role="status" className="hint">
          {state.result ? (
            <>
              Exported {plural(state.result.rows, 'row')} to{' '}
              <span className="selectable">{state.result.path}</span>
            </>
          ) : (
            'Export cancelled.'
          )}
        </p>
      )
  }
}
