import { ENGLISH_LISTING_WORDS } from './keywords';
import type { Term } from './tokens';

/**
 * "tell me more about the new one", "yeni ilan nasıl?", "расскажите о новом объявлении":
 * the listing an alert posted in the chat, not a new filter. Read only when the message
 * names nothing to search for (see interpret), so "a new flat in Girne" stays a search.
 */

/** "the new one", "the latest listing", "that alert". */
const ENGLISH_NEW = new Set(['new', 'latest', 'newest']);
const ENGLISH_AFTER = new Set([...ENGLISH_LISTING_WORDS, 'listings', 'alert']);
/** "yeni ilan", "yeni çıkan", "yenisi", "bildirimdeki ilan". */
const TURKISH = /^(?:yenisi\p{L}*|bildirim\p{L}*)$/u;
const TURKISH_AFTER_NEW = /^(?:ilan|olan|cikan|gelen|dusen)\p{L}*$/u;
/** "новое объявление", "о новом", "новый вариант", "из уведомления". */
const RUSSIAN_NEW = /^нов(?:ое|ого|ом|ыи|ую|ая|ои|ые|ых)$/u;
const RUSSIAN_AFTER_NEW = /^(?:объявлен|вариант|квартир|вилл|дом|предложен)\p{L}*$/u;
const RUSSIAN = /^уведомлен\p{L}*$/u;

export function namesAlertedListing(terms: readonly Term[]): boolean {
  for (let i = 0; i < terms.length; i++) {
    const text = terms[i]!.text;
    const next = terms[i + 1]?.text ?? '';
    // "one" is read as a spelled number.
    const one = terms[i + 1]?.num?.spelled === true && terms[i + 1]?.num?.value === 1;
    if (ENGLISH_NEW.has(text) && (ENGLISH_AFTER.has(next) || one)) return true;
    if (text === 'alert' && ['the', 'that', 'this', 'your'].includes(terms[i - 1]?.text ?? ''))
      return true;
    if (TURKISH.test(text) || (text === 'yeni' && TURKISH_AFTER_NEW.test(next))) return true;
    if (RUSSIAN.test(text)) return true;
    // "о новом?" ends the message: nothing else it could be new.
    if (RUSSIAN_NEW.test(text) && (RUSSIAN_AFTER_NEW.test(next) || !/\p{L}/u.test(next)))
      return true;
  }
  return false;
}
