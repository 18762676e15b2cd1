/**
 * Word lists per creator niche. Bios, captions and hashtags come from these so the text filters
 * (bio words, caption keywords, `#hashtag` relevance) find the creators a user would expect.
 */

export const NICHE_KEYS = [
  'beauty',
  'fitness',
  'food',
  'travel',
  'tech',
  'gaming',
  'fashion',
  'parenting',
  'music',
  'pets',
] as const
export type NicheKey = (typeof NICHE_KEYS)[number]

/** Audience age bands in Modash order: 13-17, 18-24, 25-34, 35-44, 45-64, 65-. */
type AgeSkew = readonly [number, number, number, number, number, number]

export interface Niche {
  key: NicheKey
  /** Relative share of creators in this niche. */
  weight: number
  interests: readonly number[]
  brands: readonly number[]
  /** Probability that a (personal) creator in the niche is female. */
  femaleCreators: number
  /** Typical female share of the audience. */
  femaleAudience: number
  ageSkew: AgeSkew
  taglines: readonly string[]
  hashtags: readonly string[]
  captions: readonly string[]
  /** Words for handles ("jane.doe.skin") and for brand-page names. */
  handleWords: readonly string[]
}

export const NICHES: Record<NicheKey, Niche> = {
  beauty: {
    key: 'beauty',
    weight: 14,
    interests: [13, 7, 52],
    brands: [2043, 2051, 2066, 2102],
    femaleCreators: 0.85,
    femaleAudience: 0.82,
    ageSkew: [8, 38, 32, 13, 7, 2],
    taglines: ['Skincare addict', 'Makeup artist', 'Licensed esthetician', 'Clean beauty lover'],
    hashtags: ['skincare', 'makeup', 'beauty', 'glowingskin', 'skincareroutine', 'mua'],
    captions: [
      'my morning skincare routine',
      'new lipstick swatches',
      'glass skin tutorial',
      'trying the viral serum',
      'everyday makeup look',
    ],
    handleWords: ['skin', 'glow', 'beauty', 'makeup', 'lashes'],
  },
  fitness: {
    key: 'fitness',
    weight: 12,
    interests: [36, 52, 28],
    brands: [3120, 3135, 3150, 1708, 1711],
    femaleCreators: 0.5,
    femaleAudience: 0.52,
    ageSkew: [5, 34, 36, 15, 8, 2],
    taglines: ['Personal trainer', 'Strength coach', 'Yoga teacher', 'Marathon runner'],
    hashtags: ['fitness', 'workout', 'gym', 'fitfam', 'yoga', 'running'],
    captions: [
      'full body workout at home',
      'leg day never skip',
      'protein pancakes recipe',
      'morning yoga flow',
      'training for my next marathon',
    ],
    handleWords: ['fit', 'lifts', 'gains', 'yoga', 'runs'],
  },
  food: {
    key: 'food',
    weight: 12,
    interests: [33, 9, 52],
    brands: [4211, 4230, 4302],
    femaleCreators: 0.6,
    femaleAudience: 0.64,
    ageSkew: [4, 26, 34, 19, 14, 3],
    taglines: ['Home cook', 'Recipe developer', 'Pastry chef', 'Plant-based foodie'],
    hashtags: ['foodie', 'recipe', 'homecooking', 'vegan', 'baking', 'foodporn'],
    captions: [
      'easy weeknight pasta recipe',
      'sourdough bread tips',
      'vegan chocolate cake',
      'street food tour',
      'meal prep for the week',
    ],
    handleWords: ['eats', 'kitchen', 'bakes', 'foodie', 'cooks'],
  },
  travel: {
    key: 'travel',
    weight: 10,
    interests: [30, 11, 33],
    brands: [5012, 5033, 5040],
    femaleCreators: 0.55,
    femaleAudience: 0.58,
    ageSkew: [3, 27, 38, 18, 12, 2],
    taglines: ['Full-time traveller', 'Travel photographer', 'Digital nomad', 'Van life'],
    hashtags: ['travel', 'wanderlust', 'travelgram', 'vanlife', 'adventure', 'beachlife'],
    captions: [
      'hidden beaches in portugal',
      'travel packing list',
      'sunrise hike above the clouds',
      'budget travel tips',
      'road trip diaries',
    ],
    handleWords: ['travels', 'wanders', 'abroad', 'nomad', 'journeys'],
  },
  tech: {
    key: 'tech',
    weight: 9,
    interests: [25, 11, 64],
    brands: [6101, 6120, 6150],
    femaleCreators: 0.25,
    femaleAudience: 0.27,
    ageSkew: [6, 33, 35, 16, 9, 1],
    taglines: ['Tech reviewer', 'Software engineer', 'Gadget nerd', 'Smartphone reviews'],
    hashtags: ['tech', 'gadgets', 'smartphone', 'setup', 'coding', 'unboxing'],
    captions: [
      'unboxing the new smartphone',
      'my desk setup tour',
      'best budget headphones',
      'coding a side project',
      'laptop review after one month',
    ],
    handleWords: ['tech', 'gadgets', 'codes', 'reviews', 'setup'],
  },
  gaming: {
    key: 'gaming',
    weight: 9,
    interests: [43, 25, 1],
    brands: [7001, 7020, 7033, 6150],
    femaleCreators: 0.22,
    femaleAudience: 0.24,
    ageSkew: [22, 44, 24, 7, 3, 0],
    taglines: ['Twitch streamer', 'Esports player', 'Retro gamer', 'Speedrunner'],
    hashtags: ['gaming', 'gamer', 'twitch', 'esports', 'playstation', 'nintendo'],
    captions: [
      'new speedrun personal best',
      'ranked grind tonight',
      'retro console collection',
      'first look at the new game',
      'stream highlights',
    ],
    handleWords: ['plays', 'gaming', 'gg', 'pixel', 'respawn'],
  },
  fashion: {
    key: 'fashion',
    weight: 12,
    interests: [19, 7, 58],
    brands: [8004, 8010, 8025, 1708],
    femaleCreators: 0.75,
    femaleAudience: 0.76,
    ageSkew: [7, 37, 33, 14, 8, 1],
    taglines: ['Stylist', 'Fashion blogger', 'Thrift queen', 'Sustainable fashion'],
    hashtags: ['fashion', 'ootd', 'style', 'streetstyle', 'thrifted', 'outfitinspo'],
    captions: [
      'outfit of the day',
      'capsule wardrobe essentials',
      'thrift haul try on',
      'how to style a blazer',
      'fashion week diaries',
    ],
    handleWords: ['style', 'wears', 'closet', 'outfits', 'chic'],
  },
  parenting: {
    key: 'parenting',
    weight: 8,
    interests: [21, 61, 48],
    brands: [9100, 9110],
    femaleCreators: 0.82,
    femaleAudience: 0.84,
    ageSkew: [1, 14, 45, 28, 11, 1],
    taglines: ['Mom of three', 'Dad of twins', 'Parenting tips', 'Homeschool family'],
    hashtags: ['momlife', 'parenting', 'family', 'toddler', 'dadlife', 'motherhood'],
    captions: [
      'toddler snack ideas',
      'our bedtime routine',
      'rainy day activities for kids',
      'honest parenting moments',
      'family road trip essentials',
    ],
    handleWords: ['mama', 'family', 'littles', 'parents', 'home'],
  },
  music: {
    key: 'music',
    weight: 7,
    interests: [3, 1, 11],
    brands: [9300, 9305],
    femaleCreators: 0.45,
    femaleAudience: 0.5,
    ageSkew: [12, 40, 28, 11, 8, 1],
    taglines: ['Singer-songwriter', 'Music producer', 'Guitarist', 'DJ and producer'],
    hashtags: ['music', 'singer', 'guitar', 'producer', 'cover', 'newmusic'],
    captions: [
      'acoustic cover of a classic',
      'studio session vibes',
      'new single out friday',
      'guitar riff of the week',
      'live show recap',
    ],
    handleWords: ['music', 'sings', 'beats', 'sound', 'tunes'],
  },
  pets: {
    key: 'pets',
    weight: 7,
    interests: [39, 48, 52],
    brands: [9500, 9510],
    femaleCreators: 0.7,
    femaleAudience: 0.7,
    ageSkew: [6, 30, 34, 17, 11, 2],
    taglines: ['Dog mom', 'Cat dad', 'Rescue advocate', 'Dog trainer'],
    hashtags: ['dogsofinstagram', 'catsofinstagram', 'pets', 'puppy', 'adoptdontshop', 'dog'],
    captions: [
      'puppy training tips',
      'our rescue dog story',
      'cat zoomies at midnight',
      'homemade dog treats',
      'walk in the park',
    ],
    handleWords: ['pup', 'paws', 'woof', 'kitty', 'pets'],
  },
}

export const BIO_EXTRAS: readonly string[] = [
  'Sharing my everyday life',
  'Living my best life',
  'Coffee first',
  'New videos every week',
  'Tips, reviews and honest opinions',
  'Spreading good vibes',
  'Small creator, big dreams',
  'Collabs welcome',
]
