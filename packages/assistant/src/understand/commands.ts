import { claim, findPhrases, phraseAt, phraseTable, type Scan } from './scan';

/**
 * What a message asks the assistant to do with its memory, rather than what to find:
 * "start over", "forget the budget", "any location", and small talk ("hi", "thanks").
 */

/** A group of facts that can be dropped together. */
export type FactGroup =
  | 'price'
  | 'location'
  | 'bedrooms'
  | 'propertyType'
  | 'features'
  | 'rentType';

const RESET_PHRASES = [
  'start over',
  'start again',
  'start afresh',
  'start fresh',
  'start from scratch',
  'from scratch',
  'reset',
  'restart',
  'new search',
  'clear all',
  'clear everything',
  'clear filters',
  'clear the filters',
  'clear my filters',
  'reset filters',
  'remove all filters',
  'forget everything',
  'forget all that',
  'forget all of that',
  'bastan basla',
  'bastan baslayalim',
  'yeniden basla',
  'yeniden baslayalim',
  'sifirdan',
  'sifirdan basla',
  'заново',
  'sifirla',
  'начать заново',
  'начнем заново',
  'сначала',
  'сбросить',
  'сбрось',
  'yeni arama',
  'bastan alalim',
  'her seyi sil',
  'новыи поиск',
  'с нуля',
  'очистить',
  'очисти',
].map((p) => [p, true] as const);

/** Nouns that name a group of facts. */
const GROUP_NOUNS: ReadonlyArray<readonly [string, FactGroup]> = [
  ...[
    'budget',
    'price',
    'prices',
    'cost',
    'price limit',
    'price range',
    'max price',
    'money',
    'butce',
    'butceyi',
    'butcem',
    'butcemi',
    'fiyati',
    'fiyat',
    'бюджет',
    'бюджете',
    'цена',
    'цену',
  ].map((p) => [p, 'price'] as const),
  ...[
    'location',
    'locations',
    'area',
    'areas',
    'town',
    'towns',
    'place',
    'places',
    'city',
    'region',
    'district',
    'where',
    'neighbourhood',
    'neighborhood',
    'bolge',
    'yer',
    'раион',
    'место',
  ].map((p) => [p, 'location'] as const),
  ...['bedrooms', 'bedroom', 'beds', 'bedroom count', 'number of bedrooms', 'rooms', 'size'].map(
    (p) => [p, 'bedrooms'] as const,
  ),
  ...[
    'type',
    'property type',
    'kind',
    'kind of property',
    'type of property',
    'property types',
  ].map((p) => [p, 'propertyType'] as const),
  ...['features', 'extras', 'amenities', 'facilities', 'requirements'].map(
    (p) => [p, 'features'] as const,
  ),
  ...['rent type', 'rental type', 'rent or buy', 'buy or rent'].map(
    (p) => [p, 'rentType'] as const,
  ),
];

/** Words before a group noun that drop it: "forget the budget", "any location". */
const DROP_BEFORE = new Set([
  'forget',
  'drop',
  'remove',
  'ignore',
  'clear',
  'any',
  'no',
  'whatever',
  'scrap',
  'lose',
  'skip',
  'ditch',
  'mind',
  'care',
  'without',
  'reset',
  'любои',
  'любая',
  'любое',
  'забудь',
  'забудьте',
  'убери',
  'уберите',
  'bosver',
  'unut',
  'unutun',
]);
/** Words after a group noun that drop it: "price doesn't matter", "location is flexible". */
const DROP_AFTER = new Set([
  'matter',
  'matters',
  'irrelevant',
  'flexible',
  'any',
  'whatever',
  'open',
  'farketmez',
  'onemsiz',
  'bosver',
  'unut',
  'unutun',
  'неважно',
  'неважен',
  'неважна',
  'любои',
  'любая',
]);
const FILLERS = new Set([
  'the',
  'a',
  'my',
  'that',
  'this',
  'about',
  'of',
  'is',
  'doesnt',
  'does',
  'not',
  'really',
  'dont',
  'im',
  'i',
  'your',
  'on',
  // "забудьте про бюджет", "бюджет вообще не важен".
  'про',
  'о',
  'об',
  'вообще',
  'мои',
]);

const resetTable = phraseTable(RESET_PHRASES);
const groupTable = phraseTable(GROUP_NOUNS);

/** Every word the command tables know: never typo-matched to a town. */
export const COMMAND_WORDS: ReadonlySet<string> = new Set(
  [...RESET_PHRASES, ...GROUP_NOUNS].flatMap(([phrase]) => phrase.split(' ')),
);

/**
 * True for "start over" and friends. A lone "reset"/"clear" next to a dropped group
 * ("reset the budget") drops only that group, so it is not a reset then.
 */
export function findReset(scan: Scan, droppedSomething: boolean): boolean {
  let reset = false;
  for (const m of findPhrases(scan, resetTable)) {
    claim(scan, m.start, m.end);
    if (!droppedSomething || m.end - m.start > 1) reset = true;
  }
  return reset;
}

export function findDrops(scan: Scan): Set<FactGroup> {
  const drops = new Set<FactGroup>();
  const { terms } = scan;
  for (let i = 0; i < terms.length; i++) {
    if (terms[i]!.text === 'anywhere' || phraseAt(scan, i, ['any', 'where']) > 0) {
      drops.add('location');
      claim(scan, i, i + 1);
    }
  }
  for (const match of findPhrases(scan, groupTable)) {
    if (droppedBefore(scan, match.start) || droppedAfter(scan, match.end)) {
      drops.add(match.value);
      claim(scan, match.start, match.end);
    }
  }
  return drops;
}

