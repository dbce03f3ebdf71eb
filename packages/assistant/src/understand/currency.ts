/**
 * Currency words as people write them, with Turkish case endings on the name: "100
 * euroyu geçmesin", "500 dolara kadar", "200 bin sterline", "20 bin liranın altında",
 * "700 euroluk". One pattern per currency instead of a list of inflected forms, so an
 * ending nobody listed still names the currency.
 */
export type BudgetCurrency = 'GBP' | 'EUR' | 'USD' | 'TRY';

const SIGNS: Readonly<Record<string, BudgetCurrency>> = {
  '£': 'GBP',
  '€': 'EUR',
  $: 'USD',
  '₺': 'TRY',
};

const STEMS: Readonly<Record<string, BudgetCurrency>> = {
  euro: 'EUR',
  eur: 'EUR',
  avro: 'EUR',
  dollar: 'USD',
  dolar: 'USD',
  usd: 'USD',
  tl: 'TRY',
  lira: 'TRY',
  pound: 'GBP',
  sterlin: 'GBP',
  sterling: 'GBP',
  gbp: 'GBP',
};

/**
 * Stem, English plural, then one Turkish ending (folded, apostrophe dropped): dative
 * "ya/a", accusative "yu/yi/u/i", ablative "dan/den/tan/ten", "-lık" amounts, genitive.
 */
const LATIN_CURRENCY = new RegExp(
  `^(${Object.keys(STEMS).join('|')})s?(?:y?[aeiu]|[dt][ae]n|l[iu]k|y?[iu]n|n[iu]n|y?l[ae])?$`,
);

const RUSSIAN_CURRENCY: ReadonlyArray<readonly [RegExp, BudgetCurrency]> = [
  [/^евро$/, 'EUR'],
  [/^доллар\p{L}*$/u, 'USD'],
  [/^бакс\p{L}*$/u, 'USD'],
  [/^лир\p{L}*$/u, 'TRY'],
  [/^фунт\p{L}*$/u, 'GBP'],
];

/** The currency a word or sign names, or undefined when it names none. */
export function currencyOfWord(text: string): BudgetCurrency | undefined {
  const sign = SIGNS[text];
  if (sign !== undefined) return sign;
  const stem = LATIN_CURRENCY.exec(text)?.[1];
  if (stem !== undefined) return STEMS[stem];
  for (const [pattern, currency] of RUSSIAN_CURRENCY) if (pattern.test(text)) return currency;
  return undefined;
}

/** A currency name with a Turkish ending ("poundluk", "euroyu"): only Turkish writes one. */
const TURKISH_CURRENCY_FORM = new RegExp(
  `^(?:${Object.keys(STEMS).join('|')})(?:y?[aeiu]|[dt][ae]n|l[iu]k|y?[iu]n|n[iu]n|y?l[ae])$`,
);

export function isTurkishCurrencyForm(text: string): boolean {
  return TURKISH_CURRENCY_FORM.test(text);
}
