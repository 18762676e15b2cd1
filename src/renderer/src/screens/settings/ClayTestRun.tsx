import { useEffect, useId, useState } from 'react'
import type { ClayRoutineTest, CreatorSummary } from '../../../../shared/domain'
import type { ErrorInfo } from '../../../../shared/errors'
import { PLATFORMS } from '../../../../shared/platforms'
import { call } from '../../api/call'
import { ErrorMessage } from '../../components/ErrorMessage'
import { remainingLine } from '../../lib/cost-lines'
import { useQuotaStore } from '../../stores/quota-store'
import { selectOffline, useSettingsStore } from '../../stores/settings-store'
import { useUiStore } from '../../stores/ui-store'

const MAX_SAMPLES = 30

/**
 * Creators already in the cache (free to list, offline too), best first for a test: a report
 * (Clay gets the most to work from) and no email yet (whatever is found is worth keeping).
 */
async function cachedSamples(): Promise<CreatorSummary[]> {
  const pages = await Promise.all(
    PLATFORMS.map((platform) =>
      call('creators:search', { platform, filters: {}, page: 0, cacheOnly: true }),
    ),
  )
  const creators = pages.flatMap((page) => (page.ok ? page.data.creators : []))
  const score = (c: CreatorSummary) => (c.hasDetailedProfile ? 0 : 2) + (c.emailFound ? 1 : 0)
  return creators.sort((a, b) => score(a) - score(b)).slice(0, MAX_SAMPLES)
}

const who = (c: CreatorSummary) =>
  `${c.handle ? `@${c.handle}` : (c.fullName ?? `creator ${c.id}`)} (${c.platform})`

/**
 * "Test run on a sample creator": one real Clay run (one email lookup, confirmed first), whose
 * result columns are listed as buttons; clicking one makes it the email column.
 */
export function ClayTestRun({
  emailPath,
  beforeRun,
  onPick,
}: {
  emailPath: string
  /** Saves the form first, so the run uses what the user sees; false stops the run. */
  beforeRun: () => Promise<boolean>
  onPick: (path: string) => void
}) {
  const offline = useSettingsStore(selectOffline)
  const askConfirm = useUiStore((s) => s.askConfirm)
  const announce = useUiStore((s) => s.announce)
  const [samples, setSamples] = useState<CreatorSummary[] | null>(null)
  const [chosen, setChosen] = useState<number | null>(null)
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<ClayRoutineTest | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const keysId = useId()

  useEffect(() => {
    let live = true
    void cachedSamples().then((found) => {
      if (!live) return
      setSamples(found)
      setChosen(found[0]?.id ?? null)
    })
    return () => {
      live = false
    }
  }, [])

  async function run() {
    const sample = samples?.find((c) => c.id === chosen)
    if (!sample || running) return
    if (offline) return announce('Offline mode is on: a test run buys a Clay lookup.')
    await useQuotaStore.getState().refresh()
    const ok = await askConfirm({
      title: `Run the Clay routine on ${who(sample)}?`,
      lines: [
        'Cost: 1 email lookup (a real Clay run). An email it finds is kept for this creator.',
        remainingLine(useQuotaStore.getState().quota, 'enrichment'),
      ],
      confirmLabel: 'Run test (1 lookup)',
    })
    if (!ok || !(await beforeRun())) return
    setRunning(true)
    setError(null)
    const res = await call('clay:test-routine', { creatorId: sample.id })
    void useQuotaStore.getState().refresh()
    setRunning(false)
    if (!res.ok) return setError(res.error)
    setResult(res.data)
    announce(
      res.data.resultKeys.length > 0
        ? `Test run done: ${res.data.resultKeys.length} result columns.`
        : 'Test run done.',
    )
  }

  return (
    <div className="clay-test">
      <h3>Test run on a sample creator</h3>
      {samples !== null && samples.length === 0 ? (
        <p className="hint">
          Search for creators first: the test runs on one you have already found.
        </p>
      ) : (
        <div className="row">
          <label>
            Sample creator
            <select
              value={chosen ?? ''}
              disabled={samples === null}
              onChange={(e) => setChosen(Number(e.target.value))}
            >
              {(samples ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {who(c)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={chosen === null || running || offline}
            onClick={() => void run()}
          >
            {running ? 'Running…' : 'Test run on a sample creator'}
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {result && (
        <div role="status">
          {result.problem && <p className="callout callout-warn">{result.problem}</p>}
          {result.email && (
            <p>
              Email found: <strong className="selectable">{result.email}</strong> (kept for this
              creator).
            </p>
          )}
          {!result.email && !result.problem && result.resultKeys.length > 0 && (
            <p>No email for this creator in “{emailPath}”.</p>
          )}
          {result.resultKeys.length > 0 && (
            <>
              <p id={keysId}>The routine returned these columns; pick the one with the email:</p>
              <ul className="chips" aria-labelledby={keysId}>
                {result.resultKeys.map((key) => (
                  <li key={key}>
                    <button
                      type="button"
                      aria-pressed={key === emailPath}
                      onClick={() => onPick(key)}
                    >
                      {key}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  )
}
