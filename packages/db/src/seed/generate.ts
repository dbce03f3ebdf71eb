import {
  demoPictureKeys,
  type Feature,
  findTown,
  mediaUrl,
  type PropertyType,
  type RentType,
  TOWNS,
} from '@parley/validators';
import { createRandom, type Random } from './random';
import type { ListingRow } from './rows';

/**
 * Plausible North Cyprus listings, deterministic for a seed: row i of seed s is the same
 * on every run and for every `count`, so seeding is repeatable and idempotent.
 */

interface TownProfile {
  /** Share of all listings. */
  weight: number;
  /** Price multiplier against the island average. */
  priceFactor: number;
  /** How often a listing here is on or by the beach / looks at the sea. */
  beach: number;
  seaView: number;
  types: Partial<Record<PropertyType, number>>;
  /** Neighbourhoods and landmarks the adverts mention. */
  places: string[];
  /** Sentences about the area. */
  area: string[];
}

const PROFILES: Record<string, TownProfile> = {
  Girne: {
    weight: 20,
    priceFactor: 1.2,
    beach: 0.3,
    seaView: 0.55,
    types: { apartment: 45, penthouse: 10, villa: 18, house: 8, studio: 12, bungalow: 7 },
    places: [
      'the old harbour',
      'Kordonboyu',
      'Karaoğlanoğlu',
      'Doğanköy',
      'Zeytinlik',
      'Edremit',
      'the town centre',
    ],
    area: [
      "Girne's old harbour, with its cafés, restaurants and marina, is a short drive away.",
      'Supermarkets, schools and the Kyrenia Castle seafront are all within easy reach.',
      'Ercan airport is about 40 minutes away along the new mountain road.',
    ],
  },
  Gazimağusa: {
    weight: 14,
    priceFactor: 0.85,
    beach: 0.3,
    seaView: 0.3,
    types: { apartment: 55, studio: 20, house: 10, villa: 8, penthouse: 5, bungalow: 2 },
    places: [
      'Eastern Mediterranean University',
      'the walled city',
      'Salamis Road',
      'Tuzla',
      'Glapsides beach',
      'Karakol',
    ],
    area: [
      'Popular with students and staff of Eastern Mediterranean University.',
      "Famagusta's walled city, Othello Castle and the ancient ruins of Salamis are close by.",
      'Shops, cafés and bus routes to the city centre are on the doorstep.',
    ],
  },
  Lefkoşa: {
    weight: 14,
    priceFactor: 0.95,
    beach: 0,
    seaView: 0,
    types: { apartment: 55, studio: 12, house: 18, villa: 8, penthouse: 6, bungalow: 1 },
    places: [
      'Dereboyu',
      'Gönyeli',
      'Hamitköy',
      'Kumsal',
      'Ortaköy',
      'Near East University',
      'Göçmenköy',
    ],
    area: [
      "The capital's restaurants, government offices and hospitals are minutes away.",
      'Near East University and the main shopping streets of Nicosia are close by.',
      'A quiet residential street with easy access to the ring road.',
    ],
  },
  İskele: {
    weight: 15,
    priceFactor: 1,
    beach: 0.55,
    seaView: 0.5,
    types: { apartment: 50, studio: 18, penthouse: 10, villa: 10, bungalow: 7, house: 5 },
    places: ['Long Beach', 'Boğaz', 'Ötüken', 'Bafra', 'the Karpaz road'],
    area: [
      "Long Beach's sandy shore, beach bars and promenade are a short walk away.",
      'The fishing harbour of Boğaz, known for its fish restaurants, is nearby.',
      'The unspoilt Karpaz peninsula starts just up the coast.',
    ],
  },
  Güzelyurt: {
    weight: 6,
    priceFactor: 0.72,
    beach: 0.1,
    seaView: 0.15,
    types: { house: 35, apartment: 30, bungalow: 15, villa: 12, studio: 8 },
    places: ['the citrus groves', 'Kalkanlı', 'Aydınköy', 'Yayla', 'the St Mamas monastery'],
    area: [
      'Surrounded by the orange and lemon groves Morphou is famous for.',
      'A quiet, green part of the island with a slower pace of life.',
      'The campus of Middle East Technical University is a few minutes away.',
    ],
  },
  Lapta: {
    weight: 7,
    priceFactor: 1.05,
    beach: 0.4,
    seaView: 0.6,
    types: { apartment: 35, villa: 25, bungalow: 15, house: 12, penthouse: 8, studio: 5 },
    places: ['the coast road', 'Başpınar spring', 'the mountain foothills', 'the village square'],
    area: [
      'Lapta sits between the Beşparmak mountains and the sea, with fresh spring water.',
      'Local bakeries, tavernas and the coastal walking path are close by.',
      'Girne town centre is about 15 minutes by car.',
    ],
  },
  Esentepe: {
    weight: 7,
    priceFactor: 1.3,
    beach: 0.45,
    seaView: 0.75,
    types: { villa: 35, apartment: 30, penthouse: 12, bungalow: 13, house: 5, studio: 5 },
    places: ['the Korineum golf course', 'Bahçeli', 'Tatlısu', 'the Esentepe coastline'],
    area: [
      'The 18-hole Korineum golf course is a few minutes away.',
      'Quiet coves and some of the clearest water on the north coast are nearby.',
      'A peaceful village setting between the mountains and the sea.',
    ],
  },
  Alsancak: {
    weight: 7,
    priceFactor: 1.1,
    beach: 0.5,
    seaView: 0.55,
    types: { apartment: 35, villa: 25, bungalow: 15, house: 10, penthouse: 8, studio: 7 },
    places: ['Escape Beach', 'Camelot beach', 'Yeşiltepe', 'Malatya', 'the coast road'],
    area: [
      'Escape Beach and the seafront restaurants of Alsancak are nearby.',
      'A popular area with an established expatriate community.',
      'Girne is a 10-minute drive along the coast road.',
    ],
  },
  Bellapais: {
    weight: 5,
    priceFactor: 1.45,
    beach: 0.05,
    seaView: 0.8,
    types: { villa: 45, house: 25, apartment: 15, bungalow: 10, penthouse: 5 },
    places: [
      'Bellapais Abbey',
      'the Tree of Idleness',
      'Ozanköy',
      'the Beşparmak mountains',
      'the village square',
    ],
    area: [
      'The Gothic Bellapais Abbey and the village cafés are a short stroll away.',
      'Set on the mountainside with sweeping views over Kyrenia and the sea.',
      "One of the island's most sought-after villages, made famous by Lawrence Durrell.",
    ],
  },
  Karşıyaka: {
    weight: 5,
    priceFactor: 0.9,
    beach: 0.3,
    seaView: 0.6,
    types: { villa: 30, bungalow: 20, house: 20, apartment: 25, studio: 5 },
    places: ['Vasilia beach', 'the Kayalar road', 'Sadrazamköy', 'the Karşıyaka hills'],
    area: [
      'A mountain village with open views down to the sea and Turkey on clear days.',
      'Quiet beaches and fish restaurants on the Kayalar road are nearby.',
      'Great value for money compared with Girne, 20 minutes away.',
    ],
  },
};

