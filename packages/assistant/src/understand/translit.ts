import { townNames } from '@parley/validators';
import { BED_WORDS } from './bedrooms';
import { COMMAND_WORDS, SMALL_TALK_WORDS } from './commands';
import { KEYWORD_WORDS } from './keywords';
import { RELATIVE_WORDS } from './refine';
import { normalise } from './tokens';

/**
 * Russian typed in Latin letters, as on a phone without a Cyrillic keyboard: "kvartira v
 * kirenii v arendu 2 spalni", "khochu kupit dom s basseynom". Such a message is spelt back
 * in Cyrillic and read as Russian. Only when the Russian words weigh two (a long one such as
 * "spasibo" alone, or two short ones such as "v" and "dom"), so an English or Turkish
 * message is never touched.
 */
const RUSSIAN_IN_LATIN =
  /^(?:kvartir\w*|dom|doma|domik|arend\w*|snyat\w*|snjat\w*|snimu|kupit\w*|kuplyu|prodazh\w*|prodaet\w*|posutoch\w*|dolgosroch\w*|spaln\w*|spalen|komnat\w*|\w*komnatn\w*|dvushk\w*|odnushk\w*|treshk\w*|mebel\w*|bassein\w*|basseyn\w*|basein\w*|hochu|khochu|ischu|ishchu|ishu|nuzhn\w*|nuzhen|privet|spasibo|zdravstv\w*|pozhal\w*|skolko|gde|ryadom|morya|vidom|funtov|tysyach\w*|v|vo|dlya|ili|eto|est|mne|nas|ochen|nedorogo|deshev\w*|podeshevle|sdaetsya|sdayu|villu|villy|studiyu|mesyats|mesyac|nedelyu|sutki)$/;

/** Short Russian words that are also Latin words elsewhere: always spelt in Cyrillic here. */
const ALWAYS_RUSSIAN = new Set([
  'more',
  'na',
  's',
  'u',
  'do',
  'ot',
  'bez',
  'po',
  'za',
  'iz',
  'k',
  'a',
  'i',
]);

/** Latin words kept as they are: English and Turkish keywords, Latin town names. */
const KEEP_LATIN: ReadonlySet<string> = new Set(
  [
    ...KEYWORD_WORDS,
    ...RELATIVE_WORDS,
    ...COMMAND_WORDS,
    ...SMALL_TALK_WORDS,
    ...townNames().flatMap(([name]) => name.split(' ')),
  ].filter((word) => /^[a-z]+$/.test(word)),
);

/** Letter groups first, longest first; "y" after a vowel is "й" (folded to "и"). */
const GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['ye', 'е'],
];
const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  z: 'з',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * The soft sign is usually left out in Latin ("spalni", "kupit", "mebelyu"): the Russian
 * words the rules know, by their spelling without it.
 */
const WITH_SOFT_SIGN = new Map<string, string>();
for (const word of [...KEYWORD_WORDS, ...BED_WORDS, ...RELATIVE_WORDS, ...COMMAND_WORDS]) {
  if (/[ьъ]/.test(word)) WITH_SOFT_SIGN.set(word.replace(/[ьъ]/g, ''), word);
}

function spellInCyrillic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const group = GROUPS.find(([latin]) => word.startsWith(latin, i));
    if (group !== undefined) {
      out += group[1];
      i += group[0].length;
      continue;
    }
    const letter = word[i]!;
    if (letter === 'y') out += i > 0 && VOWELS.has(word[i - 1]!) ? 'и' : 'ы';
    else out += LETTERS[letter] ?? letter;
    i++;
  }
  return WITH_SOFT_SIGN.get(out) ?? out;
}

/** True when the message is Russian written in Latin letters. */
export function isRussianInLatin(message: string): boolean {
  let russian = 0;
  for (const word of normalise(message).match(/[a-z]+/g) ?? []) {
    if (!RUSSIAN_IN_LATIN.test(word)) continue;
    russian += word.length >= 5 ? 2 : 1;
    if (russian >= 2) return true;
  }
  return false;
}

/** The message spelt in Cyrillic when it is Russian in Latin letters, else undefined. */
export function fromLatinRussian(message: string): string | undefined {
  if (!isRussianInLatin(message)) return undefined;
  return normalise(message).replace(/[a-z]+/g, (word) =>
    ALWAYS_RUSSIAN.has(word) || RUSSIAN_IN_LATIN.test(word) || !KEEP_LATIN.has(word)
      ? spellInCyrillic(word)
      : word,
  );
}
