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
}

export const TOWNS: readonly Town[] = [
  { name: 'Girne', district: 'Girne', aliases: ['Kyrenia', 'Keryneia', 'Kirenia', 'Girna'] },
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
    ],
  },
  {
    name: 'Lefkoşa',
    district: 'Lefkoşa',
    aliases: ['Nicosia', 'Lefkosa', 'Lefkosia', 'Nicosa', 'Nikosia'],
  },
  { name: 'İskele', district: 'İskele', aliases: ['Trikomo', 'Iskele', 'Trikomon', 'Long Beach'] },
  {
    name: 'Güzelyurt',
    district: 'Güzelyurt',
    aliases: ['Morphou', 'Guzelyurt', 'Morfou', 'Morphu'],
  },
  { name: 'Lapta', district: 'Girne', aliases: ['Lapithos', 'Lambousa'] },
  {
    name: 'Esentepe',
    district: 'Girne',
    aliases: ['Agios Amvrosios', 'Ayios Amvrosios', 'Esentepe Village'],
  },
  { name: 'Alsancak', district: 'Girne', aliases: ['Karavas', 'Karavas Village', 'Alsanjak'] },
  {
    name: 'Bellapais',
    district: 'Girne',
    aliases: ['Beylerbeyi', 'Bellapaise', 'Bellapays', 'Bellabayis'],
  },
  { name: 'Karşıyaka', district: 'Girne', aliases: ['Karsiyaka', 'Vasilia', 'Vasileia'] },
];

/** Lower-case, strip accents, fold Turkish dotless i, collapse spaces. */
export function foldText(text: string): string {
  return text
    .replace(/[ıİ]/g, 'i')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
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
