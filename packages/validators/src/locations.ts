/**
 * The towns and districts Parley knows, with every other name people use for them.
 * One table shared by the search filter and the assistant, so both agree on what
 * "Kyrenia" or "magusa" means.
 */
export const DISTRICTS = ['Girne', 'Gazimağusa', 'Lefkoşa', 'İskele', 'Güzelyurt'] as const;
export type District = (typeof DISTRICTS)[number];

export interface Town {
  /** Canonical name stored on listings. */
  name: string;
  district: District;
  /** Other names and common spellings, matched case- and accent-insensitively. */
  aliases: string[];
  /** Where the town is (WGS 84): demo listings are placed around it, a map centres on it. */
  centre: { lat: number; lng: number };
  /**
   * The name as Russian speakers write it: alone, after "в" (prepositional: "в Лапте"), and
   * after "вместо" or "кроме" (genitive: "кроме Лапты"). The assistant's Russian replies and
   * the web app's Russian labels both say it so.
   */
  russian: { name: string; in: string; of: string };
}

export const TOWNS: readonly Town[] = [
  {
    name: 'Girne',
    district: 'Girne',
    aliases: ['Kyrenia', 'Keryneia', 'Kirenia', 'Girna', 'Кирения', 'Гирне', 'Кериния'],
    centre: { lat: 35.3364, lng: 33.3182 },
    russian: { name: 'Кирения', in: 'в Кирении', of: 'Кирении' },
  },
  {
    name: 'Gazimağusa',
    district: 'Gazimağusa',
    aliases: [
      'Famagusta',
      'Mağusa',
      'Magusa',
      'Gazimagusa',
      'Ammochostos',
      'Famagosta',
      'Famagsta',
      'Фамагуста',
      'Газимагуса',
      'Магуса',
    ],
    centre: { lat: 35.125, lng: 33.9417 },
    russian: { name: 'Фамагуста', in: 'в Фамагусте', of: 'Фамагусты' },
  },
  {
    name: 'Lefkoşa',
    district: 'Lefkoşa',
    aliases: ['Nicosia', 'Lefkosa', 'Lefkosia', 'Nicosa', 'Nikosia', 'Никосия', 'Лефкоша'],
    centre: { lat: 35.1856, lng: 33.3823 },
    russian: { name: 'Никосия', in: 'в Никосии', of: 'Никосии' },
  },
  {
    name: 'İskele',
    district: 'İskele',
    aliases: ['Trikomo', 'Iskele', 'Trikomon', 'Long Beach', 'Искеле', 'Трикомо', 'Лонг Бич'],
    centre: { lat: 35.2866, lng: 33.8923 },
    russian: { name: 'Искеле', in: 'в Искеле', of: 'Искеле' },
  },
  {
    name: 'Güzelyurt',
    district: 'Güzelyurt',
    aliases: ['Morphou', 'Guzelyurt', 'Morfou', 'Morphu', 'Morfu', 'Гюзельюрт', 'Морфу'],
    centre: { lat: 35.1983, lng: 32.9936 },
    russian: { name: 'Гюзельюрт', in: 'в Гюзельюрте', of: 'Гюзельюрта' },
  },
  {
    name: 'Lapta',
    district: 'Girne',
    aliases: ['Lapithos', 'Lambousa', 'Лапта', 'Лапитос'],
    centre: { lat: 35.3345, lng: 33.165 },
    russian: { name: 'Лапта', in: 'в Лапте', of: 'Лапты' },
  },
  {
    name: 'Esentepe',
    district: 'Girne',
    aliases: ['Agios Amvrosios', 'Ayios Amvrosios', 'Esentepe Village', 'Эсентепе'],
    centre: { lat: 35.334, lng: 33.58 },
    russian: { name: 'Эсентепе', in: 'в Эсентепе', of: 'Эсентепе' },
  },
  {
    name: 'Alsancak',
    district: 'Girne',
    aliases: ['Karavas', 'Karavas Village', 'Alsanjak', 'Алсанджак', 'Каравас'],
    centre: { lat: 35.34, lng: 33.198 },
    russian: { name: 'Алсанджак', in: 'в Алсанджаке', of: 'Алсанджака' },
  },
  {
    name: 'Bellapais',
    district: 'Girne',
    aliases: ['Beylerbeyi', 'Bellapaise', 'Bellapays', 'Bellabayis', 'Беллапаис'],
    centre: { lat: 35.306, lng: 33.355 },
    russian: { name: 'Беллапаис', in: 'в Беллапаисе', of: 'Беллапаиса' },
  },
  {
    name: 'Karşıyaka',
    district: 'Girne',
    aliases: ['Karsiyaka', 'Vasilia', 'Vasileia', 'Каршияка'],
    centre: { lat: 35.355, lng: 33.065 },
    russian: { name: 'Каршияка', in: 'в Каршияке', of: 'Каршияки' },
  },
];

/**
 * Lower-case, strip accents, fold Turkish dotless i, collapse spaces. Cyrillic letters
 * are kept (Russian names of towns); й and ё fold to и and е, as people often type them.
 */
export function foldText(text: string): string {
  return text
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9а-я]+/g, ' ')
    .trim();
}

const byFoldedName = new Map<string, Town>();
for (const town of TOWNS) {
  for (const name of [town.name, ...town.aliases]) byFoldedName.set(foldText(name), town);
}

/** The town a name refers to, or undefined when Parley does not know it. */
export function findTown(name: string): Town | undefined {
  return byFoldedName.get(foldText(name));
}

/** Every folded name (canonical and alias) with its town, for text scanning. */
export function townNames(): ReadonlyArray<readonly [folded: string, town: Town]> {
  return [...byFoldedName.entries()];
}

/**
 * The canonical town names a `location` filter matches: a district name matches every
 * town in it, a town name matches that town. Empty when the place is unknown.
 */
export function townsMatching(location: string): string[] {
  const town = findTown(location);
  if (!town) return [];
  if ((DISTRICTS as readonly string[]).includes(town.name)) {
    return TOWNS.filter((t) => t.district === town.district).map((t) => t.name);
  }
  return [town.name];
}
