import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Held out (Russian): written from the issue and from how people search in North Cyprus,
 * without reading the rules. Cases, slang ("трешка", "кондер", "400к"), Latin town names.
 */
export const RU_HOLDOUT: EvalCase[] = [
  {
    message: 'сниму квартиру в кирении на длительный срок до 700',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    intent: s,
  },
  {
    message: '1+1 в фамагусте аренда',
    facts: { location: F, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    intent: s,
  },
  {
    message: 'купить дом в Никосии',
    facts: { location: L, rentType: 'sale', propertyType: 'house' },
    intent: s,
  },
  {
    message: 'студию на пару дней в лонг бич',
    facts: { location: I, rentType: 'short_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'вилла в Эсентепе с бассейном и видом на море на продажу',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'ищу виллу в алсанджаке для отдыха',
    facts: { location: 'Alsancak', rentType: 'short_term', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'дом в лапте с садом купить до 300 тыс фунтов',
    facts: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'house',
      maxPrice: 300_000,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'квартира в гирне с мебелью на год',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'бунгало в Каршияке',
    facts: { location: 'Karşıyaka', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'пентхаус с видом на море в Kyrenia',
    facts: { location: G, propertyType: 'penthouse', features: ['sea_view'] },
    intent: s,
  },
  {
    message: '2 спальни квартира Фамагуста до 500 фунтов в месяц',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 500,
    },
    intent: s,
  },
  {
    message: 'трешка в искеле купить',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'вилла 4 спальни посуточно',
    facts: { rentType: 'short_term', propertyType: 'villa', minBedrooms: 4, maxBedrooms: 4 },
    intent: s,
  },
  {
    message: 'квартира с парковкой и кондером в Гирне',
    facts: { location: G, propertyType: 'apartment', features: ['parking', 'air_conditioning'] },
    intent: s,
  },
  {
    message: 'можно с животными, дом в аренду',
    facts: { rentType: 'long_term', propertyType: 'house', features: ['pet_friendly'] },
    intent: s,
  },
  {
    message: 'квартира в Беллапаисе купить 150-200 тыс',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'apartment',
      minPrice: 150_000,
      maxPrice: 200_000,
    },
    intent: s,
  },
  { message: 'дом в Морфу', facts: { location: 'Güzelyurt', propertyType: 'house' }, intent: s },
  {
    message: 'вилла 3+1 Кирения продажа до 1 млн фунтов',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 1_000_000,
    },
    intent: s,
  },
  {
    message: 'апартаменты с тренажерным залом и балконом',
    facts: { propertyType: 'apartment', features: ['gym', 'balcony'] },
    intent: s,
  },
  {
    message: 'аренда квартиры не в никосии',
    facts: { rentType: 'long_term', propertyType: 'apartment', excludeLocations: [L] },
    intent: s,
  },
  {
    message: 'жилье у моря в Фамагусте посуточно до 70 фунтов за ночь',
    facts: { location: F, rentType: 'short_term', maxPrice: 70, features: ['beach'] },
    intent: s,
  },
  {
    message: 'квартира до 1000 долларов в месяц в кирении',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 790 },
    intent: s,
  },
  {
    message: 'вилла до 500 евро за ночь',
    facts: { rentType: 'short_term', propertyType: 'villa', maxPrice: 430 },
    intent: s,
  },
  {
    message: 'хочу купить квартиру в искеле, бюджет 80 тысяч',
    facts: { location: I, rentType: 'sale', propertyType: 'apartment', maxPrice: 80_000 },
    intent: s,
  },
  {
    message: 'ищу дом 3 спальни в Лапте в аренду',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'квартиры в Lefkosa в аренду',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  { message: 'студия в Gazimagusa', facts: { location: F, propertyType: 'studio' }, intent: s },
  {
    message: 'не меньше 2 спален, Кирения, аренда',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2 },
    intent: s,
  },
  {
    message: 'квартира в Кирении с садом',
    facts: { location: G, propertyType: 'apartment', features: ['garden'] },
    intent: s,
  },
  {
    message: 'продажа вилл в Алсанджаке до 400к',
    facts: { location: 'Alsancak', rentType: 'sale', propertyType: 'villa', maxPrice: 400_000 },
    intent: s,
  },
  {
    message: 'квартира в Girne 2+1 long term',
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
    message: 'villa в Iskele посуточно',
    facts: { location: I, rentType: 'short_term', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'снять квартиру в Фамагусте от 300 до 450 фунтов',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 300,
      maxPrice: 450,
    },
    intent: s,
  },
  { message: 'квартира в Ларнаке', facts: {}, intent: 'outside_area' },
  { message: 'виллы в Айя-Напе есть?', facts: {}, intent: 'outside_area' },
  {
    message: 'ищу квартиру в Протарасе',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'outside_area',
  },
  { message: 'во сколько сегодня футбол', facts: {}, intent: 'off_topic' },
  {
    message: 'где в кирении хороший ресторан?',
    memory: { location: I },
    facts: { location: I },
    intent: 'off_topic',
  },
  {
    message: 'может ли гражданин России купить дом на Северном Кипре',
    facts: {},
    intent: 'question:buying',
  },
  { message: 'что такое турецкий кочан', facts: {}, intent: 'question:title_deeds' },
  { message: 'дают ли вид на жительство при покупке', facts: {}, intent: 'question:residency' },
  {
    message: 'сколько стоят виллы в Эсентепе?',
    facts: { location: 'Esentepe', propertyType: 'villa' },
    intent: 'question:prices',
  },
  { message: 'свяжите меня с менеджером', facts: {}, intent: 'human' },
  { message: 'можно поговорить с агентом?', facts: {}, intent: 'human' },
  { message: 'хочу посмотреть эту квартиру вживую', facts: {}, intent: 'viewing' },
  { message: 'когда можно приехать на осмотр', facts: {}, intent: 'viewing' },
  {
    message: 'напишите мне когда появится квартира в Кирении до 600',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: 'notify',
  },
  {
    message: 'сообщите о новых виллах в Лапте',
    facts: { location: 'Lapta', propertyType: 'villa' },
    intent: 'notify',
  },
  { message: 'добрый день', facts: {}, intent: 'greeting' },
  { message: 'доброе утро', facts: {}, intent: 'greeting' },
  { message: 'добрый вечер!', facts: {}, intent: 'greeting' },
  { message: 'спасибо', facts: {}, intent: 'thanks' },
  { message: 'благодарю', facts: {}, intent: 'thanks' },
  {
    message: 'подешевле есть?',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'а что-нибудь подороже',
    memory: { location: G, rentType: 'long_term', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: r,
  },
  {
    message: 'нужно больше спален',
    memory: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, propertyType: 'apartment', minBedrooms: 3 },
    intent: r,
  },
  {
    message: 'а в Эсентепе?',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'бассейн не нужен',
    memory: { location: 'Lapta', propertyType: 'villa', features: ['pool'] },
    facts: { location: 'Lapta', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'давайте дома вместо квартир',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: L, rentType: 'long_term', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'только не Кирения',
    memory: { location: G, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [G] },
    intent: r,
  },
  {
    message: 'на самом деле нужно посуточно',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'и чтобы с видом на море',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: r,
  },
  { message: 'давай сначала', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'максимум 1200',
    memory: { location: F, rentType: 'long_term' },
    facts: { location: F, rentType: 'long_term', maxPrice: 1200 },
    intent: r,
  },
  {
    message: 'с мебелью',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment' },
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'поменьше квартиру',
    memory: { location: G, propertyType: 'apartment', minBedrooms: 3, maxBedrooms: 3 },
    facts: { location: G, propertyType: 'apartment', maxBedrooms: 2 },
    intent: r,
  },
];
