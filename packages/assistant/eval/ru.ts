import type { EvalCase } from './types';

const s = 'search';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/** Russian, as people type it: cases, "й" as "и", Latin town names mixed in. */
export const RU: EvalCase[] = [
  {
    message: 'Ищу квартиру в Кирении до 800 фунтов в месяц',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 800 },
    intent: s,
  },
  {
    message: 'купить виллу с бассейном в Эсентепе',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'посуточно студия у моря в искеле',
    facts: { location: I, rentType: 'short_term', propertyType: 'studio', features: ['beach'] },
    intent: s,
  },
  {
    message: 'двухкомнатная квартира в аренду в Никосии',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    intent: s,
  },
  {
    message: 'трехкомнатная квартира фамагуста',
    facts: { location: F, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'дом с садом в Лапте на длительный срок',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'квартира 2+1 в Кирении аренда',
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
    message: 'вилла с видом на море на продажу до 400 тысяч',
    facts: { rentType: 'sale', propertyType: 'villa', maxPrice: 400_000, features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'пентхаус в Кирении купить',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse' },
    intent: s,
  },
  {
    message: 'снять квартиру с мебелью в фамагусте до 600 фунтов',
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
    message: 'квартира без мебели в Никосии',
    facts: { location: L, propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'дом с 3 спальнями в Алсанджаке',
    facts: { location: 'Alsancak', propertyType: 'house', minBedrooms: 3, maxBedrooms: 3 },
    intent: s,
  },
  {
    message: 'вилла посуточно до 150 евро за ночь',
    facts: { rentType: 'short_term', propertyType: 'villa', maxPrice: 129 },
    intent: s,
  },
  {
    message: 'квартира с парковкой и кондиционером',
    facts: { propertyType: 'apartment', features: ['parking', 'air_conditioning'] },
    intent: s,
  },
  {
    message: 'можно с животными, дом в аренду',
    facts: { rentType: 'long_term', propertyType: 'house', features: ['pet_friendly'] },
    intent: s,
  },
  {
    message: 'бунгало в Каршияке',
    facts: { location: 'Karşıyaka', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'от 2 спален, Беллапаис, вилла',
    facts: { location: 'Bellapais', propertyType: 'villa', minBedrooms: 2 },
    intent: s,
  },
  {
    message: 'квартира в Гюзельюрте на продажу',
    facts: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'апартаменты со спортзалом и бассейном',
    facts: { propertyType: 'apartment', features: ['pool', 'gym'] },
    intent: s,
  },
  {
    message: 'купить квартиру в Искеле от 100 до 150 тысяч фунтов',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minPrice: 100_000,
      maxPrice: 150_000,
    },
    intent: s,
  },
  {
    message: 'студия в аренду в Кирении до 500',
    facts: { location: G, rentType: 'long_term', propertyType: 'studio', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'квартира в Кирении до 1000',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 1000 },
    intent: s,
  },
  {
    message: 'дом до 1 млн фунтов',
    facts: { rentType: 'sale', propertyType: 'house', maxPrice: 1_000_000 },
    intent: s,
  },
  {
    message: 'квартира с балконом помесячно',
    facts: { rentType: 'long_term', propertyType: 'apartment', features: ['balcony'] },
    intent: s,
  },
  {
    message: 'вилла в Kyrenia с бассейном',
    facts: { location: G, propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'квартиру в Гирне снять на год',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'жилье на первой линии в Искеле посуточно',
    facts: { location: I, rentType: 'short_term', features: ['beach'] },
    intent: s,
  },
  {
    message: 'квартира не в Фамагусте',
    facts: { propertyType: 'apartment', excludeLocations: [F] },
    intent: s,
  },
  {
    message: 'снять дом на неделю 700 фунтов',
    facts: { rentType: 'short_term', propertyType: 'house', maxPrice: 100 },
    intent: s,
  },
  { message: 'дом в Пафосе', facts: {}, intent: 'outside_area' },
  { message: 'квартиры в Лимассоле есть?', facts: {}, intent: 'outside_area' },
  { message: 'какая погода в Кирении?', facts: {}, intent: 'off_topic' },
  { message: 'может ли иностранец купить недвижимость?', facts: {}, intent: 'question:buying' },
  { message: 'как купить квартиру иностранцу', facts: {}, intent: 'question:buying' },
  { message: 'какие бывают кочаны, это безопасно?', facts: {}, intent: 'question:title_deeds' },
  { message: 'как получить внж на северном кипре', facts: {}, intent: 'question:residency' },
  { message: 'позовите оператора', facts: {}, intent: 'human' },
  { message: 'хочу поговорить с живым человеком', facts: {}, intent: 'human' },
  { message: 'перезвоните мне пожалуйста', facts: {}, intent: 'human' },
  { message: 'можно записаться на просмотр?', facts: {}, intent: 'viewing' },
  {
    message: 'сообщите, когда появится вилла с бассейном',
    facts: { propertyType: 'villa', features: ['pool'] },
    intent: 'notify',
  },
  {
    message: 'дайте знать если будет что-то новое',
    memory: { location: G },
    facts: { location: G },
    intent: 'notify',
  },
  { message: 'привет', facts: {}, intent: 'greeting' },
  { message: 'Здравствуйте!', facts: {}, intent: 'greeting' },
  { message: 'спасибо большое', facts: {}, intent: 'thanks' },
  {
    message: 'а подешевле?',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: 'refine',
  },
  {
    message: 'можно подороже',
    memory: { location: G, rentType: 'long_term', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: 'refine',
  },
  {
    message: 'побольше',
    memory: { location: G, minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'поменьше',
    memory: { location: G, minBedrooms: 3, maxBedrooms: 3 },
    facts: { location: G, maxBedrooms: 2 },
    intent: 'refine',
  },
  {
    message: 'ближе к морю',
    memory: { location: I, rentType: 'short_term' },
    facts: { location: I, rentType: 'short_term', features: ['beach'] },
    intent: 'refine',
  },
  {
    message: 'без бассейна',
    memory: { location: G, features: ['pool'] },
    facts: { location: G },
    intent: 'refine',
  },
  {
    message: 'лучше виллы',
    memory: { location: G, propertyType: 'apartment' },
    facts: { location: G, propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'то же самое, но в Лапте',
    memory: { location: G, rentType: 'sale' },
    facts: { location: 'Lapta', rentType: 'sale' },
    intent: 'refine',
  },
  {
    message: 'кроме Фамагусты',
    memory: { location: F, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [F] },
    intent: 'refine',
  },
  {
    message: 'вообще-то хочу купить',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'sale' },
    intent: 'refine',
  },
  { message: 'начать заново', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'с садом и парковкой',
    memory: { location: 'Alsancak' },
    facts: { location: 'Alsancak', features: ['garden', 'parking'] },
    intent: 'refine',
  },
  {
    message: 'тогда до 700',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'long_term', maxPrice: 700 },
    intent: 'refine',
  },
  {
    message: 'квартира в кирении 2 спальни посуточно',
    facts: {
      location: G,
      rentType: 'short_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'сколько стоит квартира в Кирении?',
    facts: { location: G, propertyType: 'apartment' },
    intent: 'question:prices',
  },
];
