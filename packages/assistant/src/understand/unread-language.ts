import { normalise } from './tokens';

/**
 * A message in a language the assistant does not read: mostly letters of another script
 * (Arabic, Hebrew, Greek, Chinese...), or Latin words that are German, French, Spanish or
 * Italian and not English or Turkish. The reply then says which languages it reads, rather
 * than "I didn't catch anything new there". Place names, numbers, emoji and a stray
 * foreign word ("Casa Bella", "merci") never count: it takes two such words outnumbering
 * the words of the languages it reads.
 */

/** Words of other languages no English or Turkish message uses (folded, no accents). */
const FOREIGN_WORDS = new Set([
  // German
  'ich',
  'suche',
  'suchen',
  'eine',
  'einen',
  'einer',
  'wohnung',
  'wohnungen',
  'haus',
  'mieten',
  'kaufen',
  'miete',
  'mit',
  'und',
  'fur',
  'nicht',
  'bitte',
  'zimmer',
  'schlafzimmer',
  'meerblick',
  'mochte',
  'mochten',
  'gibt',
  'wir',
  'jemand',
  'ist',
  'sind',
  'haben',
  'habe',
  'konnen',
  'kann',
  'das',
  'dem',
  'ein',
  'auf',
  'bei',
  'nach',
  'oder',
  'aber',
  'auch',
  'noch',
  'sehr',
  'danke',
  'guten',
  'wie',
  'welche',
  'garten',
  'strand',
  'nahe',
  'monat',
  'zum',
  'zur',
  'vom',
  'meer',
  // French
  'je',
  'cherche',
  'cherchons',
  'une',
  'appartement',
  'maison',
  'louer',
  'acheter',
  'avec',
  'pour',
  'dans',
  'chambre',
  'chambres',
  'vue',
  'nous',
  'vous',
  'voudrais',
  'bonjour',
  'est',
  'les',
  'des',
  'du',
  'aux',
  'pres',
  'quelquun',
  'qui',
  'jardin',
  'meuble',
  'mois',
  'sur',
  'et',
  'il',
  'ou',
  'une',
  'plage',
  'piscine',
  // Spanish and Italian
  'busco',
  'buscamos',
  'una',
  'piso',
  'alquilar',
  'comprar',
  'con',
  'para',
  'los',
  'las',
  'del',
  'por',
  'quiero',
  'hola',
  'gracias',
  'habitaciones',
  'cerca',
  'playa',
  'hay',
  'alguien',
  'cerco',
  'affittare',
  'comprare',
  'appartamento',
  'per',
  'della',
  'vicino',
  'mare',
  'ciao',
  'grazie',
  'voglio',
  'casa',
]);

/** Letters of the scripts the assistant reads: Latin (English, Turkish) and Cyrillic. */
const READ_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}]/u;

/** Scripts written without spaces between words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

/**
 * True when `message` is written in a language the assistant does not read. `known` tells
 * whether a folded Latin word is one of English or Turkish (language.ts's word lists).
 */
export function inUnreadLanguage(message: string, known: (word: string) => boolean): boolean {
  const letters = message.match(/\p{L}/gu) ?? [];
  const other = letters.filter((letter) => !READ_SCRIPT.test(letter)).length;
  // Two words at least, or three letters of a script written without spaces (Chinese,
  // Japanese, Thai): a Greek place name alone ("Κερύνεια") is a place, not a sentence.
  const otherWords = message.match(/[^\s\p{Script=Latin}\p{Script=Cyrillic}\P{L}]+/gu) ?? [];
  const unspaced = message.match(UNSPACED_SCRIPT)?.length ?? 0;
  if (other >= 3 && other * 2 >= letters.length && (otherWords.length >= 2 || unspaced >= 3))
    return true;
  const words = normalise(message).match(/\p{L}+/gu) ?? [];
  // Russian is read: a Cyrillic word settles it.
  if (words.some((word) => /[а-я]/.test(word))) return false;
  const foreign = words.filter((word) => FOREIGN_WORDS.has(word)).length;
  const read = words.filter((word) => !FOREIGN_WORDS.has(word) && known(word)).length;
  return foreign >= 2 && foreign > read;
}
