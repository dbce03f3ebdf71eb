/**
 * Phone numbers in a message. "my phone is 555-1234, find me a villa" is contact
 * details, not a budget of £555 to £1,234: the number (and the words introducing it)
 * is taken out before any parser sees the message, so it never becomes a price, a
 * bedroom count or anything else, and memory never stores it.
 *
 * A number is a phone number when
 * - a word naming a phone comes just before it (phone, tel, number, WhatsApp, telefon,
 *   numaram, телефон, номер ...; at most three short words between, as in "my phone
 *   number is") and it has at least 7 digits ("555-1234"), or
 * - its shape says so on its own: "+" and at least 10 digits ("+90 533 123 4567"), or a
 *   leading 0 and 10 or 11 digits in groups ("0533 123 45 67"). No price is written so.
 * Digit groups after the first have two digits or more, so "tel 555 1234 2 bedrooms"
 * keeps its bedroom count.
 */

const PHONE_WORD =
  '(?:phone|telephone|tel|mobile|cell|cellphone|number|whats\\s?app|viber|telegram|telefon\\p{L}*|numara\\p{L}*|cep|gsm|телефон\\p{L}*|тел|номер\\p{L}*|мобильн\\p{L}*|ватсап\\p{L}*|вотсап\\p{L}*|вацап\\p{L}*)';
/** Short words between the phone word and the number: "is", "me on", "мой", ":". */
const FILLER = '(?:[\\s:#.-]+\\p{L}{1,8}){0,3}';
// Groups are split only by a separator, so a long run of digits is read one way: the
// pattern stays linear on any input.
const DIGITS = '\\+?\\(?\\d+\\)?(?:[\\s.-]\\(?\\d{2,}\\)?)*';

const INTRODUCED = new RegExp(
  `(?<![\\p{L}\\d])${PHONE_WORD}${FILLER}[\\s:#.-]*(${DIGITS})(?![\\d\\p{L}])`,
  'giu',
);
const SHAPED =
  /(?<![\p{L}\d+])(?:\+\d[\d\s().-]{8,}\d|0[1-9]\d{1,3}(?:[\s.-]?\d{2,4}){2,4})(?![\d\p{L}])/gu;

const digitCount = (s: string) => s.replace(/\D/g, '').length;

export interface PhoneScan {
  /** The message with every phone number, and the words introducing it, blanked. */
  text: string;
  /** True when the message held a phone number. */
  found: boolean;
}

export function removePhoneNumbers(message: string): PhoneScan {
  let found = false;
  let text = message.replace(INTRODUCED, (whole: string, number: string) => {
    if (digitCount(number) < 7) return whole;
    found = true;
    return ' ';
  });
  text = text.replace(SHAPED, (whole: string) => {
    const n = digitCount(whole);
    const ok = whole.startsWith('+') ? n >= 10 && n <= 15 : n >= 10 && n <= 11;
    if (!ok) return whole;
    found = true;
    return ' ';
  });
  return { text, found };
}
