/**
 * The dictionaries the sandbox dataset is drawn from and the Modash emulator serves
 * (`/{p}/locations|languages|interests|brands`). Country ids are OpenStreetMap relation ids, the
 * scheme behind Modash's own location ids (148838 is the United States in both); city, interest
 * and brand ids are made up but stable, since saved searches refer to them.
 */

export interface Country {
  id: number
  code: string
  name: string
  /** Relative share of creators based there. */
  weight: number
  /** Language codes spoken by creators there, with relative weights. */
  languages: readonly (readonly [string, number])[]
}

export interface City {
  id: number
  name: string
  countryCode: string
  state: string | null
}

export interface Location {
  id: number
  name: string
  title: string
  kind: 'country' | 'city'
  countryCode: string
}

export interface Language {
  code: string
  name: string
}

export interface DictionaryItem {
  id: number
  name: string
}

// prettier-ignore
export const COUNTRIES: readonly Country[] = [
  { id: 148838, code: 'US', name: 'United States', weight: 30, languages: [['en', 9], ['es', 1]] },
  { id: 62149, code: 'GB', name: 'United Kingdom', weight: 9, languages: [['en', 1]] },
  { id: 51477, code: 'DE', name: 'Germany', weight: 6, languages: [['de', 8], ['en', 2]] },
  { id: 2202162, code: 'FR', name: 'France', weight: 5, languages: [['fr', 9], ['en', 1]] },
  { id: 59470, code: 'BR', name: 'Brazil', weight: 9, languages: [['pt', 1]] },
  { id: 304716, code: 'IN', name: 'India', weight: 9, languages: [['en', 6], ['hi', 4]] },
  { id: 1311341, code: 'ES', name: 'Spain', weight: 5, languages: [['es', 9], ['en', 1]] },
  { id: 365331, code: 'IT', name: 'Italy', weight: 5, languages: [['it', 9], ['en', 1]] },
  { id: 1428125, code: 'CA', name: 'Canada', weight: 5, languages: [['en', 8], ['fr', 2]] },
  { id: 80500, code: 'AU', name: 'Australia', weight: 4, languages: [['en', 1]] },
  { id: 114686, code: 'MX', name: 'Mexico', weight: 4, languages: [['es', 1]] },
  { id: 2323309, code: 'NL', name: 'Netherlands', weight: 2, languages: [['nl', 7], ['en', 3]] },
  { id: 382313, code: 'JP', name: 'Japan', weight: 2, languages: [['ja', 1]] },
  { id: 49715, code: 'PL', name: 'Poland', weight: 2, languages: [['pl', 1]] },
  { id: 174737, code: 'TR', name: 'Turkey', weight: 2, languages: [['tr', 1]] },
  { id: 304751, code: 'ID', name: 'Indonesia', weight: 3, languages: [['id', 1]] },
]

export const CITIES: readonly City[] = [
  { id: 175905, name: 'New York', countryCode: 'US', state: 'New York' },
  { id: 207359, name: 'Los Angeles', countryCode: 'US', state: 'California' },
  { id: 122604, name: 'Chicago', countryCode: 'US', state: 'Illinois' },
  { id: 113314, name: 'Austin', countryCode: 'US', state: 'Texas' },
  { id: 1216769, name: 'Miami', countryCode: 'US', state: 'Florida' },
  { id: 51800, name: 'London', countryCode: 'GB', state: 'England' },
  { id: 146656, name: 'Manchester', countryCode: 'GB', state: 'England' },
  { id: 62422, name: 'Berlin', countryCode: 'DE', state: 'Berlin' },
  { id: 62428, name: 'Munich', countryCode: 'DE', state: 'Bavaria' },
  { id: 71525, name: 'Paris', countryCode: 'FR', state: 'Île-de-France' },
  { id: 120965, name: 'Lyon', countryCode: 'FR', state: 'Auvergne-Rhône-Alpes' },
  { id: 298285, name: 'São Paulo', countryCode: 'BR', state: 'São Paulo' },
  { id: 2697338, name: 'Rio de Janeiro', countryCode: 'BR', state: 'Rio de Janeiro' },
  { id: 7888990, name: 'Mumbai', countryCode: 'IN', state: 'Maharashtra' },
  { id: 1942586, name: 'Delhi', countryCode: 'IN', state: 'Delhi' },
  { id: 5326784, name: 'Madrid', countryCode: 'ES', state: 'Community of Madrid' },
  { id: 347950, name: 'Barcelona', countryCode: 'ES', state: 'Catalonia' },
  { id: 41485, name: 'Rome', countryCode: 'IT', state: 'Lazio' },
  { id: 44915, name: 'Milan', countryCode: 'IT', state: 'Lombardy' },
  { id: 324211, name: 'Toronto', countryCode: 'CA', state: 'Ontario' },
  { id: 1852574, name: 'Vancouver', countryCode: 'CA', state: 'British Columbia' },
  { id: 5750005, name: 'Sydney', countryCode: 'AU', state: 'New South Wales' },
  { id: 4246124, name: 'Melbourne', countryCode: 'AU', state: 'Victoria' },
  { id: 1376330, name: 'Mexico City', countryCode: 'MX', state: 'Mexico City' },
  { id: 271110, name: 'Amsterdam', countryCode: 'NL', state: 'North Holland' },
  { id: 1543125, name: 'Tokyo', countryCode: 'JP', state: 'Tokyo' },
  { id: 336075, name: 'Warsaw', countryCode: 'PL', state: 'Masovian' },
  { id: 223474, name: 'Istanbul', countryCode: 'TR', state: 'Istanbul' },
  { id: 6362934, name: 'Jakarta', countryCode: 'ID', state: 'Jakarta' },
]

