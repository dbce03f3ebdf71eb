import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Second held-out set (Turkish), written 2026-12-04 without reading the rules' code. Mostly
 * without diacritics, suffixes glued on or after an apostrophe, English words mixed in.
 * Villages Parley has no town for are expected as their district; TL at 0.02, euro at
 * 0.86; a weekly holiday budget as a nightly one (see en.ts).
 */
export const TR_HOLDOUT_2: EvalCase[] = [
  {
    message: 'girnede kiralik 2+1 daire ariyorum max 700 sterlin',
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
    message: "Mağusa'da öğrenciye eşyalı stüdyo, aylık 300 pound",
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 300,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'lefkosada satilik 3+1 daire 120 bin sterlin',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 120_000,
    },
    intent: s,
  },
  {
    message: "İskele Long Beach'te günlük kiralık daire, havuzlu",
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: s,
  },
  {
    message: 'esentepe de deniz manzarali satilik villa 400 bin £ a kadar',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 400_000,
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'alsancakta bahceli mustakil ev kiralik',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'laptada 1+1 esyali daire uzun donem',
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: "Çatalköy'de havuzlu villa satılık",
    facts: { location: G, rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'bafrada tatil icin daire haftalik 420 sterlin',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', maxPrice: 60 },
    intent: s,
  },
  {
    message: 'girne merkezde kiralık 1+0',
    facts: { location: G, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'magusa 2+1 kiralik 25 bin TL',
    facts: { location: F, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2, maxPrice: 500 },
    intent: s,
  },
  {
    message: "Lefkoşa'da aylık 30.000 TL altı kiralık daire",
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: s,
  },
  {
    message: 'girne de 3 yatak odalı villa arıyorum satılık',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: "Iskele'de yatırımlık satılık daire 80-100 bin sterlin arası",
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minPrice: 80_000,
      maxPrice: 100_000,
    },
    intent: s,
  },
  {
    message: 'kyrenia da kiralık penthouse deniz manzaralı',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'penthouse',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'gazimagusa esyali 3+1 kiralik klimali',
    facts: {
      location: F,
      rentType: 'long_term',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['furnished', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'karsiyakada bungalov satilik',
    facts: { location: 'Karşıyaka', rentType: 'sale', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'ozankoyde kiralik mustakil ev, köpeğim var',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'long beach te gunluk 1+1 50 sterline kadar',
    facts: { location: I, rentType: 'short_term', minBedrooms: 1, maxBedrooms: 1, maxPrice: 50 },
    intent: s,
  },
  {
    message: "Girne'de otoparklı, balkonlu 2+1 kiralık daire, en fazla 800 pound",
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 800,
      features: ['parking', 'balcony'],
    },
    intent: s,
  },
  {
    message: 'satilik villa bellapais 4+1 havuzlu',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'magusada denize yakin kiralik daire 1000 euro alti',
    facts: {
      location: F,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 860,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'lefkoşa hariç kiralık 2+1',
    facts: { excludeLocations: [L], rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'magusa haric satilik daire',
    facts: { excludeLocations: [F], rentType: 'sale', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'iskelede spor salonlu havuzlu site içinde 1+1 satılık',
    facts: {
      location: I,
      rentType: 'sale',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['gym', 'pool'],
    },
    intent: s,
  },
  {
    message: 'Girne kiralık daire 15.000 TL ile 20.000 TL arası',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 300,
      maxPrice: 400,
    },
    intent: s,
  },
  {
    message: 'laptada gecelik villa havuzlu 150 euro',
    facts: {
      location: 'Lapta',
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 129,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: "Alsancak'ta satılık 2+1 daire taksitli ödeme",
    facts: {
      location: 'Alsancak',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'girnede long term kiralık daire, furnished olsun, max 650 sterlin',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 650,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: "Lefkoşa'da 3+1 müstakil ev satın almak istiyorum 150 bin sterline kadar",
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 150_000,
    },
    intent: s,
  },
  {
    message: 'Esentepede golf sahasına yakın satılık villa',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'kirenia da kiralik studyo 400 £',
    facts: { location: G, rentType: 'long_term', propertyType: 'studio', maxPrice: 400 },
    intent: s,
  },
  {
    message: "Boğaz'da denize sıfır daire satılık 2+1",
    facts: {
      location: I,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: "Gönyeli'de kiralık 2+1 eşyasız",
    facts: { location: L, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: s,
  },
  {
    message: 'iskele 1+1 kiralık 400 sterlin civarı',
    facts: { location: I, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1, maxPrice: 400 },
    intent: s,
  },
  {
    message: 'girnede satılık en az 3 yatak odalı villa',
    facts: { location: G, rentType: 'sale', propertyType: 'villa', minBedrooms: 3 },
    intent: s,
  },
  {
    message: 'magusada 2 gecelik apart daire',
    facts: { location: F, rentType: 'short_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'lefkosa kiralik daire 2+1 veya 3+1 max 700',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
      maxPrice: 700,
    },
    intent: s,
  },
  {
    message: 'yeni bogazicinde satilik villa 250 bin',
    facts: { location: F, rentType: 'sale', propertyType: 'villa', maxPrice: 250_000 },
    intent: s,
  },
  {
    message: "Girne'de 1 milyon sterline kadar lüks villa",
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 1_000_000 },
    intent: s,
  },
  {
    message: 'esyali kiralik daire girne, aylik 1.200 £',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 1200,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: "Trikomo'da tatil evi haftalık 700 euro",
    facts: { location: I, rentType: 'short_term', maxPrice: 86 },
    intent: s,
  },
  {
    message: 'selam, girnede havuzlu site icinde kiralik 2+1 var mi',
    facts: {
      location: G,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'edremitte satilik villa deniz manzarali 3+1',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['sea_view'],
    },
    intent: s,
  },
  // Follow-ups.
  {
    message: 'biraz daha ucuzu var mi',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 640 },
    intent: r,
  },
  {
    message: 'havuzlu olsun',
    memory: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['pool'] },
    intent: r,
  },
  {
    message: 'lefkoşada bakalım',
    memory: { location: F, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: L, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: r,
  },
  {
    message: 'havuz şart değil',
    memory: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['pool', 'sea_view'],
    },
    facts: { location: 'Lapta', rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: r,
  },
  {
    message: '2+1 olsun',
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
    message: 'bütçem 700 e kadar çıkabilir',
    memory: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: L, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    intent: r,
  },
  {
    message: 'villa yerine bungalov',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'bungalow' },
    intent: r,
  },
  {
    message: 'esyali olursa iyi olur',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'magusa istemiyorum',
    memory: { location: F, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [F] },
    intent: r,
  },
  {
    message: 'aslında satın almak istiyorum',
    memory: { location: 'Alsancak', rentType: 'long_term', propertyType: 'house', maxPrice: 900 },
    facts: { location: 'Alsancak', rentType: 'sale', propertyType: 'house' },
    intent: r,
  },
  {
    message: 'bütçeyi boşver',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 150_000 },
    facts: { location: G, rentType: 'sale', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'daha büyük olsun',
    memory: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
    },
    facts: { location: I, rentType: 'long_term', propertyType: 'apartment', minBedrooms: 2 },
    intent: r,
  },
  {
    message: 'deniz manzarali olanlar var mi',
    memory: { location: G, rentType: 'sale', propertyType: 'penthouse' },
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', features: ['sea_view'] },
    intent: r,
  },
  { message: 'her şeyi sıfırla', memory: { location: L }, facts: {}, intent: 'reset' },
  // Intents other than a search.
  { message: 'gercek bir insanla gorusmek istiyorum', facts: {}, intent: 'human' },
  { message: 'emlakçı ile görüşebilir miyim', facts: {}, intent: 'human' },
  {
    message: 'beni arar mısınız',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: G, rentType: 'sale', propertyType: 'villa' },
    intent: 'human',
  },
  { message: 'yarın evi görmeye gelebilir miyim', facts: {}, intent: 'viewing' },
  { message: 'bu villayi gezmek istiyorum', facts: {}, intent: 'viewing' },
  {
    message: 'ilk daireyi cumartesi görebilir miyiz',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'viewing',
  },
  {
    message: 'girnede 2+1 kiralik cikarsa haber verin',
    facts: { location: G, rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  { message: 'yeni ilan gelince bana bildirin', facts: {}, intent: 'notify' },
  {
    message: 'böyle bir şey çıkarsa haber ver',
    memory: { location: I, rentType: 'sale', propertyType: 'apartment' },
    facts: { location: I, rentType: 'sale', propertyType: 'apartment' },
    intent: 'notify',
  },
  {
    message: 'yabancılar kuzey kıbrısta mülk alabilir mi',
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'tapusu türk tapusu mu esdeger mi',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'ev alınca ikamet izni alabiliyor muyuz',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: "Girne'de 2+1 daire fiyatları ne kadar",
    facts: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'question:prices',
  },
  {
    message: 'magusada kiralar ne kadar',
    facts: { location: F, rentType: 'long_term' },
    intent: 'question:prices',
  },
  { message: 'merhaba', facts: {}, intent: 'greeting' },
  { message: 'slm', facts: {}, intent: 'greeting' },
  { message: 'iyi akşamlar', facts: {}, intent: 'greeting' },
  { message: 'çok teşekkürler', facts: {}, intent: 'thanks' },
  { message: 'sagolun', facts: {}, intent: 'thanks' },
  { message: 'girnede hava nasıl', facts: {}, intent: 'off_topic' },
  {
    message: "ercan havalimanından lefkoşa'ya taksi ne kadar",
    facts: {},
    intent: 'off_topic',
  },
  { message: 'magusada en iyi kebapci nerde', facts: {}, intent: 'off_topic' },
  { message: "Baf'ta satılık villa", facts: {}, intent: 'outside_area' },
  { message: 'limasolda kiralik daire', facts: {}, intent: 'outside_area' },
  { message: "antalya'da daire var mı", facts: {}, intent: 'outside_area' },
  {
    message: "larnaka'da bakabilir misiniz",
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'outside_area',
  },
];
