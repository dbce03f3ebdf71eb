/**
 * Turkish case endings on a name, folded and without the apostrophe ("Girne'de",
 * "Lefkoşa'dan", "Güzelyurt'ta", "DAÜ'ye"), longest first so "ndeki" is tried before "de".
 * Place reading and language detection share this one list.
 */
export const TURKISH_CASE_ENDINGS: readonly string[] = [
  'ndeki',
  'ndaki',
  'deki',
  'daki',
  'teki',
  'taki',
  'nden',
  'ndan',
  'nde',
  'nda',
  'den',
  'dan',
  'ten',
  'tan',
  'nin',
  'nun',
  'de',
  'da',
  'te',
  'ta',
  'ye',
  'ya',
  'yi',
  'yu',
  'e',
  'a',
];
