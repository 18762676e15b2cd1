import type { Kysely } from 'kysely'
import type { ClayMapping, Settings } from '../../shared/domain'
import type { SettingsPatch } from '../../shared/ipc-contract'
import type { Database } from '../db/schema'
import { defaultClayMapping } from './clay-mapping'

export const DEFAULT_LIMITS = { discovery: 140_000, report: 1_400, enrichment: null } as const

export function defaultSettings(
  userId: string,
  sandbox: boolean,
  clayMapping: ClayMapping = defaultClayMapping(sandbox),
): Settings {
  return {
    userId,
    billingCycleDay: 1,
    limits: { ...DEFAULT_LIMITS },
    offline: false,
    sandbox,
    reportMaxAgeDays: 30,
    clayMapping: structuredClone(clayMapping),
    currentClient: null,
  }
}

/**
 * Settings live in the database beside the cache they govern, one JSON row. Reads are frequent
 * (every paid call checks limits), so the parsed value is kept in memory and written through.
 */
export class SettingsStore {
  private cached: Settings | null = null

  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaults: Settings,
  ) {}

  /** `executor`: a transaction in progress, when called from inside one (one connection). */
  async get(executor: Kysely<Database> = this.db): Promise<Settings> {
    if (this.cached) return this.cached
    const row = await executor
      .selectFrom('settings')
      .select('value_json')
      .where('key', '=', 'app')
      .executeTakeFirst()
    const stored = row ? (JSON.parse(row.value_json) as Partial<Settings>) : {}
    // The sandbox flag belongs to how this run was started, never to what was stored.
    this.cached = {
      ...this.defaults,
      ...stored,
      limits: { ...this.defaults.limits, ...stored.limits },
      clayMapping: mergeClayMapping(this.defaults.clayMapping, stored.clayMapping),
      sandbox: this.defaults.sandbox,
    }
    return this.cached
  }

  async set(patch: SettingsPatch): Promise<Settings> {
    const current = await this.get()
    const next: Settings = {
      ...current,
      ...withoutUndefined(patch),
      limits: { ...current.limits, ...withoutUndefined(patch.limits ?? {}) },
      clayMapping: mergeClayMapping(current.clayMapping, patch.clayMapping),
    }
    const { sandbox: _sandbox, ...persisted } = next
    await this.db
      .insertInto('settings')
      .values({ key: 'app', value_json: JSON.stringify(persisted) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(persisted) }))
      .execute()
    this.cached = next
    return next
  }
}

/** Only the fields given change (null unmaps one); a stored mapping from an older version fills in. */
function mergeClayMapping(
  base: ClayMapping,
  patch: { inputs?: Partial<ClayMapping['inputs']>; emailPath?: string | null } | undefined,
): ClayMapping {
  return {
    inputs: { ...base.inputs, ...withoutUndefined(patch?.inputs ?? {}) },
    emailPath: patch?.emailPath === undefined ? base.emailPath : patch.emailPath,
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
