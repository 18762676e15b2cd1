import { useId, useState } from 'react'
import type { KeyName } from '../../../../shared/domain'
import { useKeysStore } from '../../stores/keys-store'

const NAMES: Record<KeyName, string> = {
  modash: 'Modash API key',
  clay: 'Clay API key',
  clayRoutine: 'Clay routine ID',
}

/**
 * The typed value lives only in this input until it is sent; it is then cleared. The screen can
 * show nothing but "configured", because main never sends a key back.
 */
export function KeyRow({ name }: { name: KeyName }) {
  const status = useKeysStore((s) => s.status?.keys[name])
  const busy = useKeysStore((s) => s.busy === name)
  // Without a keychain a key could not be kept, so the form is not offered at all.
  const noKeychain = useKeysStore((s) => s.status?.keychain === 'unavailable')
  const test = useKeysStore((s) => s.testResults[name])
  const setKey = useKeysStore((s) => s.setKey)
  const clearKey = useKeysStore((s) => s.clearKey)
  const testKey = useKeysStore((s) => s.testKey)
  const [value, setValue] = useState('')
  const statusId = useId()
  const configured = status?.configured ?? false
  const from =
    status?.from === 'environment'
      ? ' (from the environment)'
      : status?.from === 'keychain'
        ? ' (in the system keychain)'
        : ''

  async function save() {
    const v = value
    setValue('')
    await setKey(name, v)
  }

  return (
    <div className="key-row" data-testid={`key-${name}`}>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim() !== '') void save()
        }}
      >
        <label>
          {NAMES[name]}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={noKeychain}
            placeholder={configured ? 'Enter a new value to replace' : 'Paste the key'}
            aria-describedby={statusId}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || noKeychain || value.trim() === ''}>
          Save {NAMES[name]}
        </button>
        {name !== 'clayRoutine' && (
          <button type="button" disabled={busy || !configured} onClick={() => void testKey(name)}>
            Test {NAMES[name]}
          </button>
        )}
        <button
          type="button"
          className="ghost"
          disabled={busy || !configured || status?.from === 'environment'}
          onClick={() => void clearKey(name)}
        >
          Clear {NAMES[name]}
        </button>
      </form>
      <p id={statusId} className="hint">
        {configured ? `Configured${from}` : 'Not configured'}
        {test && (
          <span className={test.ok ? 'ok' : 'hint-error'}>
            {' '}
            · Test {test.ok ? 'passed' : 'failed'}: {test.message}
          </span>
        )}
      </p>
    </div>
  )
}
