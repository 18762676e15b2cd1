import type { CreatorDetail } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { LineChart } from '../../components/charts/LineChart'
import { ShareBars } from '../../components/charts/ShareBars'
import { formatAge, formatCompact, formatDate, formatPercent } from '../../lib/format'
import { parseReport } from '../../lib/report-parse'
import { PostList } from './PostList'
import { REPORT_SECTION_ID } from './ReportButton'

/** Below 75 % real followers Modash itself calls a warning sign. */
const CREDIBILITY_WARNING = 0.75

export function ReportView({ detail }: { detail: CreatorDetail }) {
  const report = parseReport(detail.report)
  if (!report) {
    return (
      <section id={REPORT_SECTION_ID} className="panel">
        <p className="muted">The stored report could not be read.</p>
      </section>
    )
  }
  const lowCred = report.credibility !== null && report.credibility < CREDIBILITY_WARNING
  return (
    <section id={REPORT_SECTION_ID} className="report" aria-labelledby="report-heading">
      <h3 id="report-heading">Detailed report</h3>
      <p className="muted" data-testid="report-age">
        Data from {formatDate(detail.reportFetchedAt)} ({formatAge(detail.reportAgeDays)})
      </p>
      <dl className="stats">
        <div>
          <dt>Followers</dt>
          <dd>{formatCompact(report.followers ?? detail.creator.followers)}</dd>
        </div>
        <div>
          <dt>Engagement rate</dt>
          <dd>{formatPercent(report.engagementRate ?? detail.creator.engagementRate, 2)}</dd>
        </div>
        <div>
          <dt>Avg likes / comments</dt>
          <dd>
            {formatCompact(report.avgLikes)} / {formatCompact(report.avgComments)}
          </dd>
        </div>
        <div className={lowCred ? 'stat-warn' : ''}>
          <dt>Audience credibility</dt>
          <dd>
            {formatPercent(report.credibility, 0)}
            {lowCred && <span className="badge badge-warn"> low</span>}
          </dd>
        </div>
      </dl>
      {report.bio && <p className="bio">{safeText(report.bio)}</p>}
      <div className="charts">
        <ShareBars title="Audience countries" shares={report.countries} />
        <ShareBars title="Audience ages" shares={report.ages} />
        <ShareBars title="Audience genders" shares={report.genders} />
      </div>
      <LineChart
        title="Followers over time"
        points={report.history.map((h) => ({ label: h.month, value: h.followers }))}
      />
      <section className="panel">
        <h4>Contacts</h4>
        {report.contacts.length === 0 ? (
          <p className="muted">No contacts in this report.</p>
        ) : (
          <ul>
            {report.contacts.map((c) => (
              <li key={`${c.type}:${c.value}`}>
                <span className="muted">{c.type}:</span>{' '}
                <span className="selectable">{c.value}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PostList title="Recent posts" posts={report.recentPosts} />
      <PostList title="Popular posts" posts={report.popularPosts} />
    </section>
  )
}
