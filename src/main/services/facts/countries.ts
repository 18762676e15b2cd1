/**
 * A small built-in table of countries, so places resolve with no network: ISO 3166-1 alpha-2
 * code, English name, other names Modash titles may use. `id` is the Modash location id where
 * it is known for certain; Modash's location ids are OpenStreetMap relation ids (148838 is the
 * United States in both), and only those checked are listed: a wrong id here would make the
 * offline answer claim matches it cannot prove. Countries without an id still resolve a Modash
 * title ("London, United Kingdom") to a country code once the place was looked up online.
 */
export interface BuiltInCountry {
  code: string
  name: string
  id: number | null
  aliases: readonly string[]
}

const WITH_IDS: readonly (readonly [string, number])[] = [
  ['US', 148838],
  ['GB', 62149],
  ['DE', 51477],
  ['FR', 2202162],
  ['BR', 59470],
  ['IN', 304716],
  ['ES', 1311341],
  ['IT', 365331],
  ['CA', 1428125],
  ['AU', 80500],
  ['MX', 114686],
  ['NL', 2323309],
  ['JP', 382313],
  ['PL', 49715],
  ['TR', 174737],
  ['ID', 304751],
]

// prettier-ignore
const NAMES = `AD Andorra|AE United Arab Emirates;UAE|AF Afghanistan|AG Antigua and Barbuda|AL Albania
AM Armenia|AO Angola|AR Argentina|AT Austria|AU Australia|AZ Azerbaijan|BA Bosnia and Herzegovina
BB Barbados|BD Bangladesh|BE Belgium|BG Bulgaria|BH Bahrain|BO Bolivia|BR Brazil|BS Bahamas
BY Belarus|BZ Belize|CA Canada|CH Switzerland|CL Chile|CM Cameroon|CN China|CO Colombia
CR Costa Rica|CU Cuba|CY Cyprus|CZ Czechia;Czech Republic|DE Germany|DK Denmark
DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt|ES Spain|ET Ethiopia|FI Finland
FJ Fiji|FR France|GB United Kingdom;UK;Great Britain|GE Georgia|GH Ghana|GR Greece|GT Guatemala
HK Hong Kong|HN Honduras|HR Croatia|HU Hungary|ID Indonesia|IE Ireland|IL Israel|IN India|IQ Iraq
IR Iran|IS Iceland|IT Italy|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KH Cambodia
KR South Korea;Korea;Republic of Korea|KW Kuwait|KZ Kazakhstan|LB Lebanon|LK Sri Lanka
LT Lithuania|LU Luxembourg|LV Latvia|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|MK North Macedonia
MN Mongolia|MT Malta|MU Mauritius|MV Maldives|MX Mexico|MY Malaysia|NG Nigeria|NI Nicaragua
NL Netherlands;The Netherlands|NO Norway|NP Nepal|NZ New Zealand|OM Oman|PA Panama|PE Peru
PH Philippines|PK Pakistan|PL Poland|PR Puerto Rico|PT Portugal|PY Paraguay|QA Qatar|RO Romania
RS Serbia|RU Russia;Russian Federation|SA Saudi Arabia|SE Sweden|SG Singapore|SI Slovenia
SK Slovakia|SN Senegal|SV El Salvador|TH Thailand|TN Tunisia|TR Turkey;Türkiye|TT Trinidad and Tobago
TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda|US United States;United States of America;USA
UY Uruguay|UZ Uzbekistan|VE Venezuela|VN Vietnam;Viet Nam|ZA South Africa|ZM Zambia|ZW Zimbabwe`

const IDS = new Map(WITH_IDS)

export const BUILT_IN_COUNTRIES: readonly BuiltInCountry[] = NAMES.split(/[|\n]/).map((entry) => {
  const [code = '', rest = ''] = [entry.trim().slice(0, 2), entry.trim().slice(3)]
  const [name = '', ...aliases] = rest.split(';')
  return { code, name, id: IDS.get(code) ?? null, aliases }
})

const BY_NAME = new Map<string, BuiltInCountry>()
for (const c of BUILT_IN_COUNTRIES)
  for (const n of [c.name, ...c.aliases]) BY_NAME.set(n.toLowerCase(), c)
const BY_ID = new Map(
  BUILT_IN_COUNTRIES.filter((c) => c.id !== null).map((c) => [c.id as number, c]),
)

/** The country a name (or a Modash title's last part) names, if the table knows it. */
export function countryByName(name: string): BuiltInCountry | undefined {
  return BY_NAME.get(name.trim().toLowerCase())
}

export function countryById(id: number): BuiltInCountry | undefined {
  return BY_ID.get(id)
}
