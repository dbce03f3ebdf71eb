import type { EvalCase } from '../types';

/**
 * Held-out set 5, Russian. Written blind on 2026-12-04 from docs/assistant.md (its
 * "What it understands", budgets, refinements and intents sections), the `searchFacts`
 * contract, the towns in `@parley/validators` and the sets' format only: not the rules'
 * code, their tests or any other set's messages. Committed before its first run. Written
 * without ё, as most people type; a few messages in Latin letters (transliterated
 * Russian, read as Russian) and a few with Latin place names.
 *
 * Conventions followed (documented): "снять", "аренда", "на полгода", "на зиму" are a
 * long let, "посуточно" a holiday stay, "купить", "на продажу" a sale; a place's case
 * ending is its name ("в Кирении", "в Лапте"); a village with no town of its own is its
 * district (Чаталкёй, Озанкёй -> Girne; Бафра -> İskele; Gönyeli -> Lefkoşa), EMU ->
 * Gazimağusa, GAU -> Girne; Каравас is Alsancak; "трехкомнатная" and "евротрешка" are
 * three rooms, two bedrooms; "апарты" is a flat; "подешевле", "бюджетнее" are budget x
 * 0.8, "подороже" x 1.25; a weekly budget is divided by 7 into a nightly one.
 *
 * Conventions decided here (not spelt out in the docs):
 * - "двухкомнатная" is two rooms, one bedroom, as "трехкомнатная" is two bedrooms.
 * - "N спальни" is exactly N, as "2+1" is.
 * - An amount with no currency is in pounds; "100 тысяч" is 100,000, and in "от 300 до
 *   500 тысяч" both ends are thousands. Euros, dollars and lira are left out: the
 *   conversion rate is not documented, so no exact label could be written for them.
 * - A bare amount after the rent type ("40 фунтов") is a maximum.
 * - Every search with an amount names its rent type.
 * - "побольше" / "поменьше" are asked only of a memory holding a minimum bedroom count,
 *   and move it by one; a rent-type switch only of a memory without a budget.
 * - "особняк" is left out (a house or a villa).
 * - Questions, off-topic and outside-area messages change nothing: facts equal memory.
 */
