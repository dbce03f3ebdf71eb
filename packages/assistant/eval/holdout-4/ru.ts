import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';
const LAP = 'Lapta';
const ESE = 'Esentepe';
const ALS = 'Alsancak';
const BEL = 'Bellapais';
const KAR = 'Karşıyaka';

/**
 * Fourth held-out set (Russian), written 2026-12-04 blind: from docs/assistant.md, the
 * `searchFacts` contract, the towns in @parley/validators and the sets' format only, without
 * reading the rules' code, their tests or the other sets' messages; committed before its
 * first run. Typed as people type to a property chat in North Cyprus, usually without ё.
 *
 * Conventions (docs/assistant.md): a village with no town of its own is expected as its
 * district (Чаталкёй, Эдремит, Озанкёй: Girne; Хамиткёй: Lefkoşa; Бафра, Лонг Бич: İskele);
 * other currencies in pounds at EUR 0.86, USD 0.79, TRY 0.02 ("лир" are Turkish lira); a
 * weekly holiday budget as a nightly one (÷ 7); rooms include the living room ("двушка" is
 * a flat with one bedroom, "трехкомнатная" two); "подешевле" is the budget × 0.8,
 * "подороже" × 1.25, "побольше"/"поменьше" one bedroom more/fewer; a question, a person, a
 * viewing, off-topic or a place outside North Cyprus changes no filter.
 *
 * Conventions decided here: a bedroom count alone ("2 спальни", "2+1") is exact
 * (min = max), "от 3 спален" sets only the minimum; "2+1" without a property word sets no
 * property type; "апартаменты" is a flat, "домик" a house, "новостройка" no type; a studio
 * sets no bedroom count; "тыс"/"тыщ"/"к" are thousands, an amount with no currency is
 * pounds; a budget on its own is the maximum; buying to let out is a sale; "без мебели"
 * adds no feature; a prices question keeps the facts it names; a notify keeps the facts in
 * the message; every message with a budget also says the rent type.
 */
