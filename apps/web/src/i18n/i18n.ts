import i18next, { type i18n as I18n, type InitOptions } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  LANGUAGE_STORAGE_KEY,
  LANGUAGES,
  type Language,
  languageOf,
} from './languages';

/** The app's one i18next instance (react-i18next and plain modules such as lib/errors use it). */
export const i18n: I18n = i18next;

/** Options every start shares, in the browser and in tests. */
export const baseOptions: InitOptions = {
  supportedLngs: [...LANGUAGES],
  load: 'languageOnly',
  // A language we speak has no fallback, so only its own file is fetched; anything else
  // (a browser asking for German) gets English.
  fallbackLng: (code: string) => (languageOf(code) ? [] : [DEFAULT_LANGUAGE]),
  interpolation: { escapeValue: false }, // React escapes
  returnEmptyString: false,
  // Resources are loaded before the first render and before every switch: nothing suspends.
  react: { useSuspense: false },
};

/** The language on screen now (the resolved one, never a regional variant). */
export function currentLanguage(instance: I18n = i18n): Language {
  return languageOf(instance.resolvedLanguage ?? instance.language) ?? DEFAULT_LANGUAGE;
}

/** Keeps `<html lang>` (and the page description) in the language on screen. */
function syncDocument(instance: I18n): void {
  const language = currentLanguage(instance);
  document.documentElement.lang = language;
  document.documentElement.dir = instance.dir(language);
  document
    .querySelector('meta[name="description"]')
    ?.setAttribute('content', instance.t('common.metaDescription'));
}

/**
 * Starts i18next in the browser: the language chosen before (localStorage), else the
 * first of the browser's languages we speak (navigator.languages), else English. Each
 * language is its own JSON chunk, fetched when needed, so the first screen carries only
 * the language it shows.
 */
export async function startI18n(): Promise<I18n> {
  i18n.on('languageChanged', () => syncDocument(i18n));
  await i18n
    .use(resourcesToBackend((language: string) => import(`./locales/${language}.json`)))
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      ...baseOptions,
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // Only a choice made with the switch is remembered, not what the browser said.
        caches: [],
      },
    });
  syncDocument(i18n);
  return i18n;
}

/** The language switch: load it, show it, remember it for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage blocked (private mode): the choice lasts until the tab closes.
  }
}
