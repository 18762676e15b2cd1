import type { ExportResult } from '../../../shared/domain'
import type { ErrorInfo } from '../../../shared/errors'
import { plural } from '../lib/format'
import { ErrorMessage } from './ErrorMessage'
import { Spinner } from './Spinner'

/** Where an export asked for by a button stands. */
export type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: ExportResult | null }
  | { kind: 'error'; error: ErrorInfo }

/** What became of an export: under way, where the file went (or that it was cancelled), or why not. */
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