export const LANGUAGES: readonly Language[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Spanish' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'de', name: 'German' },
  { code: 'fr', name: 'French' },
  { code: 'it', name: 'Italian' },
  { code: 'hi', name: 'Hindi' },
  { code: 'nl', name: 'Dutch' },
  { code: 'ja', name: 'Japanese' },
  { code: 'pl', name: 'Polish' },
  { code: 'tr', name: 'Turkish' },
  { code: 'id', name: 'Indonesian' },
  { code: 'ar', name: 'Arabic' },
  { code: 'ru', name: 'Russian' },
  { code: 'ko', name: 'Korean' },
]

export const INTERESTS: readonly DictionaryItem[] = [
  { id: 1, name: 'Television & Film' },
  { id: 3, name: 'Music' },
  { id: 7, name: 'Shopping & Retail' },
  { id: 9, name: 'Coffee, Tea & Beverages' },
  { id: 11, name: 'Camera & Photography' },
  { id: 13, name: 'Beauty & Cosmetics' },
  { id: 19, name: 'Clothes, Shoes, Handbags & Accessories' },
  { id: 21, name: 'Toys, Children & Baby' },
  { id: 25, name: 'Electronics & Computers' },
  { id: 28, name: 'Sports' },
  { id: 30, name: 'Travel, Tourism & Aviation' },
  { id: 33, name: 'Restaurants, Food & Grocery' },
  { id: 36, name: 'Fitness & Yoga' },
  { id: 39, name: 'Pets' },
  { id: 43, name: 'Gaming' },
  { id: 48, name: 'Home Decor, Furniture & Garden' },
  { id: 52, name: 'Healthy Lifestyle' },
  { id: 58, name: 'Jewellery & Watches' },
  { id: 61, name: 'Family' },
  { id: 64, name: 'Business & Careers' },
]

export const BRANDS: readonly DictionaryItem[] = [
  { id: 1708, name: 'Nike' },
  { id: 1711, name: 'Adidas' },
  { id: 2043, name: 'Sephora' },
  { id: 2051, name: "L'Oréal" },
  { id: 2066, name: 'Glossier' },
  { id: 2102, name: 'The Ordinary' },
  { id: 3120, name: 'Gymshark' },
  { id: 3135, name: 'Lululemon' },
  { id: 3150, name: 'MyProtein' },
  { id: 4211, name: 'HelloFresh' },
  { id: 4230, name: 'Starbucks' },
  { id: 4302, name: 'Le Creuset' },
  { id: 5012, name: 'Airbnb' },
  { id: 5033, name: 'GoPro' },
  { id: 5040, name: 'Booking.com' },
  { id: 6101, name: 'Apple' },
  { id: 6120, name: 'Samsung' },
  { id: 6150, name: 'Logitech' },
  { id: 7001, name: 'Razer' },
  { id: 7020, name: 'PlayStation' },
  { id: 7033, name: 'Nintendo' },
  { id: 8004, name: 'Zara' },
  { id: 8010, name: 'H&M' },
  { id: 8025, name: 'Levi’s' },
  { id: 9100, name: 'Pampers' },
  { id: 9110, name: 'LEGO' },
  { id: 9300, name: 'Spotify' },
  { id: 9305, name: 'Fender' },
  { id: 9500, name: 'Chewy' },
  { id: 9510, name: 'Purina' },
]

export function locationsDictionary(): Location[] {
  const countries = COUNTRIES.map((c) => ({
    id: c.id,
    name: c.name,
    title: c.name,
    kind: 'country' as const,
    countryCode: c.code,
  }))
  const cities = CITIES.map((c) => ({
    id: c.id,
    name: c.name,
    title: `${c.name}, ${countryByCode(c.countryCode).name}`,
    kind: 'city' as const,
    countryCode: c.countryCode,
  }))
  return [...countries, ...cities]
}

export function countryByCode(code: string): Country {
  const country = COUNTRIES.find((c) => c.code === code)
  if (country === undefined) throw new RangeError(`unknown country ${code}`)
  return country
}

export function languageName(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.name ?? code
}

export function interestName(id: number): string {
  return INTERESTS.find((i) => i.id === id)?.name ?? `Interest ${id}`
}

export function brandName(id: number): string {
  return BRANDS.find((b) => b.id === id)?.name ?? `Brand ${id}`
}
