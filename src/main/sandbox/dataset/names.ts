/** Name lists for synthetic creators; ASCII so handles derive from names without transliteration. */

// prettier-ignore
export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Jane', 'Emma', 'Olivia', 'Sophia', 'Mia', 'Chloe', 'Lucia', 'Camila', 'Isabella', 'Ava',
  'Hannah', 'Lea', 'Julia', 'Sara', 'Nina', 'Priya', 'Ananya', 'Yuki', 'Aiko', 'Zeynep',
  'Maja', 'Ines', 'Clara', 'Giulia', 'Martina', 'Beatriz', 'Larissa', 'Grace', 'Amelia', 'Zoe',
  'Ella', 'Lily', 'Nora', 'Emily', 'Ruby', 'Freya', 'Alice', 'Manon', 'Elif', 'Dewi',
]

// prettier-ignore
export const MALE_FIRST_NAMES: readonly string[] = [
  'Liam', 'Noah', 'Lucas', 'Leon', 'Mateo', 'Hugo', 'Luca', 'Marco', 'Rafael', 'Gabriel',
  'Arjun', 'Rohan', 'Kenji', 'Haruto', 'Emre', 'Jakub', 'Daan', 'Oliver', 'Jack', 'Ethan',
  'Mason', 'Logan', 'James', 'Felix', 'Paul', 'Jonas', 'Diego', 'Pablo', 'Thiago', 'Pedro',
  'Samuel', 'Adam', 'Leo', 'Max', 'Theo', 'Owen', 'Ryan', 'Dylan', 'Kai', 'Budi',
]

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Doe', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Walker', 'Hughes', 'Green',
  'Miller', 'Davis', 'Garcia', 'Martinez', 'Lopez', 'Gonzalez', 'Rossi', 'Bianchi', 'Romano',
  'Muller', 'Schmidt', 'Fischer', 'Weber', 'Martin', 'Bernard', 'Dubois', 'Moreau', 'Silva',
  'Santos', 'Oliveira', 'Souza', 'Sharma', 'Patel', 'Singh', 'Gupta', 'Tanaka', 'Sato', 'Suzuki',
  'Yilmaz', 'Kaya', 'Nowak', 'Kowalski', 'DeVries', 'Jansen', 'Campbell', 'Clarke', 'Reyes',
  'Cruz', 'Kim', 'Lee', 'Nguyen', 'Baker', 'Hill', 'Wright', 'Scott', 'Adams', 'Price', 'Reed',
]

/** First words of brand-page names ("Daily Kitchen", "Urban Paws"). */
// prettier-ignore
export const BRAND_ADJECTIVES: readonly string[] = [
  'daily', 'urban', 'happy', 'little', 'wild', 'simply', 'the', 'true', 'golden', 'pure',
]

export const EMAIL_PROVIDERS: readonly string[] = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'hotmail.com',
  'proton.me',
]

export const AGENCY_DOMAINS: readonly string[] = [
  'brightmgmt.com',
  'creatorhouse.co',
  'talentloop.io',
  'northstar-talent.com',
]
