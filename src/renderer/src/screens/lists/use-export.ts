import { useState } from 'react'
import { call } from '../../api/call'
import type { ExportState } from '../../components/ExportStatus'

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