const RENT_WEIGHTS: Record<RentType, number> = { long_term: 45, short_term: 20, sale: 35 };

const BEDROOMS: Record<PropertyType, Record<number, number>> = {
  studio: { 0: 1 },
  apartment: { 1: 30, 2: 45, 3: 22, 4: 3 },
  penthouse: { 2: 40, 3: 45, 4: 15 },
  villa: { 3: 40, 4: 35, 5: 18, 6: 7 },
  house: { 2: 25, 3: 45, 4: 25, 5: 5 },
  bungalow: { 1: 15, 2: 55, 3: 30 },
};

/** Living area in m²: a base plus so much per bedroom. */
const AREA: Record<PropertyType, [base: number, perBedroom: number, spread: number]> = {
  studio: [36, 0, 8],
  apartment: [45, 28, 15],
  penthouse: [80, 35, 20],
  villa: [120, 45, 40],
  house: [80, 35, 25],
  bungalow: [55, 30, 15],
};

const MONTHLY_BASE: Record<PropertyType, [base: number, perBedroom: number]> = {
  studio: [380, 0],
  apartment: [340, 130],
  penthouse: [650, 220],
  villa: [750, 300],
  house: [450, 150],
  bungalow: [420, 140],
};
const NIGHTLY_BASE: Record<PropertyType, [base: number, perBedroom: number]> = {
  studio: [45, 0],
  apartment: [45, 18],
  penthouse: [80, 30],
  villa: [110, 45],
  house: [70, 25],
  bungalow: [60, 22],
};
const SALE_PER_SQM: Record<PropertyType, number> = {
  studio: 1500,
  apartment: 1350,
  penthouse: 1650,
  villa: 1700,
  house: 1300,
  bungalow: 1400,
};

