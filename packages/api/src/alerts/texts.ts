import { formatMoney } from '@parley/assistant';
import type { Alert, Language } from '@parley/validators';

/**
 * The line an alert leaves in the conversation its search was saved from, in the language
 * the assistant last spoke there; the listing itself travels as a card in the metadata.
 */
export function alertLine(alert: Alert, searchName: string, language: Language): string {
  const { listing } = alert;
  const price = formatMoney(listing.price, listing.currency, language);
  const was =
    alert.previousPrice === null
      ? ''
      : formatMoney(Number(alert.previousPrice), listing.currency, language);
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
