import { useState } from 'react'
import { call } from '../../api/call'
import { clearPictureCache } from '../../components/CreatorPicture'
import { ErrorMessage } from '../../components/ErrorMessage'
import { ModeSwitchButton } from '../../components/ModeSwitchButton'
import type { ErrorInfo } from '../../../../shared/errors'
import { plural } from '../../lib/format'
import { useSearchStore } from '../../stores/search-store'
import { selectSandbox, useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'

export function DataSection() {
  const settings = useSettingsStore((s) => s.settings)
  const info = useSettingsStore((s) => s.appInfo)
  const sandbox = useSettingsStore(selectSandbox)
  const save = useSettingsStore((s) => s.save)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const [error, setError] = useState<ErrorInfo | null>(null)

  async function clearCache() {
    const ok = await askConfirm({
      title: 'Clear the cache?',
      lines: [
        'Every bought search page, report and email is forgotten; getting them again costs credits.',
        'Lists, the audit log and settings are kept.',
      ],
      confirmLabel: 'Clear cache',
    })
    if (!ok) return
    const res = await call('cache:clear', { confirm: true })
    if (res.ok) {
      // Pages we remembered as owned are gone: repeat searches must be priced as paid again.
      useSearchStore.setState({ known: {} })
      clearPictureCache()
      announce(`Cache cleared: ${plural(res.data.creatorsRemoved, 'creator')} removed.`)
    }
    setError(res.ok ? null : res.error)
  }

  return (
    <section className="panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data and mode</h2>
      <dl className="stats">
        <div>
          <dt>Mode</dt>
          <dd>
            {sandbox ? 'Sandbox — emulated providers, nothing real is spent' : 'Real providers'}
          </dd>
        </div>
        <div>
          <dt>Data folder</dt>
          <dd className="selectable">{info?.dataDir ?? '—'}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{info?.version ?? '—'}</dd>
        </div>
      </dl>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings?.offline ?? false}
          aria-checked={settings?.offline ?? false}
          disabled={!settings}
          onChange={(e) => void save({ offline: e.target.checked })}
        />
        Offline mode (answer from the cache only, never buy)
      </label>
      {info && <ModeSwitchButton to={sandbox ? 'real' : 'sandbox'} />}
      <button type="button" className="danger" onClick={() => void clearCache()}>
        Clear cache…
      </button>
      {error && <ErrorMessage error={error} />}
    </section>
  )
}
