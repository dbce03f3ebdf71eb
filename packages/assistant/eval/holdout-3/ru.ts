import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';

/**
 * Third held-out set (Russian), written 2026-12-04 blind, like the English one (see
 * holdout-3/en.ts for what was read and the conventions): colloquial Russian, Latin town
 * names inside Cyrillic text, "к" and "тыс" amounts, room counts ("двушка", "трёхкомнатная").
 * Room counts follow docs/assistant.md (rooms include the living room: "трёхкомнатная" is two
 * bedrooms, "двушка" one, "однушка" a studio); the three such cases were labelled as
 * bedrooms in the first commit and relabelled after the first run (see docs/assistant.md).
 */
export const RU_HOLDOUT_3: EvalCase[] = [
  {
    message: 'ищу квартиру в Кирении в долгосрочную аренду, 2 спальни, до 700 фунтов',
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
    message: 'купить виллу в Эсентепе с бассейном, бюджет 350 тыс фунтов',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 350000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'снять посуточно квартиру в Искеле у моря',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'двушка в Фамагусте, аренда на год, с мебелью',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'дом в Лапте на продажу, 3 спальни, сад',
    facts: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'пентхаус с видом на море в Кирении купить',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'студия в Никосии в аренду до 350 фунтов в месяц',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio', maxPrice: 350 },
    intent: s,
  },
  {
    message: 'аренда виллы на отдых в Бафре, 4 спальни',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
    },
    intent: s,
  },
  {
    message: 'Чаталкёй, дом с бассейном, долгосрочно, до 1200 фунтов',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 1200,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'трёхкомнатная квартира в Фамагусте купить до 90к',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 90000,
    },
    intent: s,
  },
  {
    message: 'квартира в Long Beach на продажу 1+1 с бассейном и спортзалом',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['pool', 'gym'],
    },
    intent: s,
  },
  {
    message: 'снять дом в Алсанджаке, есть собака, до 1000 фунтов',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 1000,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'бунгало в Озанкёй на продажу',
    facts: { location: G, rentType: 'sale', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'виллы в Беллапаисе на продажу от 300 до 500 тысяч фунтов',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 300000,
      maxPrice: 500000,
    },
    intent: s,
  },
  {
    message: 'квартира посуточно в Кирении до 80 фунтов за ночь, с кондиционером',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 80,
      features: ['air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'купить квартиру в Искеле до 100 000 евро',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 86000 },
    intent: s,
  },
  {
    message: 'аренда на длительный срок в Каршияке, дом 3 спальни',
    facts: {
      location: 'Karşıyaka',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'ищем квартиру в Гюзельюрте, аренда, с парковкой',
    facts: { location: Z, rentType: 'long_term', propertyType: 'apartment', features: ['parking'] },
    intent: s,
  },
  {
    message: 'кроме Никосии, квартира 2 спальни на продажу',
    facts: {
      excludeLocations: [L],
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'аренда квартиры, только не в Фамагусте',
    facts: { excludeLocations: [F], rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'вилла в Эдремите на продажу с видом на море',
    facts: { location: G, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'однушка в Гёнели долгосрочная аренда до 400',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 400,
    },
    intent: s,
  },
  {
    message: 'квартира у моря в Богазе, посуточно, балкон',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      features: ['beach', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'Ищу виллу в Kyrenia, продажа, 4 спальни, бассейн',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'снять квартиру в Магусе возле университета, бюджет 500-600 фунтов',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 600,
    },
    intent: s,
  },
  {
    message: 'дом с садом в Лефкоше купить до 200к фунтов',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'house',
      maxPrice: 200000,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'отдых в Искеле на неделю, бюджет 700 фунтов в неделю, 2 спальни',
    facts: { location: I, rentType: 'short_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 100 },
    intent: s,
  },
  {
    message: 'квартира 3+1 в Кирении в аренду, меблированная',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'снять квартиру в Фамагусте до 30 000 лир',
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: s,
  },
  {
    message: 'хочу купить жилье в Татлысу с видом на море',
    facts: { location: F, rentType: 'sale', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'вилла в Лапитосе посуточно с бассейном',
    facts: { location: 'Lapta', rentType: 'short_term', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'дом 3-4 спальни Кирения на продажу до 400 тысяч',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 4,
      maxPrice: 400000,
    },
    intent: s,
  },
  {
    message: 'подешевле',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'long_term', maxPrice: 720 },
    intent: r,
  },
  {
    message: 'можно подороже',
    memory: { location: I, rentType: 'sale', maxPrice: 120000 },
    facts: { location: I, rentType: 'sale', maxPrice: 150000 },
    intent: r,
  },
  {
    message: 'то же самое, но в Алсанджаке',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'villa' },
    facts: { location: 'Alsancak', rentType: 'long_term', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'только не Фамагуста',
    memory: { location: F, rentType: 'sale', propertyType: 'apartment' },
    facts: { excludeLocations: [F], rentType: 'sale', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'бассейн не обязателен',
    memory: { location: G, rentType: 'short_term', features: ['pool', 'sea_view'] },
    facts: { location: G, rentType: 'short_term', features: ['sea_view'] },
    intent: r,
  },
  {
    message: 'лучше виллу',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'apartment' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'поближе к морю',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'long_term', propertyType: 'apartment', features: ['beach'] },
    intent: r,
  },
  {
    message: 'а с мебелью есть?',
    memory: { location: L, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    facts: {
      location: L,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'давай бюджет до 500',
    memory: { location: F, rentType: 'long_term', maxPrice: 700 },
    facts: { location: F, rentType: 'long_term', maxPrice: 500 },
    intent: r,
  },
  {
    message: 'а в Беллапаисе?',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'начнём сначала',
    memory: { location: G, rentType: 'sale' },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'есть что-нибудь дешевле?',
    memory: { location: 'Bellapais', rentType: 'sale', maxPrice: 400000 },
    facts: { location: 'Bellapais', rentType: 'sale', maxPrice: 320000 },
    intent: r,
  },
  {
    message: 'а не покупать, а снять надолго',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: r,
  },
  { message: 'можно поговорить с живым человеком?', facts: {}, intent: 'human' },
  {
    message: 'соедините с менеджером пожалуйста',
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'human',
  },
  { message: 'пусть мне позвонит агент', facts: {}, intent: 'human' },
  {
    message: 'хотим посмотреть вторую виллу в субботу',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'можно организовать показ квартиры?',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'viewing',
  },
  {
    message: 'сообщите, если появится двушка в Лапте в аренду',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: 'notify',
  },
  {
    message: 'дайте знать, когда будут новые варианты',
    memory: { location: I, rentType: 'sale' },
    facts: { location: I, rentType: 'sale' },
    intent: 'notify',
  },
  {
    message: 'могут ли россияне купить недвижимость на Северном Кипре?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'что такое турецкий кочан и эквивалентный кочан',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'дают ли вид на жительство при покупке квартиры',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'сколько стоят квартиры 2+1 в Искеле',
    facts: { location: I, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
  {
    message: 'безопасно ли покупать в рассрочку у застройщика',
    facts: {},
    intent: 'question:buying',
  },
  { message: 'как получить внж на северном кипре', facts: {}, intent: 'question:residency' },
  { message: 'привет', facts: {}, intent: 'greeting' },
  { message: 'добрый вечер', facts: {}, intent: 'greeting' },
  {
    message: 'спасибо большое',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'thanks',
  },
  { message: 'благодарю за помощь', facts: {}, intent: 'thanks' },
  { message: 'где в Кирении хороший стоматолог', facts: {}, intent: 'off_topic' },
  { message: 'какой курс фунта сегодня', facts: {}, intent: 'off_topic' },
  { message: 'посоветуйте ресторан в Фамагусте', facts: {}, intent: 'off_topic' },
  { message: 'есть квартиры в Лимассоле?', facts: {}, intent: 'outside_area' },
  { message: 'вилла в Пафосе на продажу', facts: {}, intent: 'outside_area' },
  {
    message: 'а в Айя-Напе есть?',
    memory: { location: I, rentType: 'short_term' },
    facts: { location: I, rentType: 'short_term' },
    intent: 'outside_area',
  },
  { message: 'квартира в Ларнаке посуточно', facts: {}, intent: 'outside_area' },
  {
    message: 'kvartira v kirenii v arendu 2 spalni',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message:
      'Здравствуйте! Ищем дом в аренду на длительный срок в районе Girne, 3 спальни, с садом, до 1500 GBP',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1500,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'квартиру в Искелле купить, студию до 60 тыс',
    facts: { location: I, rentType: 'sale', propertyType: 'studio', maxPrice: 60000 },
    intent: s,
  },
];
