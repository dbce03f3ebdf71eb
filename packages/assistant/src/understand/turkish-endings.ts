/**
 * Where a place is, comes from or goes: the locative ("Girne'de"), ablative ("Lefkoşa'dan")
 * and dative ("Magosa'ya") endings of two letters or more, folded, longest first. A word
 * that matched no name is tried without one of these (location.ts: "magosada").
 */
export const TURKISH_PLACE_ENDINGS: readonly string[] = [
  'nden',
  'ndan',
  'nde',
  'nda',
  'den',
  'dan',
  'ten',
  'tan',
  'de',
  'da',
  'te',
  'ta',
  'ye',
  'ya',
];

/**
 * Turkish case endings on a name, folded and without the apostrophe ("Girne'de",
 * "Lefkoşa'dan", "Güzelyurt'ta", "DAÜ'ye"), longest first so "ndeki" is tried before "de".
 * Place reading and language detection share this one list.
 */
export const TURKISH_CASE_ENDINGS: readonly string[] = [
  ...TURKISH_PLACE_ENDINGS,
  // "Girne'deki" (the one in), the genitive ("Girne'nin"), the accusative ("DAÜ'yü") and
  // the one-letter dative ("Lapta'ya" read as "lapta" + "ya", "Alsancak'a" + "a").
  ...['ndeki', 'ndaki', 'deki', 'daki', 'teki', 'taki', 'nin', 'nun', 'yi', 'yu', 'e', 'a'],
].sort((a, b) => b.length - a.length);
