import { DISTRICTS, foldText, type Language, townNames } from '@parley/validators';
import { isTurkishCurrencyForm } from './currency';
import { ELSEWHERE } from './intents';
import { LANDMARKS } from './landmarks';
import { normalise } from './tokens';
import { isRussianInLatin } from './translit';
import { TURKISH_CASE_ENDINGS } from './turkish-endings';
import { inUnreadLanguage } from './unread-language';
import { VILLAGES } from './villages';

/**
 * Which language a message is written in. Cyrillic letters mean Russian; Turkish letters
 * (ç ğ ı ö ş ü) or Turkish words outnumbering English ones mean Turkish; English words
 * mean English. Town names, numbers and "2+1" say nothing, so "Girne 2+1" is undefined
 * and the caller keeps the conversation's language.
 */

const TURKISH_LETTERS = /[çğıöşüÇĞİÖŞÜ]/g;
const CYRILLIC = /[а-яё]/gi;

// Folded (no diacritics), as people type without a Turkish keyboard.
const TURKISH_WORDS = new Set([
  'kiralik',
  'satilik',
  'daire',
  'ev',
  'evi',
  'merhaba',
  'selam',
  'selamlar',
  'merhabalar',
  'eyvallah',
  'sagolasin',
  'aleykum',
  'icin',
  'istiyorum',
  'ariyorum',
  'var',
  'mi',
  'mu',
  'ile',
  've',
  'bir',
  'odali',
  'havuzlu',
  'esyali',
  'gunluk',
  'aylik',
  'gecelik',
  'butce',
  'butcem',
  'alti',
  'altinda',
  'kadar',
  'tesekkurler',
  'tesekkur',
  'sagol',
  'lutfen',
  'nerede',
  'bana',
  'beni',
  'haber',
  'ver',
  'deniz',
  'manzarali',
  'bahceli',
  'mustakil',
  'yakin',
  'ucuz',
  'daha',
  'olsun',
  'olmasin',
  'haric',
  'sterlin',
  'bin',
  'yatak',
  'odasi',
  'kira',
  'tatil',
  'nasil',
  'nedir',
  'ne',
  'bu',
  'da',
  'de',
  'yok',
  'degil',
  'dairesi',
  'satin',
  'almak',
  'yabanci',
  'tapu',
  'oturma',
  'izni',
  'gorusmek',
  'konusmak',
  'biri',
  'biriyle',
  'insan',
  'temsilci',
  'yerine',
  'ayni',
  'ama',
  'olan',
  'fazla',
  'uzeri',
  'arasi',
  'sahibinden',
  'denize',
  'sifir',
  'plaj',
  'balkonlu',
  'klimali',
  'otopark',
  'hava',
  'durumu',
  'nasildir',
  'gunaydin',
  'iyi',
  'gunler',
  'aksamlar',
  'sadece',
  'istemiyorum',
  'uzun',
  'kisa',
  'donem',
  'yeni',
  'buyuk',
  'kucuk',
  'pahali',
  'bungalov',
  'basla',
  'baslayalim',
  'olabilir',
  'istiyoruz',
  'lutfen',
  // Shorthand and question particles, as typed on phones.
  'slm',
  'slmlar',
  'mrb',
  'mrhb',
  'meraba',
  'tsk',
  'tskler',
  'saol',
  'saolun',
  'sagolun',
  'misiniz',
  'misin',
  'musunuz',
  'musun',
  'miyiz',
  'miyim',
  'muyuz',
  'muyum',
  'nerde',
  'sag',
  'havuz',
  'havuzu',
  'bahce',
  'bahcesi',
  'klima',
  'garaj',
  'balkon',
  'teras',
  'esya',
  'mobilya',
  'mobilyali',
  'luks',
  'kedi',
  'kopek',
  'studyo',
  'otoparkli',
  'dubleks',
  'rezidans',
  'apartman',
  'kimsiniz',
  'kimsin',
  'yardimci',
  'yardim',
  'satlik',
  'kirlik',
  'kiralk',
  'olun',
  'evcil',
  'hayvan',
  'hayvana',
  'hayvanlar',
  'izin',
  'veren',
  'kabul',
  'eden',
  'gibi',
  'yeri',
  'yakini',
  'yakinlarinda',
  'yakininda',
  'civari',
  'civarinda',
  'merkezi',
  'merkezinde',
  'kenari',
  'kenarinda',
  'manzara',
  'manzarasi',
  'sitede',
  'sitesi',
  'icinde',
  'ogrenci',
  'ogrenciyim',
  'ogrenciler',
  'ogrenciye',
  'arkadasim',
  'ailem',
  'aile',
  'cocuk',
  'cocuklu',
  'esim',
  'bizim',
  'benim',
  'gerek',
  'gerekli',
  'acil',
  'hemen',
  'simdi',
  'fiyat',
  'fiyatli',
  'yaklasik',
  'taksitli',
  'pesin',
  'kredi',
  'krediye',
  'eski',
  'bina',
  'katli',
  'asansor',
  'asansorlu',
  'dogalgaz',
  'genis',
  'ferah',
  'sessiz',
  'sakin',
  'guzel',
  'temiz',
  'bakimli',
  'yazlik',
  'kislik',
  'yil',
  'gece',
  'hafta',
  'sonu',
  'tatilde',
  'kis',
  'evet',
  'hayir',
  'tamam',
  'peki',
  'olur',
  'olmaz',
  'rica',
  'ederim',
  'hocam',
  'abi',
  'abla',
  'kardes',
  'kardesim',
  'hanim',
  'efendim',
  'tane',
  'adet',
  'bakiyorum',
  'bakiyoruz',
  'ariyoruz',
  'banyo',
  'mutfak',
  'esyasiz',
  'villalar',
  'az',
  'sterline',
  'sterlinden',
  'sterlinlik',
  'poundun',
  'pounda',
  'pounddan',
  'ayligi',
  'gunlugu',
  'haftalik',
  'haftaligi',
  'merhba',
  'merhbalar',
  'mrhbalar',
  'merhabaa',
  'selamm',
  'eline',
  'saglik',
  'lazim',
  'oda',
  'odalar',
  'veya',
  'aslinda',
  'evler',
  'evleri',
  'daireler',
  'kac',
  'kaca',
  'ortalama',
  'biliyor',
  'bagla',
  'baglar',
  'baglayin',
  'musteri',
  'hizmetleri',
  'hangi',
  'cok',
  'ucuzlari',
  'uygun',
  'merkez',
  'merkezde',
]);

