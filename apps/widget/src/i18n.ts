/**
 * The widget's own words in the languages Parley speaks (the assistant answers in the
 * language it is asked in; these are the texts around its answers). A small typed table
 * instead of an i18n library: every language must have every text, or it does not compile.
 */
export const LANGUAGES = ['en', 'tr', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The locale Intl formats with: prices are in pounds, so English reads them the British way (as the web app). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', tr: 'tr-TR', ru: 'ru-RU' };

export interface Texts {
  title: string;
  close: string;
  person: string;
  placeholder: string;
  /** While an agent holds the chat: the box asks for a message to them. */
  writeTo(name: string): string;
  message: string;
  send: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  unavailable: string;
  couldNotAsk: string;
  notSent: string;
  asked: string;
  askedAbout(title: string): string;
  joined(name: string): string;
  back: string;
  ended: string;
  /** The assistant's dots (read out, not shown). */
  working: string;
  typing(name: string): string;
  studio: string;
  /** `count` already formatted; `plural` is its Intl.PluralRules category. */
  bedrooms(count: string, plural: Intl.LDMLPluralRule): string;
  perMonth(price: string): string;
  perNight(price: string): string;
}

const en: Texts = {
  title: 'Chat with us',
  close: 'Close chat',
  person: 'Talk to a person',
  placeholder: 'Ask about homes to rent or buy…',
  writeTo: (name) => `Write to ${name}…`,
  message: 'Message',
  send: 'Send',
  connecting: 'connecting…',
  reconnecting: 'reconnecting…',
  offline: 'offline',
  unavailable: 'The chat is unavailable: ',
  couldNotAsk: 'Could not ask for a person: ',
  notSent: 'Not sent: ',
  asked: 'You asked for a person: an agent will join this chat',
  askedAbout: (title) => `You asked for a person about “${title}”: an agent will join this chat`,
  joined: (name) => `${name} joined the chat`,
  back: 'The assistant is back',
  ended: 'This chat has ended',
  working: 'The assistant is writing',
  typing: (name) => `${name} is typing…`,
  studio: 'studio',
  bedrooms: (count) => `${count} bed`,
  perMonth: (price) => `${price}/month`,
  perNight: (price) => `${price}/night`,
};

const tr: Texts = {
  title: 'Bize yazın',
  close: 'Sohbeti kapat',
  person: 'Temsilciyle konuşun',
  placeholder: 'Kiralık ya da satılık ev sorun…',
  writeTo: (name) => `${name} için mesaj yazın…`,
  message: 'Mesaj',
  send: 'Gönder',
  connecting: 'bağlanıyor…',
  reconnecting: 'yeniden bağlanıyor…',
  offline: 'çevrimdışı',
  unavailable: 'Sohbet kullanılamıyor: ',
  couldNotAsk: 'Temsilci istenemedi: ',
  notSent: 'Gönderilemedi: ',
  asked: 'Bir temsilci istediniz: temsilci bu sohbete katılacak',
  askedAbout: (title) =>
    `“${title}” hakkında bir temsilci istediniz: temsilci bu sohbete katılacak`,
  joined: (name) => `${name} sohbete katıldı`,
  back: 'Asistan geri döndü',
  ended: 'Bu sohbet sona erdi',
  working: 'Asistan yazıyor',
  typing: (name) => `${name} yazıyor…`,
  studio: 'stüdyo',
  bedrooms: (count) => `${count} yatak odası`,
  perMonth: (price) => `${price} aylık`,
  perNight: (price) => `${price} gecelik`,
};

const ru: Texts = {
  title: 'Напишите нам',
  close: 'Закрыть чат',
  person: 'Позвать человека',
  placeholder: 'Спросите об аренде или покупке жилья…',
  writeTo: (name) => `Сообщение агенту ${name}…`,
  message: 'Сообщение',
  send: 'Отправить',
  connecting: 'подключение…',
  reconnecting: 'переподключение…',
  offline: 'нет сети',
  unavailable: 'Чат недоступен: ',
  couldNotAsk: 'Не удалось позвать человека: ',
  notSent: 'Не отправлено: ',
  asked: 'Вы позвали человека: агент подключится к этому чату',
  askedAbout: (title) =>
    `Вы позвали человека по объявлению «${title}»: агент подключится к этому чату`,
  // Without a verb in the past tense, which would need the agent's gender.
  joined: (name) => `${name} теперь в чате`,
  back: 'Ассистент снова с вами',
  ended: 'Этот чат завершён',
  working: 'Ассистент пишет',
  typing: (name) => `${name} печатает…`,
  studio: 'студия',
  bedrooms: (count, plural) =>
    `${count} ${plural === 'one' ? 'спальня' : plural === 'few' ? 'спальни' : plural === 'many' ? 'спален' : 'спальни'}`,
  perMonth: (price) => `${price} в месяц`,
  perNight: (price) => `${price} за ночь`,
};

export const TEXTS: Record<Language, Texts> = { en, tr, ru };

/** `tr-TR` -> `tr`; a language the widget does not speak (or none) -> undefined. */
export function languageOf(code: string | null | undefined): Language | undefined {
  const base = code?.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : undefined;
}

/** The first of `codes` the widget speaks (most specific first), else English. */
export function pickLanguage(codes: readonly (string | null | undefined)[]): Language {
  for (const code of codes) {
    const language = languageOf(code);
    if (language) return language;
  }
  return 'en';
}

/**
 * The language of `element`: its own `lang`, else the nearest `lang` of the page around
 * it (`<html lang>` at the latest), else the browser's languages.
 */
export function languageFor(element: Element): Language {
  return pickLanguage([
    element.closest('[lang]')?.getAttribute('lang'),
    element.ownerDocument.documentElement.lang,
    ...(globalThis.navigator?.languages ?? []),
    globalThis.navigator?.language,
  ]);
}

/** Numbers, prices and bedrooms as the cards show them, in one language. */
export interface Format {
  texts: Texts;
  money(amount: number, currency: string): string;
  bedrooms(count: number): string;
}

export function makeFormat(language: Language): Format {
  const texts = TEXTS[language];
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  return {
    texts,
    // `£40.50`, `£1,000` (en); `£1.000` (tr); `1 000 £` (ru): pence only when there are some.
    money(amount, currency) {
      const digits = Number.isInteger(amount) ? 0 : 2;
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(amount);
    },
    bedrooms: (count) =>
      count === 0 ? texts.studio : texts.bedrooms(numbers.format(count), plurals.select(count)),
  };
}
