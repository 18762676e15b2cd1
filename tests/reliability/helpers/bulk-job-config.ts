/** What the bulk job crash test and the process it kills agree on. */
export interface BulkJobChildConfig {
  dataDir: string
  modashBaseUrl: string
  modashToken: string
  clayBaseUrl: string
  clayKey: string
  routine: string
  now: string
  /** How many creators the job buys a report and an email for. */
  creators: number
  /**
   * Kill the process itself right after this report's paid answer arrived, while another
   * connection holds the database's write lock so the answer cannot be stored: the narrowest
   * window. Null: keep running until the test kills the process.
   */
  lockAfterReport: number | null
}
