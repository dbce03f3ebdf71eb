import {
  type Feature,
  findTown,
  type Listing,
  type PropertyType,
  type SearchFacts,
} from '@parley/validators';
import { formatCount, formatMoney, kindRange, listingPrice } from './money';
import type { Change, Loosened, Question, Texts } from './types';

const TYPE: Record<PropertyType, string> = {
  apartment: 'квартиры',
  villa: 'виллы',
  house: 'дома',
  studio: 'студии',
  penthouse: 'пентхаусы',
  bungalow: 'бунгало',
};
const RENT = {
  long_term: 'в долгосрочную аренду',
  short_term: 'посуточно',
  sale: 'на продажу',
} as const;
const PERIOD = { long_term: ' в месяц', short_term: ' за ночь', sale: '' } as const;
export const FEATURE_RU: Record<Feature, string> = {
  beach: 'у моря',
  sea_view: 'с видом на море',
  pool: 'с бассейном',
  garden: 'с садом',
  furnished: 'с мебелью',
  parking: 'с парковкой',
  pet_friendly: 'можно с питомцами',
  gym: 'со спортзалом',
  air_conditioning: 'с кондиционером',
  balcony: 'с балконом',
};
/** A town as Russian speakers write it (`Town.russian`); a name Parley does not know stays as written. */
const russian = (town: string) => findTown(town)?.russian;
const name = (town: string) => russian(town)?.name ?? town;
const inTown = (town: string) => russian(town)?.in ?? `в ${town}`;
/** After "вместо" or "кроме": "вместо Кирении". */
const ofTown = (town: string) => russian(town)?.of ?? town;
/** A feature refused, as the person would have said it: "без бассейна", "без мебели". */
const REFUSED: Record<Feature, string> = {
  beach: 'не у моря',
  sea_view: 'без вида на море',
  pool: 'без бассейна',
  garden: 'без сада',
  furnished: 'без мебели',
  parking: 'без парковки',
  pet_friendly: 'без питомцев',
  gym: 'без спортзала',
  air_conditioning: 'без кондиционера',
  balcony: 'без балкона',
};

const money = (n: number) => formatMoney(n, 'GBP', 'ru');
const plurals = new Intl.PluralRules('ru-RU');

/** forms: [one, few, many] — "1 спальня", "2 спальни", "5 спален". */
function plural(n: number, forms: readonly [string, string, string]): string {
  const rule = plurals.select(n);
  return rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
}
const BEDROOMS = ['спальня', 'спальни', 'спален'] as const;
const VARIANTS = ['вариант', 'варианта', 'вариантов'] as const;
const ADS = ['объявление', 'объявления', 'объявлений'] as const;
/** "1 вариант", "2 варианта", "5 вариантов", "21 вариант": the count with its noun. */
const counted = (n: number, forms: readonly [string, string, string]) =>
  `${formatCount(n, 'ru')} ${plural(n, forms)}`;
