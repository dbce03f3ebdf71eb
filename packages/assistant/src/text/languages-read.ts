/**
 * Said to a message in a language the assistant does not read, in each language it does:
 * the person may read only one of them, and which one is not known.
 */
export const LANGUAGES_READ = [
  'I understand English, Turkish and Russian: please write in one of them.',
  'İngilizce, Türkçe ve Rusça anlıyorum: lütfen bunlardan biriyle yazın.',
  'Я понимаю английский, турецкий и русский: напишите, пожалуйста, на одном из них.',
].join(' ');
