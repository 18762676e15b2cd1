import type { Post } from '../../lib/report-parse'
import { formatCompact, formatDate } from '../../lib/format'

/** Post links are shown as text: the renderer cannot open external pages. */
export function PostList({ title, posts }: { title: string; posts: Post[] }) {
  return (
    <section className="panel">
      <h4>{title}</h4>
      {posts.length === 0 ? (
        <p className="muted">None in this report.</p>
      ) : (
        <ol className="posts">
          {posts.slice(0, 6).map((p) => (
            <li key={p.id}>
              <p className="post-text">
                {p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text || '(no caption)'}
              </p>
              <p className="muted">
                {formatDate(p.created)} · {formatCompact(p.likes)} likes ·{' '}
                {formatCompact(p.comments)} comments
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
