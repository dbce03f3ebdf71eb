/** The languages the web app speaks; the first is the fallback. */
export const LANGUAGES = ['en', 'tr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name in itself: a person looks for their own language's name. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  tr: 'Türkçe',
  ru: 'Русский',
};

/** The locale Intl formats with: prices are in pounds, so English reads them the British way. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', ru: 'ru-RU' };

/** Where the language a person chose is remembered. */
export const LANGUAGE_STORAGE_KEY = 'parley.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `tr-TR` -> `tr`; anything the app does not speak -> undefined. */
export function languageOf(code: string | undefined): Language | undefined {
  const base = code?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : undefined;
}
