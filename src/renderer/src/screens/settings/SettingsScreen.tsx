import { ErrorMessage } from '../../components/ErrorMessage'
import { Spinner } from '../../components/Spinner'
import { useSettingsStore } from '../../stores/settings-store'
import { ClaySection } from './ClaySection'
import { DataSection } from './DataSection'
import { KeysSection } from './KeysSection'
import { LimitsSection } from './LimitsSection'
import { ProfileSection } from './ProfileSection'
import { TeamSection } from './TeamSection'

export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings)
  const error = useSettingsStore((s) => s.error)
  return (
    <div className="settings-screen">
      <h1>Settings</h1>
      {error && <ErrorMessage error={error} />}
      {settings && <ProfileSection key={settings.userId} settings={settings} />}
      <KeysSection />
      <TeamSection />
      {settings ? (
        <LimitsSection
          key={JSON.stringify([
            settings.limits,
            settings.billingCycleDay,
            settings.reportMaxAgeDays,
          ])}
          settings={settings}
        />
      ) : (
        !error && <Spinner label="Loading settings…" />
      )}
      {/* Not keyed by the mapping: a test run's result stays on screen after a save. */}
      {settings && <ClaySection settings={settings} />}
      <DataSection />
    </div>
  )
}