export const RU_HOLDOUT_4: EvalCase[] = [
  // Plain searches.
  {
    message: 'ищу квартиру в аренду в Кирении, 2 спальни, до 700 фунтов',
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
    message: 'купить виллу с бассейном в Бельпаисе до 450 тыс фунтов',
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 450000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'студия в Фамагусте посуточно, до 40 фунтов за ночь',
    facts: { location: F, rentType: 'short_term', propertyType: 'studio', maxPrice: 40 },
    intent: s,
  },
  {
    message: 'двушка в искеле на длительный срок с мебелью',
    facts: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'дом с садом в Никосии, долгосрочная аренда, 3 спальни',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'нужна квартира у моря в Лонг Бич на неделю',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'бунгало в Эсентепе на продажу с видом на море',
    facts: { location: ESE, rentType: 'sale', propertyType: 'bungalow', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'снять дом в Алсанджаке, у нас собака, до 900',
    facts: {
      location: ALS,
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 900,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'пентхаус в Кирении купить, бюджет до 300 000 евро',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', maxPrice: 258000 },
    intent: s,
  },
  {
    message: 'трешка в Гирне в аренду, парковка обязательно',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['parking'],
    },
    intent: s,
  },
  {
    message: 'вилла посуточно в Каршияке, 4 спальни, бассейн',
    facts: {
      location: KAR,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message:
      'Здравствуйте! Рассматриваем покупку квартиры в Искеле для сдачи в аренду, 2+1, бюджет 80-100 тысяч фунтов',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 80000,
      maxPrice: 100000,
    },
    intent: s,
  },
  {
    message: 'квартира в Лапте в аренду на год, кондиционер и балкон, до 600 £',
    facts: {
      location: LAP,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 600,
      features: ['air_conditioning', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'Чаталкей дом аренда долгосрок',
    facts: { location: G, rentType: 'long_term', propertyType: 'house' },
    intent: s,
  },
  {
    message: 'вилла на продажу в Гирне, 3-4 спальни, от 400 до 600 тыс',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 4,
      minPrice: 400000,
      maxPrice: 600000,
    },
    intent: s,
  },
  {
    message: 'снять студию в Никосии рядом с университетом, до 15 тыс лир',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    intent: s,
  },
  {
    message: 'квартира посуточно в Кирении с бассейном и спортзалом, 2 спальни',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['pool', 'gym'],
    },
    intent: s,
  },
  {
    message: 'купить дом в Гюзельюрте, 3 спальни, сад',
    facts: {
      location: Z,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'аренда квартиры не в Фамагусте, 1 спальня, до 450',
    facts: {
      excludeLocations: [F],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 450,
    },
    intent: s,
  },
  {
    message: 'вилла в Эдремите в долгосрочную аренду, бассейн, до 2000 в месяц',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'villa',
      maxPrice: 2000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'квартира в Бафре у моря, покупка, до 120к',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      maxPrice: 120000,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'ищем на 10 дней виллу в Озанкое, 3 спальни, до 150 евро за ночь',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 129,
    },
    intent: s,
  },
  {
    message: 'сниму квартиру в Фамагусте для студента, без мебели, до 300',
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 300 },
    intent: s,
  },
  {
    message: 'новостройка в Искеле, 1+1, купить, до $90 000',
    facts: { location: I, rentType: 'sale', minBedrooms: 1, maxBedrooms: 1, maxPrice: 71100 },
    intent: s,
  },
  {
    message: 'пентхаус с видом на море в Алсанджаке в аренду на длительный срок',
    facts: {
      location: ALS,
      rentType: 'long_term',
      propertyType: 'penthouse',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'дом в аренду в Хамиткей, с садом и парковкой',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden', 'parking'],
    },
    intent: s,
  },
  {
    message: 'квартиру посуточно в Лонг-Бич, с видом на море, до 350 фунтов в неделю',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 50,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'купить виллу в Беллапаисе, 4 спальни, бассейн, сад, вид на море',
    facts: {
      location: BEL,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool', 'garden', 'sea_view'],
    },
    intent: s,
  },
  {
    message: 'Снять квартиру с 3 спальнями в Кирении, мебель, кондиционер, до 1200 фунтов',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1200,
      features: ['furnished', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'ищу вилу в лапте на продажу до 350 тыщ фунтов',
    facts: { location: LAP, rentType: 'sale', propertyType: 'villa', maxPrice: 350000 },
    intent: s,
  },
  {
    message: 'апартаменты в Фамагусте на продажу, 2 спальни, до 4,5 млн лир',
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
    message: 'бунгало в аренду в Эсентепе, можно с питомцами?',
    facts: {
      location: ESE,
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'дом на продажу кроме Искеле, с бассейном, до 250 тыс фунтов',
    facts: {
      excludeLocations: [I],
      rentType: 'sale',
      propertyType: 'house',
      maxPrice: 250000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'Подскажите, есть ли квартиры посуточно в Никосии? Нужно на 3 ночи, до 60 фунтов',
    facts: { location: L, rentType: 'short_term', propertyType: 'apartment', maxPrice: 60 },
    intent: s,
  },
  {
    message: 'трехкомнатная квартира в Гирне на продажу, 150-200 тыс. фунтов',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 150000,
      maxPrice: 200000,
    },
    intent: s,
  },
  {
    message: 'аренда в Каравасе 2 спальни',
    facts: { location: ALS, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'вилла с бассейном посуточно в Искеле до 250 евро',
    facts: {
      location: I,
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 215,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'нужна квартира на длительный срок в Гюзельюрте, до 8000 лир',
    facts: { location: Z, rentType: 'long_term', propertyType: 'apartment', maxPrice: 160 },
    intent: s,
  },
  {
    message: 'купить квартиру в Фамагусте рядом с пляжем, 3 спальни',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'вилла от 3 спален в Кирении, купить, до 1,2 млн евро',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxPrice: 1032000,
    },
    intent: s,
  },
  {
    message: 'нам нужна квартира в аренду Лефкоша, с балконом, 2 спальни, до 20 тыс TL',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 400,
      features: ['balcony'],
    },
    intent: s,
  },
  {
    message: 'домик в Лапте посуточно, с садом',
    facts: { location: LAP, rentType: 'short_term', propertyType: 'house', features: ['garden'] },
    intent: s,
  },
  {
    message: 'квартира в аренду в Кирении с мебелью, можно с котом, до 800 фунтов в месяц',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 800,
      features: ['furnished', 'pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'студию в Искеле купить до 60 тысяч фунтов',
    facts: { location: I, rentType: 'sale', propertyType: 'studio', maxPrice: 60000 },
    intent: s,
  },

  // Refinements of a conversation.
  {
    message: 'а подешевле есть?',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 560,
    },
    intent: r,
  },
  {
    message: 'давайте лучше в Никосии',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: r,
  },
  {
    message: 'можно и без бассейна',
    memory: {
      location: ESE,
      rentType: 'sale',
      propertyType: 'villa',
      features: ['pool', 'garden'],
    },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa', features: ['garden'] },
    intent: r,
  },
  {
    message: 'поближе к морю',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: r,
  },
  {
    message: 'покажите лучше виллы',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 150000 },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 150000 },
    intent: r,
  },
  {
    message: 'побольше, семья большая',
    memory: { rentType: 'long_term', propertyType: 'house', minBedrooms: 3 },
    facts: { rentType: 'long_term', propertyType: 'house', minBedrooms: 4 },
    intent: r,
  },
  {
    message: 'можно до 750',
    memory: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    facts: { location: LAP, rentType: 'long_term', propertyType: 'apartment', maxPrice: 750 },
    intent: r,
  },
  {
    message: 'только не в Фамагусте',
    memory: { rentType: 'long_term', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: {
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      excludeLocations: [F],
    },
    intent: r,
  },
  {
    message: 'можно подороже',
    memory: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 200 },
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 250 },
    intent: r,
  },
  {
    message: 'мебель не нужна, своя есть',
    memory: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished', 'parking'],
    },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', features: ['parking'] },
    intent: r,
  },
  {
    message: 'то же самое, но в Алсанджаке',
    memory: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: ALS,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: r,
  },
  {
    message: 'и чтобы с кондиционером',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 400,
      features: ['air_conditioning'],
    },
    intent: r,
  },
  {
    message: 'поменьше можно',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
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
    message: 'а на продажу что есть?',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'sale', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'дешевле давайте',
    memory: { location: ALS, rentType: 'long_term', maxPrice: 900 },
    facts: { location: ALS, rentType: 'long_term', maxPrice: 720 },
    intent: r,
  },
  {
    message: 'а в Каршияке?',
    memory: { location: G, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    facts: { location: KAR, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'с видом на море и не дороже 800',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 800,
      features: ['sea_view'],
    },
    intent: r,
  },
  {
    message: 'вместо Фамагусты Искеле',
    memory: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 80000,
    },
    intent: r,
  },

  // Other intents.
  { message: 'добрый день', facts: {}, intent: 'greeting' },
  {
    message: 'спасибо большое, очень помогли',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'thanks',
  },
  {
    message: 'можно поговорить с живым агентом?',
    memory: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  {
    message: 'хотим съездить посмотреть эту виллу в субботу',
    memory: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    facts: { location: BEL, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: 'viewing',
  },
  {
    message: 'сообщите, когда появится вилла с бассейном в Эсентепе на продажу',
    facts: { location: ESE, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: 'notify',
  },
  {
    message: 'может ли иностранец купить квартиру на Северном Кипре?',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'что такое турецкий кочан и безопасен ли он',
    facts: {},
    intent: 'question:title_deeds',
  },
  { message: 'дают ли ВНЖ при покупке недвижимости', facts: {}, intent: 'question:residency' },
  {
    message: 'сколько стоит купить двушку в Кирении?',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: 'question:prices',
  },
  { message: 'где в Кирении хороший русский ресторан', facts: {}, intent: 'off_topic' },
  { message: 'есть виллы в Айя-Напе?', facts: {}, intent: 'outside_area' },
  {
    message: 'давайте начнем сначала',
    memory: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 100000 },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'позвоните мне пожалуйста, +90 542 377 10 58',
    memory: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'human',
  },
];
