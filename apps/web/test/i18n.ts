import { initReactI18next } from 'react-i18next';
import { baseOptions, i18n } from '../src/i18n/i18n';
import type { Language } from '../src/i18n/languages';
import en from '../src/i18n/locales/en.json';
import ru from '../src/i18n/locales/ru.json';
import tr from '../src/i18n/locales/tr.json';

/** Component tests run in English, with every language's resources at hand and no loading. */
export async function startTestI18n(language: Language = 'en'): Promise<void> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      ...baseOptions,
      lng: language,
      initAsync: false,
      resources: { en: { translation: en }, tr: { translation: tr }, ru: { translation: ru } },
    });
  }
  await i18n.changeLanguage(language);
}
