import { formatMoney } from '@parley/assistant';
import type { Alert, Language, Listing } from '@parley/validators';

/**
 * The line an alert leaves in the conversation its search was saved from, in the language
 * the assistant last spoke there; the listing itself travels as a card in the metadata.
 */
export function alertLine(alert: Alert, searchName: string, language: Language): string {
  const { listing } = alert;
  const price = priced(listing.price, listing, language);
  const was =
    alert.previousPrice === null ? '' : priced(Number(alert.previousPrice), listing, language);
  if (alert.reason === 'new') {
    switch (language) {
      case 'tr':
        return `Kayıtlı aramanız "${searchName}" için yeni ilan: ${listing.title}, ${price}.`;
      case 'ru':
        return `Новое объявление по сохранённому поиску «${searchName}»: ${listing.title}, ${price}.`;
      default:
        return `New listing for your saved search "${searchName}": ${listing.title}, ${price}.`;
    }
  }
  switch (language) {
    case 'tr':
      return `Kayıtlı aramanız "${searchName}" için fiyat düştü: ${listing.title}, şimdi ${price} (önce ${was}).`;
    case 'ru':
      return `Цена снижена по сохранённому поиску «${searchName}»: ${listing.title}, теперь ${price} (было ${was}).`;
    default:
      return `Price drop for your saved search "${searchName}": ${listing.title}, now ${price} (was ${was}).`;
  }
}

/** What a rent is for, as the cards say it: "£850/month", "£850 aylık", "850 £ в месяц". */
const PERIODS: Record<Language, Record<'month' | 'night', string>> = {
  en: { month: '/month', night: '/night' },
  tr: { month: ' aylık', night: ' gecelik' },
  ru: { month: ' в месяц', night: ' за ночь' },
};

function priced(amount: number, listing: Listing, language: Language): string {
  const money = formatMoney(amount, listing.currency, language);
  return listing.pricePeriod ? `${money}${PERIODS[language][listing.pricePeriod]}` : money;
}
