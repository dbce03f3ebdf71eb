import { findTown } from '@parley/validators/locations';
import type { SearchFacts } from '../../api';
import type { Format } from '../../lib/format';

/**
 * A town's name in the language on screen. Russian speakers get the name the assistant's
 * Russian replies use ("в Лапте"): a chip saying "Lapta" under such a reply reads as
 * another place. Turkish and English keep the names listings carry (the Turkish ones), as
 * does a town Parley has no Russian name for.
 */
export function placeName(location: string, language: string): string {
  return language === 'ru' ? (findTown(location)?.russian.name ?? location) : location;
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
