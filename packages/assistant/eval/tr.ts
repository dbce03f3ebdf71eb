import type { EvalCase } from './types';

const s = 'search';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/** Turkish, as people type it: often without ç ğ ı ö ş ü, with "2+1" and suffixes. */
export const TR: EvalCase[] = [
  {
    message: "Girne'de kiralık 2+1 daire",
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
    message: 'girnede kiralik 2+1 daire',
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
    message: 'havuzlu satilik villa esentepe',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'Magusada 1+1 esyali daire ariyorum',
    facts: {
      location: F,
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'lefkosa kiralik daire aylik 500 sterline kadar',
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'İskele günlük kiralık daire denize yakın',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'deniz manzarali satilik penthouse',
    facts: { rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: s,
  },
  {
    message: "Lapta'da bahceli mustakil ev",
    facts: { location: 'Lapta', propertyType: 'house', features: ['garden'] },
    intent: s,
  },
  {
    message: '3+1 villa girne satilik 300 bin sterline kadar',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 300_000,
    },
    intent: s,
  },
  {
    message: 'gecelik 100 sterlin alti daire girne',
    facts: { location: G, rentType: 'short_term', propertyType: 'apartment', maxPrice: 100 },
    intent: s,
  },
  {
    message: 'Guzelyurtta satilik ev',
    facts: { location: 'Güzelyurt', rentType: 'sale' },
    intent: s,
  },
  {
    message: 'alsancakta kiralik villa havuzlu',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'villa',
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'klimali otoparkli 2+1 kiralik',
    facts: {
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['parking', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'evcil hayvan kabul eden kiralık ev',
    facts: { rentType: 'long_term', features: ['pet_friendly'] },
    intent: s,
  },
  {
    message: 'stüdyo daire lefkoşa kiralık',
    facts: { location: L, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: '1+0 kiralik magusa',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'bellapais satilik villa deniz manzarali havuzlu',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'karsiyakada bungalov',
    facts: { location: 'Karşıyaka', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'uzun donem kiralik daire girne 700 sterlin',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    intent: s,
  },
  {
    message: 'tatil icin villa kiralamak istiyorum, 4 yatak odali',
    facts: { rentType: 'short_term', propertyType: 'villa', minBedrooms: 4, maxBedrooms: 4 },
    intent: s,
  },
  {
    message: '200-250 bin arası satılık daire iskele',
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minPrice: 200_000,
      maxPrice: 250_000,
    },
    intent: s,
  },
  {
    message: 'en az 3 yatak odali mustakil ev',
    facts: { propertyType: 'house', minBedrooms: 3 },
    intent: s,
  },
  {
    message: 'balkonlu daire aylik 600',
    facts: {
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 600,
      features: ['balcony'],
    },
    intent: s,
  },
  {
    message: 'girne 2+1 kiralik 40.000 TL alti',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 800 },
    intent: s,
  },
  {
    message: "Kyrenia'da satilik villa",
    facts: { location: G, rentType: 'sale', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'esyali kiralik 1+1 lefkosada',
    facts: {
      location: L,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: s,
  },
  { message: 'spor salonlu havuzlu residence', facts: { features: ['pool', 'gym'] }, intent: s },
  {
    message: 'denize sifir villa satilik',
    facts: { rentType: 'sale', propertyType: 'villa', features: ['beach'] },
    intent: s,
  },
  {
    message: 'magusa haric kiralik daire',
    facts: { rentType: 'long_term', propertyType: 'apartment', excludeLocations: [F] },
    intent: s,
  },
  { message: 'Baf ta ev var mi', facts: {}, intent: 'outside_area' },
  { message: 'Limasolda satilik daire', facts: {}, intent: 'outside_area' },
  { message: 'girne hava durumu nasil', facts: {}, intent: 'off_topic' },
  { message: 'yabancılar mülk satın alabilir mi?', facts: {}, intent: 'question:buying' },
  { message: 'yabanci olarak ev alabilir miyim', facts: {}, intent: 'question:buying' },
  { message: 'tapu durumu nasil, esdeger koçan mi?', facts: {}, intent: 'question:title_deeds' },
  { message: 'oturma izni nasil alinir', facts: {}, intent: 'question:residency' },
  { message: 'bir temsilciyle gorusmek istiyorum', facts: {}, intent: 'human' },
  { message: 'beni arayin lutfen', facts: {}, intent: 'human' },
  { message: 'evi yerinde gormek istiyorum, randevu alabilir miyim', facts: {}, intent: 'viewing' },
  {
    message: 'havuzlu villa cikinca haber ver',
    facts: { propertyType: 'villa', features: ['pool'] },
    intent: 'notify',
  },
  {
    message: 'yeni ilan gelince bana bildirim gonderin',
    memory: { location: G },
    facts: { location: G },
    intent: 'notify',
  },
  { message: 'merhaba', facts: {}, intent: 'greeting' },
  { message: 'iyi gunler', facts: {}, intent: 'greeting' },
  { message: 'tesekkurler', facts: {}, intent: 'thanks' },
  { message: 'sağol', facts: {}, intent: 'thanks' },
  {
    message: 'daha ucuz',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: 'refine',
  },
  {
    message: 'daha pahali olabilir',
    memory: { location: G, rentType: 'long_term', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: 'refine',
  },
  {
    message: 'daha buyuk',
    memory: { location: G, minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'daha kucuk olsun',
    memory: { location: G, minBedrooms: 3, maxBedrooms: 3 },
    facts: { location: G, maxBedrooms: 2 },
    intent: 'refine',
  },
  {
    message: 'havuz olmasin',
    memory: { location: G, features: ['pool'] },
    facts: { location: G },
    intent: 'refine',
  },
  {
    message: 'villa olsun',
    memory: { location: G, propertyType: 'apartment' },
    facts: { location: G, propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'ayni ama laptada',
    memory: { location: G, rentType: 'sale' },
    facts: { location: 'Lapta', rentType: 'sale' },
    intent: 'refine',
  },
  {
    message: 'magusa olmasin',
    memory: { location: F, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [F] },
    intent: 'refine',
  },
  {
    message: 'satin almak istiyorum aslinda',
    memory: { location: G, rentType: 'long_term', maxPrice: 900 },
    facts: { location: G, rentType: 'sale' },
    intent: 'refine',
  },
  { message: 'bastan baslayalim', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'bahceli olsun',
    memory: { location: 'Alsancak' },
    facts: { location: 'Alsancak', features: ['garden'] },
    intent: 'refine',
  },
  {
    message: 'denize daha yakin',
    memory: { location: I, rentType: 'short_term' },
    facts: { location: I, rentType: 'short_term', features: ['beach'] },
    intent: 'refine',
  },
  {
    message: 'girne 2+1 flat kiralik',
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
    message: 'haftalik 700 sterlin villa tatil',
    facts: { rentType: 'short_term', propertyType: 'villa', maxPrice: 100 },
    intent: s,
  },
  {
    message: 'girnede 2+1 daire fiyatlari ne kadar?',
    facts: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
];
