import { findPhrases, phraseTable, type Scan } from './scan';

/**
 * Asking to page through the same list ("show more", "daha fazla göster", "покажи ещё")
 * or to order it by price ("sort by price", "fiyata göre sırala", "по цене"). Neither
 * changes what is searched for; the reply lists further or in another order.
 */
const MORE = phraseTable(
  [
    'show more',
    'show me more',
    'more results',
    'more options',
    'more listings',
    'see more',
    'any more',
    'next page',
    'the rest',
    'show the rest',
    'next ones',
    'next #',
    'daha fazla goster',
    'daha fazla',
    'daha fazlasi',
    'devamini goster',
    'devami',
    'digerlerini goster',
    'digerleri',
    'sonraki ilanlar',
    'sonrakiler',
    'покажи еще',
    'покажите еще',
    'еще варианты',
    'еще',
    'дальше',
    'следующие',
  ].map((phrase) => [phrase, true] as const),
);

const BY_PRICE = phraseTable(
  [
    'sort by price',
    'sorted by price',
    'order by price',
    'by price',
    'lowest price first',
    'price low to high',
    'fiyata gore',
    'fiyatina gore',
    'ucuzdan pahaliya',
    'по цене',
    'от дешевых',
    'сначала дешевые',
  ].map((phrase) => [phrase, true] as const),
);

/** "show more": the next page of the same list. */
export function asksForMore(scan: Scan): boolean {
  return findPhrases(scan, MORE).length > 0;
}

/** "sort by price": the same list, cheapest first. */
export function sortsByPrice(scan: Scan): boolean {
  return findPhrases(scan, BY_PRICE).length > 0;
}