export const RU_HOLDOUT_5: EvalCase[] = [
  // Plain searches
  {
    message: 'Ищу квартиру в Кирении в долгосрочную аренду, 2 спальни, до 700 фунтов в месяц',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    intent: 'search',
  },
  {
    message: 'купить виллу в Эсентепе с бассейном и видом на море',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['pool', 'sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'снять студию в Фамагусте возле университета до 350',
    facts: { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'studio', maxPrice: 350 },
    intent: 'search',
  },
  {
    message: 'посуточно квартира Искеле 2 спальни до 70 фунтов за ночь',
    facts: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 70,
    },
    intent: 'search',
  },
  {
    message: 'дом на продажу в Лапте с садом',
    facts: { location: 'Lapta', rentType: 'sale', propertyType: 'house', features: ['garden'] },
    intent: 'search',
  },
  {
    message: 'хочу купить пентхаус в Кирении, бюджет 1,5 млн',
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'penthouse', maxPrice: 1_500_000 },
    intent: 'search',
  },
  {
    message: 'сниму двухкомнатную квартиру в Никосии с мебелью',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: 'ищем виллу посуточно в Беллапаисе, 4 спальни, бассейн обязательно',
    facts: {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'kvartira v famaguste snyat dolgosrochno',
    facts: { location: 'Gazimağusa', rentType: 'long_term', propertyType: 'apartment' },
    intent: 'search',
  },
  {
    message: 'khochu kupit dom s basseynom v kirenii',
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'house', features: ['pool'] },
    intent: 'search',
  },
  {
    message: 'купить квартиру в Искеле до 100 тысяч фунтов',
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment', maxPrice: 100_000 },
    intent: 'search',
  },
  {
    message: 'бунгало в Каршияке на продажу',
    facts: { location: 'Karşıyaka', rentType: 'sale', propertyType: 'bungalow' },
    intent: 'search',
  },
  {
    message: 'аренда на полгода, дом в Алсанджаке, можно с животными',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: 'search',
  },
  {
    message: 'Квартира в Чаталкей аренда 3 спальни',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'снять дом в Бафре на зиму',
    facts: { location: 'İskele', rentType: 'long_term', propertyType: 'house' },
    intent: 'search',
  },
  {
    message: 'купить квартиру евротрешку в Гирне',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'search',
  },
  {
    message: 'виллы в Эсентепе от 300 до 500 тысяч фунтов, купить',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 300_000,
      maxPrice: 500_000,
    },
    intent: 'search',
  },
  {
    message: 'посуточно студия Лефкоша 40 фунтов',
    facts: { location: 'Lefkoşa', rentType: 'short_term', propertyType: 'studio', maxPrice: 40 },
    intent: 'search',
  },
  {
    message: 'дом с садом и парковкой в Гюзельюрте, долгосрочная аренда, 3 или 4 спальни',
    facts: {
      location: 'Güzelyurt',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 4,
      features: ['garden', 'parking'],
    },
    intent: 'search',
  },
  {
    message: 'нужна квартира у моря в Лонг Бич на продажу, полмиллиона максимум',
    facts: {
      location: 'İskele',
      rentType: 'sale',
      propertyType: 'apartment',
      maxPrice: 500_000,
      features: ['beach'],
    },
    intent: 'search',
  },
  {
    message: 'сниму студию в Гирне, до 400, кондиционер обязательно',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 400,
      features: ['air_conditioning'],
    },
    intent: 'search',
  },
  {
    message: 'купить дом в Озанкей',
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'house' },
    intent: 'search',
  },
  {
    message: 'апарты в Фамагусте посуточно',
    facts: { location: 'Gazimağusa', rentType: 'short_term', propertyType: 'apartment' },
    intent: 'search',
  },
  {
    message: 'вилла с бассейном в аренду на длительный срок в Каравасе',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'villa',
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'трехкомнатная квартира в Никосии купить до 90 тысяч',
    facts: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 90_000,
    },
    intent: 'search',
  },
  {
    message: 'snyat studiyu v lefkoshe do 300',
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    intent: 'search',
  },
  {
    message: 'Ищем дом у моря в Гирне на лето посуточно, 3 спальни',
    facts: {
      location: 'Girne',
      rentType: 'short_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['beach'],
    },
    intent: 'search',
  },
  {
    message: 'квартира с балконом и видом на море, Искеле, аренда, 600 фунтов',
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 600,
      features: ['balcony', 'sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'недорогую квартиру снять в Gonyeli',
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'apartment' },
    intent: 'search',
  },
  {
    message: 'купить 2+1 в Магусе',
    facts: { location: 'Gazimağusa', rentType: 'sale', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'search',
  },
  {
    message: 'пентхаус в Кирении аренда от 1000 до 1500 фунтов',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'penthouse',
      minPrice: 1000,
      maxPrice: 1500,
    },
    intent: 'search',
  },
  {
    message: 'дом без бассейна, с садом, Лапта, долгосрочная аренда',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: 'search',
  },
  {
    message: 'квартира с мебелью возле EMU аренда',
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: 'вилла в Беллапаисе купить до 1 млн, 4 спальни',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 1_000_000,
    },
    intent: 'search',
  },
  {
    message: 'хочу снять жилье в Искеле, 2+1, с бассейном, до 550',
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 550,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'квартира в аренду в Эсентепе, с парковкой и спортзалом',
    facts: {
      location: 'Esentepe',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['parking', 'gym'],
    },
    intent: 'search',
  },
  {
    message: 'купить дом 3 спальни в Гюзельюрте до 200 000 фунтов',
    facts: {
      location: 'Güzelyurt',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 200_000,
    },
    intent: 'search',
  },
  {
    message: 'посуточно вилла в Кирении, 1400 фунтов в неделю',
    facts: { location: 'Girne', rentType: 'short_term', propertyType: 'villa', maxPrice: 200 },
    intent: 'search',
  },
  {
    message: 'купить квартиру в районе Кирении, но кроме Лапты',
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'sale',
      propertyType: 'apartment',
    },
    intent: 'search',
  },
  {
    message: 'снять квартиру где угодно кроме Фамагусты, 1 спальня',
    facts: {
      excludeLocations: ['Gazimağusa'],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: 'search',
  },
  {
    message: 'Ищу студию на продажу в Фамагусте, до 60 тысяч',
    facts: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'studio', maxPrice: 60_000 },
    intent: 'search',
  },
  {
    message: 'дом в аренду рядом с GAU, 2-3 спальни',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'kuplyu villu v esentepe s vidom na more',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['sea_view'],
    },
    intent: 'search',
  },
  {
    message: 'снять бунгало в Алсанджаке с садом до 800',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'bungalow',
      maxPrice: 800,
      features: ['garden'],
    },
    intent: 'search',
  },
  {
    message: 'Добрый день! Подскажите, есть ли квартиры на продажу в Лефкоше с 3 спальнями?',
    facts: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'search',
  },

  // Refinements with memory
  {
    message: 'подешевле',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 560 },
    intent: 'refine',
  },
  {
    message: 'а бюджетнее есть?',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', maxPrice: 240_000 },
    intent: 'refine',
  },
  {
    message: 'можно подороже',
    memory: { location: 'İskele', rentType: 'long_term', maxPrice: 400 },
    facts: { location: 'İskele', rentType: 'long_term', maxPrice: 500 },
    intent: 'refine',
  },
  {
    message: 'без бассейна',
    memory: {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['pool', 'garden'],
    },
    facts: {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['garden'],
    },
    intent: 'refine',
  },
  {
    message: 'лучше виллы',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'house', maxPrice: 400_000 },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 400_000 },
    intent: 'refine',
  },
  {
    message: 'то же, но в Лапте',
    memory: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: 'refine',
  },
  {
    message: 'кроме Фамагусты',
    memory: { rentType: 'long_term', propertyType: 'studio' },
    facts: { excludeLocations: ['Gazimağusa'], rentType: 'long_term', propertyType: 'studio' },
    intent: 'refine',
  },
  {
    message: 'побольше',
    memory: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
    },
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
    },
    intent: 'refine',
  },
  {
    message: 'а поменьше?',
    memory: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house', minBedrooms: 3 },
    facts: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house', minBedrooms: 2 },
    intent: 'refine',
  },
  {
    message: 'ближе к морю',
    memory: { location: 'İskele', rentType: 'sale', propertyType: 'apartment' },
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment', features: ['beach'] },
    intent: 'refine',
  },
  {
    message: 'не снять, а купить',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'villa' },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'давайте начнем заново',
    memory: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 350,
    },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'и чтобы с мебелью',
    memory: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 350,
    },
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 350,
      features: ['furnished'],
    },
    intent: 'refine',
  },
  {
    message: 'а с бассейном есть?',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house' },
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'house', features: ['pool'] },
    intent: 'refine',
  },
  {
    message: 'до 500 максимум',
    memory: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 650,
    },
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'refine',
  },
  {
    message: 'давайте в Искеле вместо Фамагусты',
    memory: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'apartment' },
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment' },
    intent: 'refine',
  },
  {
    message: 'а 3 спальни?',
    memory: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'refine',
  },
  {
    message: 'подешевле что-нибудь',
    memory: { location: 'Lapta', rentType: 'short_term', propertyType: 'villa' },
    facts: { location: 'Lapta', rentType: 'short_term', propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'кроме Лапты',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'sale',
      propertyType: 'villa',
    },
    intent: 'refine',
  },
  {
    message: 'а с парковкой?',
    memory: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 500,
      features: ['pool'],
    },
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 500,
      features: ['pool', 'parking'],
    },
    intent: 'refine',
  },

  // Other intents
  {
    message: 'можно поговорить с живым человеком?',
    facts: {},
    intent: 'human',
  },
  {
    message: 'перезвоните мне пожалуйста',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  {
    message: 'хочу посмотреть эту виллу в субботу',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'если появится квартира в аренду в Фамагусте до 400, напишите мне',
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 400,
    },
    intent: 'notify',
  },
  {
    message: 'держите в курсе',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 300_000 },
    intent: 'notify',
  },
  {
    message: 'могут ли русские купить недвижимость на Северном Кипре?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'какие документы на собственность? турецкий коджан надежный?',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'дают ли ВНЖ при покупке квартиры?',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'почем тут такие?',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: 'question:prices',
  },
  {
    message: 'где обменять валюту в Никосии?',
    facts: {},
    intent: 'off_topic',
  },
  {
    message: 'есть что-нибудь в Лимассоле?',
    facts: {},
    intent: 'outside_area',
  },
  {
    message: 'здравствуйте',
    facts: {},
    intent: 'greeting',
  },
  {
    message: 'а вы кто вообще?',
    facts: {},
    intent: 'greeting',
  },
  {
    message: 'спасибо большое!',
    memory: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'thanks',
  },
];
