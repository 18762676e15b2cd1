import type { ErrorInfo } from '../../../shared/errors'
import { describeError } from '../errors/error-words'
import { useQuotaStore } from '../stores/quota-store'

export function ErrorMessage({ error, onRetry }: { error: ErrorInfo; onRetry?: () => void }) {
  const quota = useQuotaStore((s) => s.quota)
  const words = describeError(error, quota)
  return (
    <div role="alert" className="callout callout-error" data-code={error.code}>
      <strong>{words.title}</strong>
      <p>{words.detail}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
