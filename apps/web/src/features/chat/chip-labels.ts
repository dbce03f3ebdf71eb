import type { SearchFacts } from '../../api';
import type { Format } from '../../lib/format';

/**
 * Town names as Russian speakers write them, the same the assistant uses in its Russian
 * replies ("в Лапте"): a chip saying "Lapta" under such a reply reads as another place.
 * Turkish and English keep the names listings carry (the Turkish ones).
 */
const TOWNS_RU: Record<string, string> = {
  Girne: 'Кирения',
  Gazimağusa: 'Фамагуста',
  Lefkoşa: 'Никосия',
  İskele: 'Искеле',
  Güzelyurt: 'Гюзельюрт',
  Lapta: 'Лапта',
  Esentepe: 'Эсентепе',
  Alsancak: 'Алсанджак',
  Bellapais: 'Беллапаис',
  Karşıyaka: 'Каршияка',
};

/** A town's name in the language on screen (a name the app has no translation for stays). */
export function placeName(location: string, language: string): string {
  return language === 'ru' ? (TOWNS_RU[location] ?? location) : location;
}

/**
 * The chips' labels for `facts`, as `format.facts` gives them but in the words the
 * assistant uses in the same language: the town in Russian, and in Turkish an exact
 * bedroom count as "2+1" (how homes are sized in Turkish, and how the replies say it).
 */
export function chipLabels(format: Format, facts: SearchFacts): string[] {
  const { location, ...rest } = facts;
  const labels = format.facts(rest);
  const { minBedrooms: min, maxBedrooms: max } = facts;
  if (format.language === 'tr' && min !== undefined && min === max && min > 0) {
    const said = format.facts({ minBedrooms: min, maxBedrooms: max })[0];
    const at = said === undefined ? -1 : labels.indexOf(said);
    if (at >= 0) labels[at] = `${min}+1`;
  }
  return location ? [placeName(location, format.language), ...labels] : labels;
}
