import type { ReportPost } from '../../../../shared/creator-report'
import { safeText } from '../../../../shared/safe-text'
import { formatCompact, formatDate } from '../../lib/format'

/** Post links are shown as text: the renderer cannot open external pages. */
export function PostList({
  title,
  posts,
  limit = 6,
}: {
  title: string
  posts: ReportPost[]
  limit?: number
}) {
  return (
    <section className="panel" aria-label={title}>
      <h4>{title}</h4>
      {posts.length === 0 ? (
        <p className="muted">None in this report.</p>
      ) : (
        <ol className="posts">
          {posts.slice(0, limit).map((p) => (
            <li key={p.id}>
              <p className="post-text">{caption(p.text)}</p>
              <p className="muted">
                {formatDate(p.created)} · {formatCompact(p.likes)} likes ·{' '}
                {formatCompact(p.comments)} comments
                {p.views !== null && <> · {formatCompact(p.views)} views</>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function caption(raw: string): string {
  const text = safeText(raw)
  return text.length > 160 ? `${text.slice(0, 160)}…` : text || '(no caption)'
}