function droppedBefore(scan: Scan, start: number): boolean {
  for (let i = start - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const text = scan.terms[i]!.text;
    if (DROP_BEFORE.has(text)) return true;
    if (!FILLERS.has(text)) return false;
  }
  return false;
}

/** Two words after a group noun that drop it: "bütçe önemli değil", "бюджет не важен". */
const DROP_AFTER_PAIRS = new Map<string, ReadonlySet<string>>([
  ['onemli', new Set(['degil'])],
  ['fark', new Set(['etmez'])],
  ['не', new Set(['важен', 'важна', 'важно', 'имеет', 'ограничен', 'главное', 'принципиален'])],
]);

function droppedAfter(scan: Scan, end: number): boolean {
  for (let i = end, seen = 0; i < scan.terms.length && seen < 4; i++, seen++) {
    const text = scan.terms[i]!.text;
    if (DROP_AFTER.has(text)) return true;
    if (DROP_AFTER_PAIRS.get(text)?.has(scan.terms[i + 1]?.text ?? '')) return true;
    if (!FILLERS.has(text) && text !== ':') return false;
  }
  return false;
}

export type SmallTalk = 'greeting' | 'thanks';

const SMALL_TALK: ReadonlyArray<readonly [string, SmallTalk]> = [
  ...[
    'hi',
    'hello',
    'hey',
    'hiya',
    'howdy',
    'yo',
    'greetings',
    'merhaba',
    'selam',
    'good morning',
    'good afternoon',
    'good evening',
    'help',
    'what can you do',
    'what do you do',
    'who are you',
    'what are you',
    'how does this work',
    'how do you work',
    'how can you help',
    'what can i ask',
    // What the assistant is and does, asked in Turkish and Russian.
    'siz kimsiniz',
    'kimsiniz',
    'sen kimsin',
    'ne yapabilirsin',
    'ne yapabilirsiniz',
    'nasil yardimci olabilirsin',
    'yardimci olur musunuz',
    'yardim eder misiniz',
    'кто вы',
    'кто ты',
    'что вы умеете',
    'что ты умеешь',
    'чем можете помочь',
    'помогите',
    'hallo',
    'helo',
    'selamlar',
    'merhabalar',
    // Typed fast: "merhba", "mrhbalar", "sa" (selamün aleyküm), "хай".
    'merhba',
    'merhbalar',
    'mrhbalar',
    'merhabaa',
    'selamm',
    'sa',
    'selamun aleykum',
    'heya',
    'hellp',
    'hell o',
    'хаи',
    'хеллоу',
    'доброи ночи',
    'доброго вечера',
    'доброго утра',
    'приветствую',
    'slm',
    'slmlar',
    'mrb',
    'mrhb',
    'meraba',
    'hii',
    'heyy',
    'hey there',
    'good day',
    'прив',
    'приветик',
    'здрасте',
    'здрасьте',
    'доброго дня',
    'selamun aleykum',
    'gunaydin',
    'iyi gunler',
    'iyi aksamlar',
    'привет',
    'здравствуите',
    'здравствуи',
    'добрыи день',
    'добрыи вечер',
    'доброе утро',
  ].map((p) => [p, 'greeting'] as const),
  ...[
    'thanks',
    'thank you',
    'thank',
    'thx',
    'ty',
    'cheers',
    'tesekkurler',
    'great thanks',
    'perfect thanks',
    'tesekkur ederim',
    'tesekkur',
    'sagol',
    'sagolun',
    'sagolasin',
    'eyvallah',
    'cok tesekkurler',
    'tsk',
    'tskler',
    'saol',
    'saolun',
    'sagolasiniz',
    // Written apart, misspelt or as a Cypriot blessing: "sağ olun", "eline sağlık".
    'sag ol',
    'sag olun',
    'sag olasin',
    'sag olasiniz',
    'sagolsun',
    'eline saglik',
    'ellerine saglik',
    'ellerinize saglik',
    'elinize saglik',
    'emeginize saglik',
    'tesekkurederim',
    'tesekkur ederiz',
    'tesekurler',
    'tesekurederim',
    'tesekkurlerr',
    'tesekkurlar',
    'mersi',
    'merci',
    'thnks',
    'thks',
    'thankyou',
    'thank u',
    'tyvm',
    'much appreciated',
    'appreciate it',
    'appreciated',
    'спасиб',
    'спасибочки',
    'пасибо',
    'благодарим',
    'мерси',
    'thanx',
    'thnx',
    'tnx',
    'many thanks',
    'пасиб',
    'спс',
    'спасибки',
    'спасибо',
    'благодарю',
  ].map((p) => [p, 'thanks'] as const),
];
const smallTalkTable = phraseTable(SMALL_TALK);

export const SMALL_TALK_WORDS: ReadonlySet<string> = new Set(
  SMALL_TALK.flatMap(([p]) => p.split(' ')),
);

/** Small talk named anywhere in the message; used only when nothing else was understood. */
export function findSmallTalk(scan: Scan): SmallTalk | undefined {
  // What is said first: "teşekkürler, iyi günler" thanks and takes leave, "hi, thanks for
  // this" greets.
  return findPhrases(scan, smallTalkTable)[0]?.value;
}
