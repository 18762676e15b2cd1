import type { ReactNode } from 'react'
import { useState } from 'react'
import type { CreatorReport, ReportAudience, ReportTrend } from '../../../../shared/creator-report'
import type { CreatorSummary } from '../../../../shared/domain'
import { safeText } from '../../../../shared/safe-text'
import { AgeGenderChart } from '../../components/charts/AgeGenderChart'
import { HistoryChart } from '../../components/charts/HistoryChart'
import { ShareChart } from '../../components/charts/ShareChart'
import { formatCompact, formatInt, formatPercent } from '../../lib/format'
import { PostList } from './PostList'

/** Below 75 % real followers Modash itself calls a warning sign. */
const CREDIBILITY_WARNING = 0.75

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="report-section" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} tabIndex={-1}>
        {title}
      </h4>
      {children}
    </section>
  )
}

function Stat({ label, children, warn }: { label: string; children: ReactNode; warn?: boolean }) {
  return (
    <div className={warn ? 'stat-warn' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** "+4.2 % since last month" / "−1.3 %": the sign and the words, never colour alone. */
function Change({ trend }: { trend: ReportTrend }) {
  if (trend.change === null || trend.change === 0) return null
  const up = trend.change > 0
  return (
    <span className={`trend ${up ? 'trend-up' : 'trend-down'}`}>
      {' '}
      {up ? '+' : '−'}
      {formatPercent(Math.abs(trend.change))} in a month
    </span>
  )
}

export function OverviewSection({
  report: r,
  creator,
}: {
  report: CreatorReport
  creator: CreatorSummary
}) {
  const credibility = r.audience?.credibility ?? null
  const lowCred = credibility !== null && credibility < CREDIBILITY_WARNING
  return (
    <Section id="report-overview" title="Overview">
      <dl className="stats">
        <Stat label="Followers">
          {formatCompact(r.followers ?? creator.followers)}
          <Change trend={r.trends.followers} />
        </Stat>
        <Stat label="Engagement rate">
          {formatPercent(r.engagementRate ?? creator.engagementRate, 2)}
        </Stat>
        <Stat label="Avg likes / comments">
          {formatCompact(r.avgLikes)} / {formatCompact(r.avgComments)}
          <Change trend={r.trends.avgLikes} />
        </Stat>
        {r.avgViews !== null && (
          <Stat label="Avg views">
            {formatCompact(r.avgViews)}
            <Change trend={r.trends.avgViews} />
          </Stat>
        )}
        {r.avgReelsPlays !== null && (
          <Stat label="Avg reels plays">{formatCompact(r.avgReelsPlays)}</Stat>
        )}
        {r.postsCount !== null && <Stat label="Posts">{formatInt(r.postsCount)}</Stat>}
        {r.totalViews !== null && <Stat label="Total views">{formatCompact(r.totalViews)}</Stat>}
        <Stat label="Audience credibility" warn={lowCred}>
          {formatPercent(credibility, 0)}
          {lowCred && <span className="badge badge-warn"> low</span>}
        </Stat>
        {r.audience?.notable != null && (
          <Stat label="Notable followers">{formatPercent(r.audience.notable, 0)}</Stat>
        )}
        <Stat label="Account type">{r.accountType ?? '—'}</Stat>
        <Stat label="Verified">{r.isVerified === null ? '—' : r.isVerified ? 'Yes' : 'No'}</Stat>
      </dl>
    </Section>
  )
}

export function AboutSection({ report: r }: { report: CreatorReport }) {
  const place = [r.city, r.state, r.country].filter((p): p is string => p !== null)
  return (
    <Section id="report-about" title="About">
      {r.bio ? (
        <p className="bio">{safeText(r.bio)}</p>
      ) : (
        <p className="muted">No bio in this report.</p>
      )}
      <dl className="stats">
        <Stat label="Location">{place.length > 0 ? safeText(place.join(', ')) : 'Unknown'}</Stat>
        <Stat label="Language">{r.language ? (r.language.name ?? r.language.code) : '—'}</Stat>
        <Stat label="Gender">{r.gender ?? '—'}</Stat>
        <Stat label="Age">{r.ageGroup ?? '—'}</Stat>
      </dl>
      <h5>Contacts</h5>
      {r.contacts.length === 0 ? (
        <p className="muted">No contacts in this report.</p>
      ) : (
        <ul className="contacts">
          {r.contacts.map((c) => (
            <li key={`${c.type}:${c.value}`}>
              <span className="muted">{c.type}:</span>{' '}
              <span className="selectable">{safeText(c.value)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  )
}

export function GrowthSection({ report: r }: { report: CreatorReport }) {
  const views = r.history.some((m) => m.avgViews !== null)
  return (
    <Section id="report-growth" title="Growth">
      <HistoryChart
        title="Followers by month"
        yLabel="Followers"
        unit="followers"
        points={r.history.map((m) => ({ month: m.month, value: m.followers }))}
      />
      <HistoryChart
        title="Engagement by month (average likes per post)"
        yLabel="Average likes"
        unit="likes per post"
        points={r.history.map((m) => ({ month: m.month, value: m.avgLikes }))}
      />
      {views && (
        <HistoryChart
          title="Average views by month"
          yLabel="Average views"
          unit="views per post"
          points={r.history.map((m) => ({ month: m.month, value: m.avgViews }))}
        />
      )}
    </Section>
  )
}

export function AudienceSection({ report: r }: { report: CreatorReport }) {
  const [who, setWho] = useState<'followers' | 'likers'>('followers')
  const audience = who === 'likers' && r.audienceLikers ? r.audienceLikers : r.audience
  return (
    <Section id="report-audience" title="Audience">
      {r.audienceLikers && r.audience && (
        <div role="radiogroup" aria-label="Audience shown" className="row">
          {(['followers', 'likers'] as const).map((w) => (
            <label key={w} className="check">
              <input
                type="radio"
                name="audience-shown"
                checked={who === w}
                onChange={() => setWho(w)}
              />
              {w === 'followers' ? 'Followers' : 'People who liked recent posts'}
            </label>
          ))}
        </div>
      )}
      {audience ? (
        <AudienceCharts audience={audience} of={who === 'likers' ? 'likers' : 'followers'} />
      ) : (
        <p className="muted">This report has no audience data.</p>
      )}
    </Section>
  )
}

function AudienceCharts({ audience: a, of }: { audience: ReportAudience; of: string }) {
  const axis = `Share of ${of}`
  return (
    <div className="audience-charts">
      <ShareChart title="Countries" shares={a.countries} axisLabel={axis} />
      <ShareChart title="Cities" shares={a.cities} axisLabel={axis} />
      <AgeGenderChart ages={a.ages} byGender={a.gendersPerAge} />
      <ShareChart title="Gender" shares={a.genders} axisLabel={axis} />
      <ShareChart title="Languages" shares={a.languages} axisLabel={axis} />
      <ShareChart title="Interests" shares={a.interests} axisLabel={axis} />
      {a.brandAffinity.length > 0 && (
        <ShareChart title="Brand affinity" shares={a.brandAffinity} axisLabel={axis} />
      )}
      {a.ethnicities.length > 0 && (
        <ShareChart title="Ethnicity" shares={a.ethnicities} axisLabel={axis} />
      )}
      <ShareChart title="Who they are" shares={a.types} axisLabel={axis} keepOrder />
      <ShareChart
        title="Reachability (how many accounts they follow)"
        shares={a.reachability}
        axisLabel={axis}
        keepOrder
      />
    </div>
  )
}

function Chips({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>
  return (
    <ul className="tag-chips">
      {items.map((item) => (
        <li key={item} className="tag-chip">
          {safeText(item)}
        </li>
      ))}
    </ul>
  )
}

export function ContentSection({ report: r }: { report: CreatorReport }) {
  return (
    <Section id="report-content" title="Content">
      <h5>Creator interests</h5>
      <Chips items={r.interests} empty="None in this report." />
      <h5>Brand affinity</h5>
      <Chips items={r.brandAffinity} empty="None in this report." />
      <h5>Hashtags</h5>
      <Chips items={r.hashtags.map((h) => `#${h.tag}`)} empty="None in this report." />
      <h5>Mentions</h5>
      <Chips items={r.mentions.map((h) => `@${h.tag}`)} empty="None in this report." />
      {r.byContentType.length > 0 && (
        <table className="table compact">
          <caption>Performance by content type</caption>
          <thead>
            <tr>
              <th scope="col">Content</th>
              <th scope="col">Eng. rate</th>
              <th scope="col">Avg likes</th>
              <th scope="col">Avg comments</th>
              <th scope="col">Avg views</th>
            </tr>
          </thead>
          <tbody>
            {r.byContentType.map((s) => (
              <tr key={s.kind}>
                <th scope="row">{s.label}</th>
                <td className="col-num">{formatPercent(s.engagementRate, 2)}</td>
                <td className="col-num">{formatCompact(s.avgLikes)}</td>
                <td className="col-num">{formatCompact(s.avgComments)}</td>
                <td className="col-num">{formatCompact(s.avgViews)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  )
}

/** "1.4× the likes of other posts". */
function ratioWords(ratio: number | null, what: string): string {
  if (ratio === null) return '—'
  return `${ratio.toFixed(2)}× the ${what} of other posts`
}

export function SponsoredSection({ report: r }: { report: CreatorReport }) {
  const s = r.sponsored
  return (
    <Section id="report-sponsored" title="Sponsored posts">
      <dl className="stats">
        <Stat label="Sponsored posts in the report">{formatInt(r.sponsoredPosts.length)}</Stat>
        <Stat label="Likes on sponsored posts">{ratioWords(s.likesRatio, 'likes')}</Stat>
        {s.viewsRatio !== null && (
          <Stat label="Views on sponsored posts">{ratioWords(s.viewsRatio, 'views')}</Stat>
        )}
        <Stat label="Median likes, sponsored / other">
          {formatCompact(s.sponsoredMedianLikes)} / {formatCompact(s.organicMedianLikes)}
        </Stat>
        {(s.sponsoredMedianViews !== null || s.organicMedianViews !== null) && (
          <Stat label="Median views, sponsored / other">
            {formatCompact(s.sponsoredMedianViews)} / {formatCompact(s.organicMedianViews)}
          </Stat>
        )}
      </dl>
      {r.sponsoredPosts.length > 0 && (
        <PostList title="Latest sponsored posts" posts={r.sponsoredPosts} limit={4} />
      )}
    </Section>
  )
}

export function PostsSection({ report: r }: { report: CreatorReport }) {
  return (
    <Section id="report-posts" title="Posts">
      <PostList title="Recent posts" posts={r.recentPosts} />
      <PostList title="Popular posts" posts={r.popularPosts} />
    </Section>
  )
}

export function LookalikesSection({ report: r }: { report: CreatorReport }) {
  return (
    <Section id="report-lookalikes" title="Lookalikes">
      {r.lookalikes.length === 0 ? (
        <p className="muted">None in this report.</p>
      ) : (
        <ul className="lookalikes">
          {r.lookalikes.map((l) => (
            <li key={l.providerId}>
              <strong>{l.handle ? `@${safeText(l.handle)}` : `#${l.providerId}`}</strong>
              {l.fullName && <span> {safeText(l.fullName)}</span>}
              <span className="muted">
                {' '}
                · {formatCompact(l.followers)} followers · {formatPercent(l.engagementRate, 2)} ER
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        Search for a lookalike by handle to see its profile; that search costs like any other.
      </p>
    </Section>
  )
}
