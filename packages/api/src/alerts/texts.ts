import type { Alert, Language } from '@parley/validators';

const LOCALES: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', ru: 'ru-RU' };

function money(amount: number, currency: string, language: Language): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/**
 * The line an alert leaves in the conversation its search was saved from, in the language
 * the assistant last spoke there; the listing itself travels as a card in the metadata.
 */
export function alertLine(alert: Alert, searchName: string, language: Language): string {
  const { listing } = alert;
  const price = money(listing.price, listing.currency, language);
  const was =
    alert.previousPrice === null
      ? ''
      : money(Number(alert.previousPrice), listing.currency, language);
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
