import type { Channel } from '../../../src/shared/ipc-contract'

/**
 * One valid input per channel, with every optional field filled in, written from the contract's
 * meaning rather than read from its schemas: the fuzzer breaks these in ways the contract must
 * refuse, so a schema that got looser (a strict object made loose, a bound dropped) is caught.
 * Ids point at rows that exist, so an input that slipped through would do real work.
 */
export const SAMPLES: Record<Channel, Record<string, unknown>> = {
  'creators:search': {
    platform: 'instagram',
    filters: {
      influencer: {
        followers: { min: 1000, max: 900_000 },
        bio: 'vegan',
        relevance: ['#food'],
        location: [148838],
      },
      audience: { gender: { id: 'FEMALE', weight: 0.5 } },
      sort: { field: 'followers', direction: 'desc' },
      calculationMethod: 'median',
    },
    page: 0,
    cacheOnly: true,
  },
  'creators:get': { creatorId: 1 },
  'creators:select': { creatorId: 1, refresh: true },
  'creators:enrich': { creatorId: 1 },
  'creators:abandon-lookup': { creatorId: 1 },
  'creators:picture': { creatorId: 1 },
  'dictionaries:search': { platform: 'instagram', kind: 'languages', query: 'en' },
  'usage:quota': {},
  'usage:stats': {},
  'usage:reconcile': {},
  'usage:confirm-clock': {},
  'usage:log': { page: 0, pageSize: 10, provider: 'modash', action: 'search', outcome: 'ok' },
  'lists:list': {},
  'lists:create': { name: 'Shortlist' },
  'lists:rename': { listId: 1, name: 'Renamed' },
  'lists:delete': { listId: 1 },
  'lists:members': { listId: 1 },
  'lists:add': { listId: 1, creatorIds: [1, 2] },
  'lists:remove': { listId: 1, creatorIds: [1] },
  'lists:update-member': {
    listId: 1,
    creatorId: 1,
    notes: 'call on Monday',
    tags: ['food'],
    status: 'contacted',
  },
  'export:csv': { listId: 1, bom: true },
  'keys:status': {},
  'keys:set': { key: 'modash', value: 'a-new-key' },
  'keys:clear': { key: 'modash' },
  'keys:test': { key: 'modash' },
  'settings:get': {},
  'settings:set': {
    userId: 'me',
    billingCycleDay: 3,
    limits: { discovery: 100, report: 10, enrichment: 5 },
    offline: true,
    reportMaxAgeDays: 10,
    clayMapping: {
      // `platform` is left out: OUT_OF_RANGE goes by field name, and its values for the
      // platform enum ('myspace') are fine column names.
      inputs: {
        fullName: 'Full Name',
        handle: 'Instagram Handle',
        profileUrl: 'Profile URL',
        companyDomain: 'Domain',
      },
      emailPath: 'Enrich person.email',
    },
  },
  'cache:clear': { confirm: true },
  'clay:test-routine': { creatorId: 1 },
  'app:info': {},
  'app:set-mode': { mode: 'sandbox' },
  'db:status': {},
  'db:recover': {},
  'db:restore-backup': { name: 'creator-desk-2026-11-20.sqlite' },
}

/** Top-level keys without which an input means nothing. */
export const REQUIRED: Partial<Record<Channel, readonly string[]>> = {
  'creators:search': ['platform', 'filters', 'page'],
  'creators:get': ['creatorId'],
  'creators:select': ['creatorId'],
  'creators:enrich': ['creatorId'],
  'creators:abandon-lookup': ['creatorId'],
  'creators:picture': ['creatorId'],
  'dictionaries:search': ['platform', 'kind', 'query'],
  'usage:log': ['page', 'pageSize'],
  'lists:create': ['name'],
  'lists:rename': ['listId', 'name'],
  'lists:delete': ['listId'],
  'lists:members': ['listId'],
  'lists:add': ['listId', 'creatorIds'],
  'lists:remove': ['listId', 'creatorIds'],
  'lists:update-member': ['listId', 'creatorId'],
  'export:csv': ['listId'],
  'keys:set': ['key', 'value'],
  'keys:clear': ['key'],
  'keys:test': ['key'],
  'cache:clear': ['confirm'],
  'clay:test-routine': ['creatorId'],
  'app:set-mode': ['mode'],
  'db:restore-backup': ['name'],
}

/**
 * Values each named field must refuse, beyond the wrong type: ids are positive safe integers,
 * pages and sizes have bounds, and the rest of the contract's ranges.
 */
export const OUT_OF_RANGE: Record<string, readonly unknown[]> = {
  creatorId: [0, -1, 1.5, 2 ** 53],
  listId: [0, -7, 2.25, 2 ** 60],
  creatorIds: [[], [0], [-1], [1.5]],
  page: [-1, 0.5, 1_000_001],
  pageSize: [0, 501, 2.5],
  billingCycleDay: [0, 29, 1.5],
  reportMaxAgeDays: [0, 366],
  discovery: [-1, 100_000_001, 0.5],
  report: [-1, 1_000_001],
  enrichment: [-1, 10_000_001],
  min: [-1, 0.5, 1_000_000_001],
  max: [-1, 1_000_000_001],
  weight: [0, 1.01, -0.5],
  location: [[], [0], [-3]],
  relevance: [[], ['no-prefix'], ['#has space']],
  tags: [[''], ['   ']],
  name: ['', '   '],
  value: ['', '   '],
  confirm: [false, 'true', 1],
  platform: ['myspace', 'Instagram', ''],
  kind: ['cities'],
  key: ['aws', 'MODASH'],
  mode: ['production'],
  status: ['archived'],
  field: ['popularity'],
  direction: ['up'],
  calculationMethod: ['mean'],
}