/**
 * A place with a Turkish case ending ("limasolda", "girneden", "emuya") is Turkish even
 * when nothing else in the message is: English has no such endings. Endings of one
 * letter are left out ("lapta" + "a" is how many names end anyway).
 */
const PLACE_STEMS: ReadonlySet<string> = new Set(
  [
    ...townNames().map(([name]) => name),
    ...DISTRICTS.flatMap((d) => [...VILLAGES[d], ...LANDMARKS[d]].map(foldText)),
    ...ELSEWHERE,
  ].filter((name) => /^[a-z]{3,}$/.test(name)),
);
// The endings places take; one-letter ones are left out here, since many names already
// end in "a" or "e" ("lapta" is not "lapt" + "a"), so they would make any name Turkish.
const PLACE_ENDINGS = TURKISH_CASE_ENDINGS.filter((ending) => ending.length > 1);

/**
 * A number with a Turkish case ending ("800e kadar", "1000den az", "50 bine", "750ye"):
 * English never suffixes a number like that. A one-letter ending needs three digits (a price), so a
 * flat number such as "12a" stays neutral.
 */
/**
 * A Turkish case ending after an apostrophe on any word ("residence'ta", "EMU'ya",
 * "site'de"): English apostrophes are followed by s, t, d, m, re, ve or ll, never these.
 */