/** "а, б и в". */
const andList = (words: readonly string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} и ${words.at(-1)}`;
/** "нашёлся 1 вариант", "нашлось 2 варианта": the verb agrees with the count. */
const foundCount = (n: number) =>
  `${plurals.select(n) === 'one' ? 'нашёлся' : 'нашлось'} ${counted(n, VARIANTS)}`;
/** "найдётся 1 вариант", "найдутся 2 варианта", "найдётся 5 вариантов". */
const wouldFind = (n: number) =>
  `${plurals.select(n) === 'few' ? 'найдутся' : 'найдётся'} ${counted(n, VARIANTS)}`;
/** After "от"/"до": genitive, "от 1 спальни", "до 3 спален". */
const genitiveRooms = (n: number) => `${n} ${plurals.select(n) === 'one' ? 'спальни' : 'спален'}`;

function bedroomsRu(facts: SearchFacts): string | undefined {
  const { minBedrooms: min, maxBedrooms: max } = facts;
  if (min !== undefined && max !== undefined) {
    if (min === max) return min === 0 ? 'студия' : `${min} ${plural(min, BEDROOMS)}`;
    return `${min}–${max} ${plural(max, BEDROOMS)}`;
  }
  if (min !== undefined) return `от ${genitiveRooms(min)}`;
  if (max !== undefined) return `до ${genitiveRooms(max)}`;
  return undefined;
}

function priceRu(facts: SearchFacts): string | undefined {
  const period = facts.rentType === undefined ? '' : PERIOD[facts.rentType];
  const { minPrice: min, maxPrice: max } = facts;
  if (min !== undefined && max !== undefined) return `${money(min)} – ${money(max)}${period}`;
  if (max !== undefined) return `до ${money(max)}${period}`;
  if (min !== undefined) return `от ${money(min)}${period}`;
  return undefined;
}

/** "квартиры в долгосрочную аренду в Кирении, 2 спальни, до 1000 £ в месяц, с бассейном". */
function search(facts: SearchFacts): string {
  const head = [facts.propertyType === undefined ? 'варианты' : TYPE[facts.propertyType]];
  if (facts.rentType !== undefined) head.push(RENT[facts.rentType]);
  if (facts.location !== undefined) head.push(inTown(facts.location));
  if (facts.excludeLocations?.length)
    head.push(`(кроме ${facts.excludeLocations.map(ofTown).join(', ')})`);
  if (facts.q !== undefined) head.push(`со словами «${facts.q}»`);
  const features = (facts.features ?? []).map((f) => FEATURE_RU[f]);
  return [head.join(' '), bedroomsRu(facts), priceRu(facts), ...features]
    .filter((p) => p !== undefined)
    .join(', ');
}

function change(c: Change): string {
  switch (c.kind) {
    case 'location':
      if (c.to === undefined) return 'любой район';
      return c.from === undefined ? inTown(c.to) : `${inTown(c.to)} вместо ${ofTown(c.from)}`;
    case 'exclude':
      return `кроме ${c.places.map(ofTown).join(', ')}`;
    case 'rentType':
      return c.to === undefined ? 'аренда или покупка' : RENT[c.to];
    case 'propertyType':
      return c.to === undefined ? 'любой тип жилья' : TYPE[c.to];
    case 'bedrooms':
      return bedroomsRu(c.facts) ?? 'любое число спален';
    case 'price':
      return priceRu(c.facts) ?? 'без ограничения бюджета';
    case 'featuresAdded':
      return c.features.map((f) => FEATURE_RU[f]).join(', ');
    case 'featuresRemoved':
      return `больше не обязательно: ${c.features.map((f) => FEATURE_RU[f]).join(', ')}`;
  }
}

function loosened(l: Loosened): string {
  switch (l.kind) {
    case 'q':
      return `убрать слова «${l.q}»`;
    case 'features':
      return `не учитывать ${l.features.length === 1 ? 'условие' : 'условия'} «${l.features.map((f) => FEATURE_RU[f]).join(', ')}»`;
    case 'budget':
      return 'не учитывать бюджет';
    case 'bedrooms':
      return 'не учитывать число спален';
    case 'type':
      return 'добавить другие типы жилья';
    case 'district':
      return `искать по всему району ${name(l.district)}`;
    case 'anywhere':
      return 'искать во всех районах';
    case 'keepOnly':
      return `искать только «${search(l.kept)}»`;
    case 'all':
      return l.keepRent ? 'оставить только тип сделки' : 'убрать все фильтры';
  }
}

const QUESTIONS: Record<Question, string[]> = {
  rentType: [
    'Вы хотите снять жильё надолго, на время отпуска или купить?',
    'Аренда, посуточно или покупка?',
  ],
  location: ['Какой район вам больше нравится?', 'Есть ли район на примете?'],
  budget: ['Какой у вас бюджет?', 'На какую сумму вы рассчитываете?'],
  bedrooms: ['Сколько спален вам нужно?', 'Сколько нужно спален?'],
  features: [
    'Уточнить поиск? Например, с бассейном, видом на море или парковкой.',
    'Что ещё важно — бассейн, сад?',
  ],
};

/** A price as the listing cards show it: "850 £ в месяц", "1 154 000 £". */
const ruPrice = (l: Pick<Listing, 'price' | 'currency' | 'pricePeriod'>) =>
  listingPrice(l, 'ru', { month: (p) => `${p} в месяц`, night: (p) => `${p} за ночь` });

/** What a listing's card does not say, a person can: the way to ask one. */
const SHOWN_AGENT = 'Подробности может уточнить агент: просто напишите «позовите агента».';

export const ru: Texts = {
  language: 'ru',
  search,
  listing(listing) {
    const size =
      listing.bedrooms === 0
        ? 'студия'
        : `${listing.bedrooms} ${plural(listing.bedrooms, BEDROOMS)}`;
    const price = listingPrice(listing, 'ru', {
      month: (p) => `${p} в месяц`,
      night: (p) => `${p} за ночь`,
    });
    return `${listing.title.replace(/\s+/g, ' ').trim()} — ${listing.location}, ${size}, ${price}`;
  },
  found(total, facts, shown, order) {
    const head = `По запросу «${search(facts)}» ${foundCount(total)}.`;
    if (total <= shown) return head;
    const which =
      order === 'cheapest' ? 'самых недорогих' : order === 'priciest' ? 'самых дорогих' : 'первых';
    return `${head} Вот ${shown} ${which}:`;
  },
  more: (from, to, total) =>
    from === to ? `Вариант ${from} из ${total}:` : `Варианты с ${from} по ${to} из ${total}:`,
  listChanged: () =>
    'С моего прошлого списка результаты изменились, поэтому продолжить его не получится: вот первые результаты вашего поиска в нынешнем виде.',
  allShown: (total) =>
    `Это всё: я уже показал все подходящие варианты (${formatCount(total, 'ru')}). Скажите, что изменить, чтобы увидеть другие.`,
  everything: (total) =>
    total === 1
      ? 'Сейчас в каталоге одно объявление. Вот оно:'
      : `Сейчас в каталоге ${counted(total, ADS)}. Вот несколько для начала:`,
  noneFor: (asked) => `Не нашлось вариантов по запросу «${search(asked)}».`,
  relaxed(l, total, shown) {
    const here = shown === 1 ? 'Вот он' : shown === total ? 'Вот они' : `Вот первые ${shown}`;
    return `Если ${loosened(l)}, ${wouldFind(total)}. ${here}:`;
  },
  relaxedNote: (filters) =>
    `Это варианты ${filters === 1 ? 'с ослабленным фильтром' : 'с ослабленными фильтрами'}; ваш запрос не изменился. Скажите, оставить ли так или изменить что-то ещё.`,
  nothingAtAll: (asked) => [
    `Не нашлось вариантов по запросу «${search(asked)}», и ослабление условий (удобства, бюджет, спальни, тип жилья, район) тоже не помогло.`,
    asked.rentType === undefined
      ? 'Попробуйте другой запрос или напишите «начать заново».'
      : 'Попробуйте другой тип сделки (аренда, посуточно или покупка) или напишите «начать заново».',
  ],
  noListings: () => 'Сейчас нет доступных объявлений. Загляните чуть позже.',
  greeting(memory, again) {
    if (again) {
      return Object.keys(memory).length > 0
        ? [`Снова здравствуйте! Сейчас вы ищете: ${search(memory)}. Что изменить?`]
        : ['Снова здравствуйте! Что вы ищете?'];
    }
    const lines = [
      'Здравствуйте! Я Parley, ваш помощник по недвижимости на Северном Кипре.',
      'Напишите, что вы ищете, например «квартира с 2 спальнями в Кирении до 900 фунтов в месяц» или «купить виллу с бассейном в Эсентепе».',
    ];
    if (Object.keys(memory).length > 0) lines.push(`Сейчас вы ищете: ${search(memory)}.`);
    return lines;
  },
  thanks: () => 'Пожалуйста! Если захотите что-то изменить, просто напишите.',
  reset: () => 'Хорошо, я всё сбросил. Что вы ищете?',
  nothingNew: () => 'Ничего нового я не понял, поэтому вот варианты по вашему прежнему запросу.',
  staleBudget: () => 'Я убрал прежний бюджет: для этого типа сделки цены совсем другие.',
  changes: (list) => `Обновлено: ${list.map(change).join('; ')}.`,
  reading(reading, amount) {
    if (reading === 'sale') return `Я понял ${money(amount)} как цену покупки.`;
    if (reading === 'month')
      return `Я понял ${money(amount)} как аренду в месяц; если вы имели в виду за ночь, напишите «за ночь».`;
    return `Я понял ${money(amount)} как цену за ночь; если вы имели в виду в месяц, напишите «в месяц».`;
  },
  converted: (amount, currency, pounds) =>
    `Цены указаны в фунтах, поэтому ${formatMoney(amount, currency, 'ru')} — это примерно ${money(pounds)}.`,
  weekly: (week, night) => `${money(week)} в неделю — это примерно ${money(night)} за ночь.`,
  thousands: (amounts, currency) =>
    `Это цена покупки, поэтому я понял ${amounts.map((n) => formatCount(n, 'ru')).join(' – ')} как ${amounts.map((n) => formatMoney(n * 1_000, currency, 'ru')).join(' – ')}.`,
  unfiltered: (list) =>
    `Я могу искать только по тому, что в жилье есть, а не по тому, чего нет, поэтому не смог учесть ${list
      .map((f) => `«${REFUSED[f]}»`)
      .join(', ')}.`,
  oneKind: (shown, others) =>
    `Показываю только варианты ${RENT[shown]}, чтобы не смешивать цены за месяц, за ночь и цены продажи; есть ещё ${andList(others.map((k) => `${counted(k.total, VARIANTS)} ${RENT[k.rentType]}`))}.`,
  priceRanges: (kinds) =>
    `Цены: ${kinds.map((k) => `${RENT[k.rentType]} — ${kindRange(k, ruPrice, 'от', 'до')} (${formatCount(k.total, 'ru')})`).join('; ')}.`,
  sortedByPrice: (order) =>
    order === 'cheapest' ? 'Сначала самые недорогие:' : 'Сначала самые дорогие:',
  phoneKept: () =>
    'Номер телефона в поиске не учитывается. Если хотите, чтобы вам позвонил агент, напишите «позвоните мне».',
  offered: (places, types) =>
    `Я ищу одно место и один тип жилья за раз, поэтому взял первый из названных вариантов; чтобы посмотреть другие, напишите: ${[...places.map(name), ...types.map((t) => TYPE[t])].map((w) => `«${w}»`).join(' или ')}.`,
  newSearch: (dropped) =>
    `Это новый поиск, поэтому условия прежнего запроса я не переносил: ${[
      bedroomsRu(dropped),
      ...(dropped.features ?? []).map((f) => FEATURE_RU[f]),
    ]
      .filter((w) => w !== undefined)
      .join(', ')}.`,
  cheaperThan: (lowest) =>
    `Ищу варианты дешевле ${ruPrice(lowest)} — это самая низкая цена из тех, что я показал.`,
  nothingCheaper: (lowest, asked) =>
    `По запросу «${search(asked)}» нет ничего дешевле ${ruPrice(lowest)}: это самая низкая цена.`,
  nothingCheaperAnywhere: () =>
    'Если ослабить условия (удобства, спальни, тип жилья, район), дешевле тоже ничего не находится. Можно попробовать другой тип сделки или написать «начать заново».',
  phoneHandoff: () => 'Агент увидит оставленный вами номер и сможет вам позвонить.',
  needsBedrooms: () =>
    'Сколько спален вам нужно? Тогда я смогу подобрать вариант побольше или поменьше.',
  question(q, variant, places) {
    const question = QUESTIONS[q][variant % QUESTIONS[q].length]!;
    if (q !== 'location' || variant % QUESTIONS[q].length !== 0 || !places?.length) return question;
    const names = places.map(name);
    if (names.length === 1) return `${question} Популярное место — ${names[0]}.`;
    return `${question} Популярны ${names.slice(0, -1).join(', ')} и ${names.at(-1)}.`;
  },
  human: () =>
    'Я передам этот разговор одному из наших агентов. Он увидит, что вы уже искали, и ответит здесь.',
  viewing: () =>
    'Я передам запрос на просмотр нашему агенту; он напишет здесь, чтобы договориться о времени.',
  handoffNext: (online) =>
    online
      ? 'Агент сейчас в сети и скоро подключится к разговору — вы увидите, когда он присоединится. Пока я могу продолжить поиск.'
      : 'Сейчас нет агентов в сети. Ваш запрос ждёт во входящих у агентов: первый, кто появится, ответит здесь — вы увидите, когда он подключится. Пока я могу продолжить поиск.',
  queued: (online) =>
    [
      'Вы в очереди: агент ответит здесь, как только освободится.',
      online === undefined
        ? ''
        : online
          ? ' Сейчас агент в сети.'
          : ' Сейчас нет агентов в сети, поэтому это может занять больше времени.',
      ' Пока я могу продолжить поиск.',
    ].join(''),
  notify: (facts) =>
    Object.keys(facts).length > 0
      ? `Я сохраню этот поиск («${search(facts)}») и сообщу, когда появится подходящее объявление или снизится цена.`
      : 'Сначала напишите, что вы ищете, и я сообщу, когда появится что-то подходящее.',
  notifyNeedsAccount: () =>
    'Войдите или создайте аккаунт — тогда я сохраню этот поиск и сообщу, когда появится подходящее объявление или снизится цена. Пока вы гость, я могу продолжить поиск здесь.',
  notifyLimit: () =>
    'Не удалось сохранить этот поиск: у вас уже максимальное число сохранённых поисков. Удалите один на странице «Сохранённые поиски» и попросите снова; пока я могу продолжить поиск здесь.',
  shownHas: (n, listing, has, lacks) => [
    ...(has.length > 0
      ? [
          `В объявлении № ${n} (${listing.title}) указано: ${has.map((f) => FEATURE_RU[f]).join(', ')}.`,
        ]
      : []),
    ...(lacks.length > 0
      ? [
          `В объявлении № ${n}${has.length > 0 ? '' : ` (${listing.title})`} не указано: ${lacks.map((f) => FEATURE_RU[f]).join(', ')}.`,
        ]
      : []),
    SHOWN_AGENT,
  ],
  alerted(listing) {
    return [
      `Новое объявление из уведомления: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `Указано: ${listing.features.map((f) => FEATURE_RU[f]).join(', ')}.`
        : 'Особенности в объявлении не указаны.',
      SHOWN_AGENT,
    ];
  },
  alertedUnknown: () => [
    'Не могу понять, какое новое объявление вы имеете в виду: среди уведомлений в этом чате я его не вижу. На странице «Уведомления» есть все новые совпадения, или просто напишите «позовите агента».',
  ],
  shownDetails(n, listing) {
    return [
      `Объявление № ${n}: ${this.listing(listing)}.`,
      listing.features.length > 0
        ? `Указано: ${listing.features.map((f) => FEATURE_RU[f]).join(', ')}.`
        : 'Особенности в объявлении не указаны.',
      SHOWN_AGENT,
    ];
  },
  answer(topic) {
    switch (topic) {
      case 'listing':
        return [
          'Я уже не могу понять, о каком объявлении речь. Напишите, что вы ищете, и я снова покажу подходящие; на вопросы о конкретном доме ответит агент: просто напишите «позовите агента».',
        ];
      case 'buying':
        return [
          'Да, иностранцы могут покупать недвижимость на Северном Кипре. Для покупки нужно разрешение Совета министров (обычно формальность, которая занимает несколько месяцев); жить в доме можно уже во время оформления.',
          'Перед задатком попросите местного юриста проверить право собственности (кочан) и договор. Могу показать объявления о продаже.',
        ];
      case 'title_deeds':
        return [
          'На Северном Кипре есть несколько видов документов о праве собственности: турецкий кочан (до 1974 года), эквивалентный кочан и кочан по распределению (TMD). Покупатели и банки оценивают их по-разному.',
          'Всегда просите юриста проверить документы конкретного объекта. А пока могу показать объявления о продаже.',
        ];
      case 'residency':
        return [
          'Владельцы и арендаторы жилья на Северном Кипре могут подать заявление на вид на жительство в миграционную службу; нужны договор аренды или документ о собственности, медосмотр и подтверждение дохода.',
          'Правила иногда меняются, уточните их у властей или юриста. Я помогу найти жильё для аренды или покупки.',
        ];
      case 'prices':
        return [
          'Цены сильно зависят от района и типа жилья. Напишите, что вы ищете, и я покажу подходящие варианты, начиная с самых недорогих.',
        ];
    }
  },
  offTopic: () =>
    'Я помогаю только с недвижимостью на Северном Кипре, поэтому на этот вопрос ответить не могу. Напишите, какое жильё вы ищете.',
  elsewhere: (place) =>
    // The place stays in the nominative, in brackets: a foreign name cannot be declined reliably.
    `У меня есть объявления только на Северном Кипре. Место, которое вы назвали (${place}), туда не входит. Показать варианты в Кирении, Фамагусте, Никосии или Искеле?`,
};
