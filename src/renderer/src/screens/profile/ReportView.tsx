import type { CreatorDetail } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { formatAge, formatDate } from '../../lib/format'
import { REPORT_SECTION_ID } from './ReportButton'
import {
  AboutSection,
  AudienceSection,
  ContentSection,
  GrowthSection,
  LookalikesSection,
  OverviewSection,
  PostsSection,
  SponsoredSection,
} from './ReportSections'

/** Every section the bought report holds, from the typed report main built (`CreatorReport`). */
export function ReportView({ detail }: { detail: CreatorDetail }) {
  const report = detail.report
  if (!report) {
    return (
      <section id={REPORT_SECTION_ID} className="panel">
        <p className="muted">The stored report could not be read.</p>
      </section>
    )
  }
  const name = safeText(report.fullName ?? detail.creator.fullName)
  return (
    <section id={REPORT_SECTION_ID} className="report" aria-labelledby="report-heading">
      <h3 id="report-heading">Detailed report</h3>
      <p className="muted" data-testid="report-age">
        Data from {formatDate(detail.reportFetchedAt)} ({formatAge(detail.reportAgeDays)})
        {name ? ` · ${name}` : ''}
      </p>
      <nav className="report-toc" aria-label="Report sections">
        {/* Buttons, not links: jumping within the drawer must never navigate the window. */}
        {SECTIONS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className="link"
            onClick={() => {
              const section = document.getElementById(id)
              section?.scrollIntoView?.({ block: 'start' })
              section?.querySelector<HTMLElement>('h4')?.focus()
            }}
          >
            {label}
          </button>
        ))}
      </nav>
      <OverviewSection report={report} creator={detail.creator} />
      <AboutSection report={report} />
      <GrowthSection report={report} />
      <AudienceSection report={report} />
      <ContentSection report={report} />
      <SponsoredSection report={report} />
      <PostsSection report={report} />
      <LookalikesSection report={report} />
    </section>
  )
}

export const SECTIONS: [string, string][] = [
  ['report-overview', 'Overview'],
  ['report-about', 'About'],
  ['report-growth', 'Growth'],
  ['report-audience', 'Audience'],
  ['report-content', 'Content'],
  ['report-sponsored', 'Sponsored'],
  ['report-posts', 'Posts'],
  ['report-lookalikes', 'Lookalikes'],
]