const TYPE_LABEL: Record<PropertyType, string> = {
  apartment: 'apartment',
  villa: 'villa',
  house: 'house',
  studio: 'studio',
  penthouse: 'penthouse',
  bungalow: 'bungalow',
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const ADJECTIVES = [
  'Modern',
  'Spacious',
  'Bright',
  'Stylish',
  'Charming',
  'Newly built',
  'Renovated',
  'Immaculate',
  'Cosy',
  'Elegant',
  'Well-kept',
  'Sunny',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Listings get creation times in the year before this instant (fixed, so output is repeatable). */
export const SEED_EPOCH = Date.UTC(2026, 10, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

function englishName(town: string): string | undefined {
  const found = findTown(town);
  // The first alias is the English name people search for (Kyrenia, Famagusta, ...).
  return found?.aliases[0] && /^[A-Z][a-z]+$/.test(found.aliases[0]) ? found.aliases[0] : undefined;
}

function townDisplay(random: Random, town: string): string {
  const english = englishName(town);
  if (!english) return town;
  return random.weighted({ plain: 4, both: 3, english: 2 }) === 'plain'
    ? town
    : random.chance(0.6)
      ? `${town} (${english})`
      : english;
}

const roundTo = (value: number, step: number) => Math.round(value / step) * step;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function priceFor(
  random: Random,
  rent: RentType,
  type: PropertyType,
  bedrooms: number,
  areaSqm: number,
  profile: TownProfile,
  features: Set<Feature>,
): number {
  const premium =
    (features.has('pool') ? 1.12 : 1) *
    (features.has('sea_view') ? 1.08 : 1) *
    (features.has('beach') ? 1.06 : 1) *
    random.between(0.85, 1.2) *
    profile.priceFactor;
  if (rent === 'long_term') {
    const [base, per] = MONTHLY_BASE[type];
    const monthly = (base + per * bedrooms) * premium * (features.has('furnished') ? 1.05 : 1);
    return clamp(roundTo(monthly, random.chance(0.7) ? 25 : 50), 350, 3000);
  }
  if (rent === 'short_term') {
    const [base, per] = NIGHTLY_BASE[type];
    const nightly = clamp(roundTo((base + per * bedrooms) * premium, 5), 40, 400);
    // Some hosts quote odd amounts; these keep the exact-decimal path honest.
    return random.chance(0.15) && nightly < 400 ? nightly + 0.5 : nightly;
  }
  const sale = SALE_PER_SQM[type] * areaSqm * premium;
  const rounded = random.chance(0.2)
    ? roundTo(sale, 1000) - 50
    : roundTo(sale, random.chance(0.5) ? 1000 : 500);
  return clamp(rounded, 60_000, 1_500_000);
}

function pickFeatures(
  random: Random,
  rent: RentType,
  type: PropertyType,
  town: string,
  profile: TownProfile,
): Set<Feature> {
  const detached = type === 'villa' || type === 'house' || type === 'bungalow';
  const flat = !detached;
  const odds: Record<Feature, number> = {
    beach: profile.beach + (rent === 'short_term' ? 0.1 : 0),
    sea_view: Math.min(
      0.95,
      profile.seaView + (type === 'penthouse' || type === 'villa' ? 0.15 : 0),
    ),
    pool: type === 'villa' ? 0.65 : type === 'house' ? 0.25 : town === 'İskele' ? 0.7 : 0.45,
    garden: type === 'villa' ? 0.8 : detached ? 0.72 : 0.08,
    furnished: rent === 'short_term' ? 0.97 : rent === 'long_term' ? 0.75 : 0.35,
    parking: detached ? 0.9 : 0.65,
    pet_friendly:
      (rent === 'long_term' ? 0.3 : rent === 'short_term' ? 0.15 : 0.1) + (detached ? 0.15 : 0),
    gym: flat ? (town === 'İskele' || town === 'Girne' ? 0.4 : 0.22) : 0.05,
    air_conditioning: 0.85,
    balcony: flat ? 0.85 : type === 'villa' ? 0.5 : 0.35,
  };
  const out = new Set<Feature>();
  for (const [feature, p] of Object.entries(odds) as [Feature, number][]) {
    if (p > 0 && random.chance(p)) out.add(feature);
  }
  return out;
}

const FEATURE_PHRASES: Record<Feature, string[]> = {
  beach: ['direct access to a sandy beach', 'the beach a few minutes on foot'],
  sea_view: ['uninterrupted sea views', 'views over the Mediterranean', 'sea and mountain views'],
  pool: ['a swimming pool', 'a large swimming pool with sun terrace', 'a communal pool'],
  garden: ['a private garden', 'a landscaped garden with fruit trees', 'a walled garden'],
  furnished: [
    'full furniture and white goods',
    'stylish furnishings throughout',
    'a fully furnished interior',
  ],
  parking: ['private parking', 'covered parking', 'off-road parking for two cars'],
  pet_friendly: ['a pet-friendly policy', 'room for pets (pets welcome)'],
  gym: ['an on-site gym', 'a fitness centre on the complex'],
  air_conditioning: ['air conditioning in every room', 'air conditioning throughout'],
  balcony: ['a sunny balcony', 'a large balcony', 'a covered terrace and balcony'],
};

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function bedroomLabel(random: Random, type: PropertyType, bedrooms: number): string {
  if (type === 'studio') return '';
  // "2+1" (bedrooms + living room) is how local agents write it.
  return random.chance(0.3) ? `${bedrooms}+1 ` : `${bedrooms}-bedroom `;
}

function titleFor(
  random: Random,
  rent: RentType,
  type: PropertyType,
  bedrooms: number,
  town: string,
  place: string,
  features: Set<Feature>,
): string {
  const where = townDisplay(random, town);
  const adjective = random.pick(ADJECTIVES);
  const beds = bedroomLabel(random, type, bedrooms);
  const label = type === 'studio' ? 'studio apartment' : TYPE_LABEL[type];
  const purpose =
    rent === 'long_term' ? 'for rent' : rent === 'short_term' ? 'holiday rental' : 'for sale';
  const hooks = [
    features.has('beach') ? 'on the beach' : undefined,
    features.has('sea_view') ? 'with sea views' : undefined,
    features.has('pool') ? (type === 'villa' ? 'with private pool' : 'with pool') : undefined,
    features.has('garden') ? 'with garden' : undefined,
    `near ${place.replace(/^the /, '')}`,
  ].filter((h): h is string => h !== undefined);
  const hook = random.pick(hooks);
  switch (random.int(0, 3)) {
    case 0:
      return `${adjective} ${beds}${label} ${hook} in ${where}`;
    case 1:
      return `${beds}${label} ${purpose}, ${place.replace(/^the /, '')}, ${where}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
    case 2:
      return `${where}: ${adjective.toLowerCase()} ${beds}${label} ${purpose}`;
    default:
      return `${adjective} ${beds}${label} ${purpose} ${hook}`;
  }
}

function descriptionFor(
  random: Random,
  rent: RentType,
  type: PropertyType,
  bedrooms: number,
  bathrooms: number,
  areaSqm: number,
  town: string,
  place: string,
  profile: TownProfile,
  features: Set<Feature>,
): string {
  const where = townDisplay(random, town);
  const label = type === 'studio' ? 'studio apartment' : TYPE_LABEL[type];
  const offer =
    rent === 'long_term'
      ? 'is available for long-term rent'
      : rent === 'short_term'
        ? 'is available for short holiday stays'
        : 'is offered for sale';
  const adjective = random.pick(ADJECTIVES).toLowerCase();
  const sentences: string[] = [];
  sentences.push(
    random.chance(0.5)
      ? `This ${adjective} ${type === 'studio' ? '' : `${NUMBER_WORDS[bedrooms] ?? bedrooms}-bedroom `}${label} near ${place} in ${where} ${offer}.`
      : `${/^[aeiou]/.test(adjective) ? 'An' : 'A'} ${adjective} ${label} in ${where}, close to ${place}, ${offer.replace(/^is /, 'now ')}.`,
  );
  const rooms =
    type === 'studio'
      ? 'an open-plan living and sleeping area, a kitchenette and a shower room'
      : `${NUMBER_WORDS[bedrooms] ?? bedrooms} bedroom${bedrooms === 1 ? '' : 's'}, ${NUMBER_WORDS[bathrooms] ?? bathrooms} bathroom${bathrooms === 1 ? '' : 's'} and ${random.pick(['an open-plan kitchen and living area', 'a separate fitted kitchen', 'a bright lounge with dining area'])}`;
  sentences.push(`It offers ${areaSqm} m² of living space with ${rooms}.`);
  const phrases = [...features].map((f) => random.pick(FEATURE_PHRASES[f]));
  if (phrases.length)
    sentences.push(`Highlights include ${listPhrase(random.sample(phrases, phrases.length))}.`);
  sentences.push(random.pick(profile.area));
  if (type === 'villa' && random.chance(0.6)) {
    sentences.push(`The plot is about ${roundTo(areaSqm * random.between(2.5, 5), 50)} m².`);
  }
  if (rent === 'long_term') {
    sentences.push(
      random.pick([
        `Available from ${random.pick(MONTHS)} on a 12-month contract; one month's deposit and one month's rent in advance.`,
        'Minimum six-month tenancy; bills are paid by the tenant.',
        'Long let preferred; references required.',
      ]),
    );
  } else if (rent === 'short_term') {
    sentences.push(
      random.pick([
        'Minimum stay three nights; linen, towels and Wi-Fi included.',
        'Weekly and monthly discounts available; airport transfers on request.',
        'Perfect for a family holiday; final cleaning included in the nightly rate.',
      ]),
    );
  } else {
    sentences.push(
      random.pick([
        'Exchange title deeds are in place; VAT and transfer fees are payable by the buyer.',
        'Turkish title deeds; a payment plan is available.',
        'Pre-1974 Turkish title; viewing highly recommended.',
      ]),
    );
  }
  return sentences.join(' ');
}

/** A 16-byte UUIDv7 built from a creation time and seeded random bytes. */
function uuidV7(ms: number, random: Random): string {
  const bytes = random.bytes(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Which way the sea is from a town's centre: its listings stay on the land side.
const COAST: Record<string, 'north' | 'east'> = {
  Girne: 'north',
  Lapta: 'north',
  Alsancak: 'north',
  Esentepe: 'north',
  Karşıyaka: 'north',
  Gazimağusa: 'east',
  İskele: 'east',
};

/**
 * A spot within about 2 km of the town's centre, on its land side. Read from the id's
 * random bytes rather than drawn from the stream, so adding coordinates changed no
 * listing the seed made before.
 */
function placeNear(town: string, centre: { lat: number; lng: number }, id: string) {
  const hex = id.replace(/-/g, '');
  const u = Number.parseInt(hex.slice(20, 26), 16) / 0x1000000;
  const v = Number.parseInt(hex.slice(26, 32), 16) / 0x1000000;
  const coast = COAST[town];
  const dLat = coast === 'north' ? -0.022 * u : (u - 0.5) * 0.036;
  const dLng = coast === 'east' ? -0.022 * v : (v - 0.5) * 0.044;
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { lat: round(centre.lat + dLat), lng: round(centre.lng + dLng) };
}

/** Byte `i` of the id's random tail: stable choices per listing that draw nothing from the stream. */
function idByte(id: string, i: number): number {
  const hex = id.replace(/-/g, '').slice(16);
  return Number.parseInt(hex.slice((i * 2) % 16, ((i * 2) % 16) + 2), 16);
}

const TOWN_WEIGHTS = Object.fromEntries(
  TOWNS.map((t) => [t.name, PROFILES[t.name]?.weight ?? 1]),
) as Record<string, number>;

/** Listings for `seed`, one after another, forever; take as many as you need. */
export function* generateListings(seed: number | string = 1): Generator<ListingRow> {
  const random = createRandom(`parley-listings:${seed}`);
  for (;;) {
    const town = random.weighted(TOWN_WEIGHTS);
    const home = findTown(town);
    const profile = PROFILES[town];
    if (!home || !profile) throw new Error(`no seed profile for town ${town}`);
    const rentType = random.weighted(RENT_WEIGHTS);
    const propertyType = random.weighted(profile.types);
    const bedrooms = Number(random.weighted(BEDROOMS[propertyType]));
    const [base, perBedroom, spread] = AREA[propertyType];
    const areaSqm = Math.max(
      20,
      Math.round(base + perBedroom * bedrooms + random.between(-spread, spread)),
    );
    const bathrooms =
      propertyType === 'studio'
        ? 1
        : clamp(Math.round(bedrooms * 0.6 + random.next()), 1, bedrooms);
    const features = pickFeatures(random, rentType, propertyType, town, profile);
    const price = priceFor(random, rentType, propertyType, bedrooms, areaSqm, profile, features);
    const place = random.pick(profile.places);
    const createdMs = SEED_EPOCH - Math.floor(random.next() * YEAR_MS);
    const updatedMs = random.chance(0.3)
      ? Math.min(SEED_EPOCH, createdMs + Math.floor(random.next() * 30 * 24 * 3600 * 1000))
      : createdMs;
    const id = uuidV7(createdMs, random);
    const imageCount = random.int(3, 6);
    const { lat, lng } = placeNear(home.name, home.centre, id);
    yield {
      id,
      title: titleFor(random, rentType, propertyType, bedrooms, town, place, features),
      description: descriptionFor(
        random,
        rentType,
        propertyType,
        bedrooms,
        bathrooms,
        areaSqm,
        town,
        place,
        profile,
        features,
      ),
      location: home.name,
      district: home.district,
      rentType,
      propertyType,
      bedrooms,
      bathrooms,
      areaSqm,
      price: price.toFixed(2),
      currency: 'GBP',
      features: [...features],
      images: demoPictureKeys({ propertyType, features: [...features] }, imageCount, (i) =>
        idByte(id, i),
      ).map((key) => mediaUrl(key)),
      lat,
      lng,
      createdBy: null,
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
    };
  }
}
