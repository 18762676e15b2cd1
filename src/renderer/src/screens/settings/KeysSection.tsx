import { useEffect } from 'react'
import { ErrorMessage } from '../../components/ErrorMessage'
import { useKeysStore } from '../../stores/keys-store'
import { KeyRow } from './KeyRow'

export function KeysSection() {
  const load = useKeysStore((s) => s.load)
  const status = useKeysStore((s) => s.status)
  const error = useKeysStore((s) => s.error)
  useEffect(() => {
    void load()
  }, [load])
  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      {status?.keychain === 'unavailable' && (
        <p className="callout callout-warn">
          No system keychain is available, so keys cannot be stored. Set them as environment
          variables instead.
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <KeyRow name="modash" />
      <KeyRow name="clay" />
      <KeyRow name="clayRoutine" />
    </section>
  )
}
