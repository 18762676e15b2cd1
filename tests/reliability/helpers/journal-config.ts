import type { ChannelInput } from '../../../src/shared/ipc-contract'

/** What the journal crash test and the process it kills agree on. */
export interface JournalChildConfig {
  dataDir: string
  modashBaseUrl: string
  modashToken: string
  now: string
  search: ChannelInput<'creators:search'>
}
