import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Second held-out set (Russian), written 2026-12-04 without reading the rules' code. Towns
 * declined ("в Кирении", "в Лапте"), in other transliterations ("Алсанчак", "Белапаис") or
 * in Latin letters inside Russian text; "двухкомнатная" counts rooms (one bedroom).
 * Villages Parley has no town for are expected as their district; euro at 0.86, dollars
 * at 0.79, lira at 0.02; a weekly holiday budget as a nightly one (see en.ts).
 */
export const RU_HOLDOUT_2: EvalCase[] = [
  {
    message: 'Ищу квартиру в Кирении 2+1 на длительный срок до 700 фунтов',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    intent: s,
  },
  {
    message: 'вилла с бассейном в Эсентепе купить',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'студия в Фамагусте снять недорого',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'Квартира посуточно в Искеле с видом на море',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'дом в Лапте с садом, аренда на год',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'пентхаус в Girne на продажу',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse' },
    intent: s,
  },
  {
    message: 'снять квартиру в Никосии до 500 фунтов в месяц',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'купить квартиру в Long Beach 1+1 до 90 тыс фунтов',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 90_000,
    },
    intent: s,
  },
  {
    message: 'двухкомнатная квартира в Фамагусте в аренду',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: s,
  },
  {
    message: 'трехкомнатная квартира в Кирении купить до 200к',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 200_000,
    },
    intent: s,
  },
  {
    message: 'вилла в Алсанджаке 3 спальни с бассейном посуточно',
    facts: {
      location: 'Alsancak',
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'Ищем дом в Чаталкёе, у нас собака, долгосрочно',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'апартаменты в Бафре у моря, продажа',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'квартира в Искелле с мебелью до 450 фунтов',
    facts: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 450,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'Кирения, вилла, первая линия, купить, бюджет 1 млн фунтов',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 1_000_000,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'нужна квартира в Лефкоше 2 спальни с парковкой',
    facts: {
      location: L,
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['parking'],
    },
    intent: s,
  },
  {
    message: 'бунгало в Эсентепе с видом на море до 150 000 £',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'bungalow',
      maxPrice: 150_000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'снять виллу на неделю в Кирении до 700 евро в неделю',
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 86 },
    intent: s,
  },
  {
    message: 'квартира в Famagusta около университета, 400 долларов в месяц',
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 316 },
    intent: s,
  },
  {
    message: 'квартира в аренду кроме Никосии',
    facts: { excludeLocations: [L], rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'любой город кроме Фамагусты, вилла на продажу',
    facts: { excludeLocations: [F], rentType: 'sale', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'студия в Лонг Бич посуточно 40 фунтов',
    facts: { location: I, rentType: 'short_term', propertyType: 'studio', maxPrice: 40 },
    intent: s,
  },
  {
    message: 'дом с 4 спальнями в Белапаисе',
    facts: { location: 'Bellapais', propertyType: 'house', minBedrooms: 4, maxBedrooms: 4 },
    intent: s,
  },
  {
    message: 'квартира с кондиционером и балконом в Кирении, 1 спальня, 600 фунтов',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 600,
      features: ['air_conditioning', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'хотим купить виллу в Лапитосе от 300 до 400 тысяч фунтов',
    facts: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 300_000,
      maxPrice: 400_000,
    },
    intent: s,
  },
  {
    message: 'апартаменты в Искеле в рассрочку',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'квартира в Гирне с тренажерным залом и бассейном, аренда',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['gym', 'pool'],
    },
    intent: s,
  },
  {
    message: 'меблированная квартира в Магусе на длительный срок, до 30 тысяч лир',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 600,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'Дом в Каршияке на продажу, 3 спальни, с садом',
    facts: {
      location: 'Karşıyaka',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'снять квартиру в Эсентепе можно с животными?',
    facts: {
      location: 'Esentepe',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'вилла посуточно Искеле до 200 евро',
    facts: { location: I, rentType: 'short_term', propertyType: 'villa', maxPrice: 172 },
    intent: s,
  },
  {
    message: 'ищу квартиру в кирении',
    facts: { location: G, propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'вилла в Озанкёе 4+1 с бассейном на продажу до 500к',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 500_000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'квартиру в Алсанчаке снять с мебелью, 2 спальни',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'Фамагуста квартира у моря аренда до 1000 $',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 790,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'квартира на продажу в Фамагусте от 60 тысяч',
    facts: { location: F, rentType: 'sale', propertyType: 'apartment', minPrice: 60_000 },
    intent: s,
  },
  {
    message: 'квартира в Kyrenia с 2 спальнями, до 1.000 фунтов',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 1000,
    },
    intent: s,
  },
  {
    message: 'Гирне вилла 3 спальни с видом на море посуточно до 250 фунтов за ночь',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 250,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'квартира в Эсентепе 2+1 на продажу до 120 000 GBP',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 120_000,
    },
    intent: s,
  },
  {
    message: 'дом в Лапте до 1,5 тыс фунтов в месяц',
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'house', maxPrice: 1500 },
    intent: s,
  },
  {
    message: 'студия в Искеле на продажу до 55к',
    facts: { location: I, rentType: 'sale', propertyType: 'studio', maxPrice: 55_000 },
    intent: s,
  },
  {
    message: 'Привет! ищу виллу с бассейном в Кирении на неделю',
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'квартира в Kyrenia, long term, furnished',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'квартиру в Гёньели снять студентам',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  // Follow-ups.
  {
    message: 'а подешевле есть?',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 560 },
    intent: r,
  },
  {
    message: 'и чтобы был бассейн',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'давайте в Никосии посмотрим',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'можно без бассейна',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'а с двумя спальнями?',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: r,
  },
  {
    message: 'бюджет до 650',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 650 },
    intent: r,
  },
  {
    message: 'лучше дом',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment' },
    facts: { location: G, rentType: 'sale', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'желательно с мебелью',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'только не в Кирении',
    memory: { location: G, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [G] },
    intent: r,
  },
  {
    message: 'а вообще хотим купить',
    memory: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 800,
    },
    facts: { location: 'Alsancak', rentType: 'sale', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'бюджет не важен',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'побольше',
    memory: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', minBedrooms: 3 },
    intent: r,
  },
  {
    message: 'а с видом на море есть?',
    memory: { location: G, rentType: 'sale', propertyType: 'penthouse' },
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: r,
  },
  { message: 'давай сначала', memory: { location: G }, facts: {}, intent: 'reset' },
  // Intents other than a search.
  { message: 'можно поговорить с живым человеком?', facts: {}, intent: 'human' },
  { message: 'свяжите меня с менеджером', facts: {}, intent: 'human' },
  {
    message: 'позвоните мне пожалуйста',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: G, rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  { message: 'можно посмотреть эту виллу в субботу?', facts: {}, intent: 'viewing' },
  { message: 'когда можно приехать на просмотр', facts: {}, intent: 'viewing' },
  {
    message: 'хочу вживую посмотреть вторую квартиру',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'viewing',
  },
  {
    message: 'сообщите, если появится вилла в Эсентепе до 300к',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    intent: 'notify',
  },
  {
    message: 'дайте знать когда будут новые квартиры в Фамагусте',
    facts: { location: F, propertyType: 'apartment' },
    intent: 'notify',
  },
  {
    message: 'уведомите меня о новых вариантах',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'notify',
  },
  {
    message: 'может ли иностранец купить недвижимость на Северном Кипре?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'какие бывают тапу? что такое эквивалентный кочан',
    facts: {},
    intent: 'question:title_deeds',
  },
  { message: 'дают ли ВНЖ при покупке квартиры', facts: {}, intent: 'question:residency' },
  {
    message: 'сколько стоит вилла в Кирении?',
    facts: { location: G, propertyType: 'villa' },
    intent: 'question:prices',
  },
  {
    message: 'какие цены на аренду в Искеле',
    facts: { location: I, rentType: 'long_term' },
    intent: 'question:prices',
  },
  { message: 'здравствуйте', facts: {}, intent: 'greeting' },
  { message: 'привет', facts: {}, intent: 'greeting' },
  { message: 'добрый вечер', facts: {}, intent: 'greeting' },
  { message: 'спасибо большое!', facts: {}, intent: 'thanks' },
  { message: 'спс', facts: {}, intent: 'thanks' },
  { message: 'какая погода в Кирении в апреле', facts: {}, intent: 'off_topic' },
  { message: 'как доехать из Эрджана в Фамагусту', facts: {}, intent: 'off_topic' },
  { message: 'где обменять деньги в Никосии', facts: {}, intent: 'off_topic' },
  { message: 'квартира в Лимассоле', facts: {}, intent: 'outside_area' },
  { message: 'вилла в Пафосе с бассейном', facts: {}, intent: 'outside_area' },
  { message: 'есть что-нибудь в Ларнаке?', facts: {}, intent: 'outside_area' },
  { message: 'квартира в Алании', facts: {}, intent: 'outside_area' },
  {
    message: 'а в Айя-Напе?',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'outside_area',
  },
];