const APOSTROPHE_ENDING =
  /\p{L}['’](?:n?[dt][aeıiuü]|n?[dt][ae]n|y[aeıiuü]|n[ıiuü]n|[ıiuü]n)(?!\p{L})/giu;

const NUMBER_WITH_ENDING =
  /\d(?:\d\d[ae]|[.,]?\d*(?:y[ae]|[dt][ae]n?|l[iu]k|y?l[ae]))(?![\p{L}\d])/gu;

function isPlaceWithTurkishEnding(word: string): boolean {
  for (const ending of PLACE_ENDINGS) {
    if (word.endsWith(ending) && PLACE_STEMS.has(word.slice(0, -ending.length))) return true;
  }
  return false;
}

/**
 * Turkish verb endings no English word has: "bakabilir", "arıyorum", "gelebilir",
 * "istemiyorum", "görebilir miyiz". A word with one counts as a Turkish word.
 */
const TURKISH_VERB =
  /^\p{L}{2,}(?:[ae]bilir(?:im|iz|sin|siniz|ler|misiniz)?|[iu]yor(?:um|uz|sun|lar)?|yorum|yoruz|m[ae]s[iu]n)$/u;

const ENGLISH_WORDS = new Set([
  'the',
  'a',
  'an',
  'in',
  'for',
  'with',
  'to',
  'of',
  'and',
  'or',
  'i',
  'im',
  'me',
  'my',
  'we',
  'want',
  'need',
  'looking',
  'look',
  'find',
  'show',
  'please',
  'flat',
  'flats',
  'apartment',
  'apartments',
  'house',
  'houses',
  'rent',
  'rental',
  'buy',
  'sale',
  'under',
  'below',
  'max',
  'bed',
  'beds',
  'bedroom',
  'bedrooms',
  'near',
  'sea',
  'view',
  'pool',
  'garden',
  'cheap',
  'cheaper',
  'something',
  'any',
  'anything',
  'is',
  'are',
  'can',
  'you',
  'what',
  'how',
  'hi',
  'hello',
  'thanks',
  'thank',
  'month',
  'night',
  'holiday',
  'budget',
  'instead',
  'not',
  'no',
  'but',
  'same',
  'more',
  'less',
  'bigger',
  'smaller',
  'let',
  'know',
  'when',
  'speak',
  'someone',
  'agent',
  'weather',
  'do',
  'does',
  'there',
  'have',
  'has',
  'long',
  'term',
  'short',
  'furnished',
  'parking',
  'beach',
  'with',
  'around',
  'up',
  'from',
  'at',
  'on',
  'it',
  'this',
  'that',
  'these',
  'ones',
  'one',
  'also',
  'only',
  'just',
  'forget',
  'about',
  'pets',
  'studio',
  'villas',
]);

export function detectLanguage(message: string): Language | undefined {
  const cyrillic = message.match(CYRILLIC)?.length ?? 0;
  const latin = message.match(/[a-z]/gi)?.length ?? 0;
  if (cyrillic > 0 && cyrillic >= latin / 2) return 'ru';
  if (isRussianInLatin(message)) return 'ru';
  const words = normalise(message).match(/[a-z]+/g) ?? [];
  let turkish = (message.match(TURKISH_LETTERS)?.length ?? 0) > 0 ? 1 : 0;
  turkish += 2 * (normalise(message).match(NUMBER_WITH_ENDING)?.length ?? 0);
  turkish += 2 * (message.match(APOSTROPHE_ENDING)?.length ?? 0);
  let english = 0;
  for (const word of words) {
    if (
      TURKISH_WORDS.has(word) ||
      TURKISH_VERB.test(word) ||
      isPlaceWithTurkishEnding(word) ||
      isTurkishCurrencyForm(word)
    )
      turkish += 2;
    else if (ENGLISH_WORDS.has(word)) english++;
  }
  if (cyrillic > 0 && english === 0 && turkish === 0) return 'ru';
  // Russian words with Latin town names or English words ("квартира в Kyrenia, long
  // term"): nobody writing English or Turkish types Russian words, so each counts twice.
  const russianWords = normalise(message).match(/[а-я]+/g)?.length ?? 0;
  if (russianWords > 0 && russianWords * 2 >= english + turkish) return 'ru';
  if (turkish === 0 && english === 0) return undefined;
  // A Turkish speaker mixes in English words ("flat", "pool") far more than the reverse,
  // so a Turkish word counts twice.
  return turkish >= english ? 'tr' : 'en';
}

/**
 * True when a message shows its language by one English word at most, among three words
 * or fewer ("do 900", "ok", "2 bed"): Russian typed in Latin letters and a quick
 * follow-up look alike, so the conversation's language is the better guess.
 */
export function saysLittleLanguage(message: string): boolean {
  // match, not test: both patterns are global, and test would keep their lastIndex.
  if (message.match(CYRILLIC) !== null || message.match(TURKISH_LETTERS) !== null) return false;
  const words = normalise(message).match(/[a-z]+/g) ?? [];
  const english = words.filter((word) => ENGLISH_WORDS.has(word)).length;
  return words.length <= 3 && english <= 1 && detectLanguage(message) !== 'tr';
}

/** True when the message is in a language the assistant does not read (German, Arabic...). */
export function writtenInUnreadLanguage(message: string): boolean {
  return inUnreadLanguage(
    message,
    (word) =>
      TURKISH_WORDS.has(word) ||
      ENGLISH_WORDS.has(word) ||
      TURKISH_VERB.test(word) ||
      isPlaceWithTurkishEnding(word),
  );
}

/** The language of the newest earlier user message that shows one, else undefined. */
export function languageOfHistory(
  history: ReadonlyArray<{ role: string; content: string }>,
): Language | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role !== 'user') continue;
    const language = detectLanguage(turn.content);
    if (language !== undefined) return language;
  }
  return undefined;
}

/** The language to answer in: the message's own, else the conversation's, else English. */
export function replyLanguage(
  message: string,
  history: ReadonlyArray<{ role: string; content: string }>,
): Language {
  return detectLanguage(message) ?? languageOfHistory(history) ?? 'en';
}
