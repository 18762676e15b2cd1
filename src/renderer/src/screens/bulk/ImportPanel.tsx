import type { ChangeEvent } from 'react'
import { PLATFORMS } from '../../../../shared/platforms'
import type { Platform } from '../../../../shared/platforms'
import { Spinner } from '../../components/Spinner'
import type { ImportFormat } from './bulk-store'
import { toLines, useBulkStore } from './bulk-store'
import { CheckResult } from './CheckResult'

const PLATFORM_NAMES: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
}

/** Paste or open handles and profile links, then check them: free, nothing is bought here. */
export function ImportPanel() {
  const s = useBulkStore()
  const empty = s.text.trim() === ''
  const tooLong = toLines(s.text).length >= 20_000

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0]
    if (!file) return
    s.loadFile(file.name, await file.text())
    // The columns to choose from, read from the cache only: no network, no cost.
    await useBulkStore.getState().runCheck(false)
  }

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import handles</h2>
      <p className="hint">
        Handles or profile links of Instagram, TikTok and YouTube, mixed, one or more a line; or a
        CSV or TSV file. Checking is free: nothing is bought until you confirm a batch.
      </p>
      <div className="row">
        <label>
          Platform of a bare @handle
          <select value={s.platform} onChange={(e) => s.setPlatform(e.target.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Read as
          <select value={s.format} onChange={(e) => s.setFormat(e.target.value as ImportFormat)}>
            <option value="lines">A list (one or more a line)</option>
            <option value="csv">CSV (comma-separated)</option>
            <option value="tsv">TSV (tab-separated)</option>
          </select>
        </label>
        <label>
          Open a file
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            onChange={(e) => void onFile(e)}
          />
        </label>
      </div>
      <label className="stack">
        Handles or profile links
        <textarea
          rows={8}
          value={s.text}
          spellCheck={false}
          placeholder={
            '@jane.doe\nhttps://www.tiktok.com/@sam.bakes\nhttps://www.youtube.com/@channel'
          }
          onChange={(e) => s.setText(e.target.value)}
        />
      </label>
      {s.fileName && <p className="hint">From {s.fileName}</p>}
      {tooLong && (
        <p className="callout callout-warn">Only the first 20,000 lines are read at a time.</p>
      )}
      {s.format !== 'lines' && s.columns && (
        <div className="row">
          <label>
            Column with the handles
            <select value={s.column ?? 0} onChange={(e) => s.setColumn(Number(e.target.value))}>
              {s.columns.map((name, i) => (
                <option key={`${i}-${name}`} value={i}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={s.header ?? s.columns.some((c) => !/^Column \d+$/.test(c))}
              onChange={(e) => s.setHeader(e.target.checked)}
            />
            The first row names the columns
          </label>
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={empty || s.checking}
          onClick={() => void s.runCheck(true)}
        >
          Check handles (free)
        </button>
      </div>
      {s.checking && <Spinner label="Checking handles…" />}
      {s.check && !s.checking && <CheckResult check={s.check} />}
    </section>
  )
}
