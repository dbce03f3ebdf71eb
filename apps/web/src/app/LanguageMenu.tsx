import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage } from '../i18n/i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/languages';
import { Icon } from '../ui/icons';
import { Popover } from '../ui/Popover';

/** The language switch: each language named in itself; the choice is remembered. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = currentLanguage(i18n);
  return (
    <Popover
      className="language-menu"
      // The name starts with what the button shows ("EN"), so a voice command can say it.
      label={t('language.button', {
        code: current.toUpperCase(),
        language: LANGUAGE_NAMES[current],
      })}
      button={
        <>
          <Icon name="globe" size={18} />
          <span className="language-code" aria-hidden="true">
            {current.toUpperCase()}
          </span>
        </>
      }
    >
      {(_close, closeToButton) => (
        <ul className="popover-list" aria-label={t('language.label')}>
          {LANGUAGES.map((language) => (
            <li key={language}>
              <button
                type="button"
                className="popover-item"
                lang={language}
                aria-pressed={language === current}
                onClick={() => {
                  // The pressed item is hidden with the menu: focus goes back to its button.
                  closeToButton();
                  void chooseLanguage(language);
                }}
              >
                {LANGUAGE_NAMES[language]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Popover>
  );
}
