import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';
const Z = 'Güzelyurt';

/**
 * Third held-out set (Turkish), written 2026-12-04 blind, like the English one (see
 * holdout-3/en.ts for what was read and the conventions): often without Turkish letters,
 * with Cypriot and colloquial wording, English words and "bin" amounts.
 */
export const TR_HOLDOUT_3: EvalCase[] = [
  {
    message: 'girnede kiralik 2+1 daire ariyorum, aylik 600 sterline kadar',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
    },
    intent: s,
  },
  {
    message: 'Mağusa da öğrenciye uygun stüdyo var mı kiralık',
    facts: { location: F, rentType: 'long_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: 'lefkosada satilik 3+1 mustakil ev, bahceli',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'iskelede denize sıfır günlük kiralık daire',
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'bütçem 20 bin TL, girne 1+1 kiralık',
    facts: { location: G, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1, maxPrice: 400 },
    intent: s,
  },
  {
    message: 'Çatalköyde havuzlu villa satılık, 400 bin sterlin max',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 400000,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'lapta da deniz manzarali penthouse almak istiyoruz',
    facts: {
      location: 'Lapta',
      rentType: 'sale',
      propertyType: 'penthouse',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'alsancakta eşyalı 2 yatak odalı ev uzun dönem',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 2,
      maxBedrooms: 2,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'gecelik 100 sterlin altinda girnede villa',
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', maxPrice: 100 },
    intent: s,
  },
  {
    message: 'esentepede satılık bungalov bakıyorum',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'bungalow' },
    intent: s,
  },
  {
    message: 'güzelyurtta kiralık ev lazım 3 oda, köpeğimiz var',
    facts: {
      location: Z,
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'magusada 500-700 arası kiralık 2+1 eşyalı',
    facts: {
      location: F,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      minPrice: 500,
      maxPrice: 700,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'Bafrada tatil için villa kiralamak istiyorum, havuzlu olsun',
    facts: { location: I, rentType: 'short_term', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'gönyelide satilik daire 100 bin sterline kadar',
    facts: { location: L, rentType: 'sale', propertyType: 'apartment', maxPrice: 100000 },
    intent: s,
  },
  {
    message: 'kiralık daire ozanköy otoparklı klimalı',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['parking', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'long beachte satilik 1+1, spor salonu ve havuz olsun',
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
    message: 'bellapaiste 4 yatak odali villa satilik',
    facts: {
      location: 'Bellapais',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
    },
    intent: s,
  },
  {
    message: 'karşıyakada kiralık müstakil ev bahçeli, en fazla 900 sterlin',
    facts: {
      location: 'Karşıyaka',
      rentType: 'long_term',
      propertyType: 'house',
      maxPrice: 900,
      features: ['garden'],
    },
    intent: s,
  },
  {
    message: 'edremitte balkonlu kiralık daire',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', features: ['balcony'] },
    intent: s,
  },
  {
    message: 'girne hariç satılık villa, 3 yatak odası',
    facts: {
      excludeLocations: [G],
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'lefkoşa olmasın, kiralık 2+1 daire',
    facts: {
      excludeLocations: [L],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: s,
  },
  {
    message: 'yeni bogazicinde kiralik ev, max 25 bin tl',
    facts: { location: F, rentType: 'long_term', propertyType: 'house', maxPrice: 500 },
    intent: s,
  },
  {
    message: 'hamitköyde satılık 3+1 daire',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'trikomoda haftalık 700 sterline tatil evi',
    facts: { location: I, rentType: 'short_term', maxPrice: 100 },
    intent: s,
  },
  {
    message: 'boğazda denize yakın kiralık daire arıyoz',
    facts: { location: I, rentType: 'long_term', propertyType: 'apartment', features: ['beach'] },
    intent: s,
  },
  {
    message: 'girnede satılık 2+1, 150 bin euro altı',
    facts: { location: G, rentType: 'sale', minBedrooms: 2, maxBedrooms: 2, maxPrice: 129000 },
    intent: s,
  },
  {
    message: 'evcil hayvan kabul eden kiralık ev var mı lefkoşada',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'magusa kiralik 3+ oda, 1000 sterlin civarı',
    facts: { location: F, rentType: 'long_term', minBedrooms: 3, maxPrice: 1000 },
    intent: s,
  },
  {
    message: 'tatlısuda deniz manzaralı villa satılık',
    facts: { location: F, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: s,
  },
  {
    message: 'iskele gunluk kiralik stüdyo 50 sterline kadar',
    facts: { location: I, rentType: 'short_term', propertyType: 'studio', maxPrice: 50 },
    intent: s,
  },
  {
    message: 'Girne merkezde uzun dönem kiralık 2 veya 3 yatak odalı daire',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'karaoğlanoğlunda satılık villa 250 ile 350 bin sterlin arası',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 250000,
      maxPrice: 350000,
    },
    intent: s,
  },
  {
    message: 'daha ucuz',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'biraz daha pahalı olabilir',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: r,
  },
  {
    message: 'aynısı ama laptada',
    memory: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: r,
  },
  {
    message: 'mağusa olmasın',
    memory: { location: F, rentType: 'sale', propertyType: 'apartment' },
    facts: { excludeLocations: [F], rentType: 'sale', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'havuz şart değil',
    memory: { location: I, rentType: 'short_term', features: ['pool', 'sea_view'] },
    facts: { location: I, rentType: 'short_term', features: ['sea_view'] },
    intent: r,
  },
  {
    message: 'villa olsun',
    memory: { location: G, rentType: 'sale', propertyType: 'apartment', maxPrice: 300000 },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 300000 },
    intent: r,
  },
  {
    message: 'denize daha yakın olsun',
    memory: { location: G, rentType: 'short_term', propertyType: 'villa' },
    facts: { location: G, rentType: 'short_term', propertyType: 'villa', features: ['beach'] },
    intent: r,
  },
  {
    message: 'bütçe 800 olsun',
    memory: { location: L, rentType: 'long_term', maxPrice: 600 },
    facts: { location: L, rentType: 'long_term', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'eşyalı olsun bi de',
    memory: { location: F, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    facts: {
      location: F,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished'],
    },
    intent: r,
  },
  {
    message: 'esentepeye bakalım bir de',
    memory: { location: 'Lapta', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'baştan başlayalım',
    memory: { location: G, rentType: 'long_term' },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'daha ucuzlari yok mu',
    memory: { location: I, rentType: 'sale', maxPrice: 100000 },
    facts: { location: I, rentType: 'sale', maxPrice: 80000 },
    intent: r,
  },
  {
    message: 'satılık değil kiralık bakıyorum aslında',
    memory: { location: G, propertyType: 'apartment', rentType: 'sale' },
    facts: { location: G, propertyType: 'apartment', rentType: 'long_term' },
    intent: r,
  },
  { message: 'bir yetkiliyle görüşebilir miyim', facts: {}, intent: 'human' },
  {
    message: 'beni bir emlakçı arasın lütfen',
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'human',
  },
  { message: 'müşteri temsilcisine bağlar mısınız', facts: {}, intent: 'human' },
  {
    message: 'ikinci villayı pazar günü görmeye gelebilir miyiz',
    memory: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'sale', propertyType: 'villa' },
    intent: 'viewing',
  },
  {
    message: 'daireyi gezmek istiyorum, randevu ayarlayabilir misiniz',
    memory: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: F, rentType: 'long_term', propertyType: 'apartment' },
    intent: 'viewing',
  },
  {
    message: 'laptada 2+1 kiralık çıkarsa bana haber verin',
    facts: { location: 'Lapta', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  {
    message: 'yeni ilan gelince bildirim atar mısınız',
    memory: { location: I, rentType: 'sale' },
    facts: { location: I, rentType: 'sale' },
    intent: 'notify',
  },
  { message: 'yabancılar kıbrısta ev alabiliyor mu', facts: {}, intent: 'question:buying' },
  {
    message: 'eşdeğer koçan ile türk koçanı arasındaki fark ne',
    facts: {},
    intent: 'question:title_deeds',
  },
  { message: 'ev alırsam oturma izni alabilir miyim', facts: {}, intent: 'question:residency' },
  { message: 'tapu devri ne kadar sürüyor', facts: {}, intent: 'question:title_deeds' },
  {
    message: 'girnede 2+1 daireler ortalama kaça satılıyor',
    facts: {
      location: G,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'question:prices',
  },
  { message: 'ikamet almak için ne lazım', facts: {}, intent: 'question:residency' },
  { message: 'selamlar', facts: {}, intent: 'greeting' },
  { message: 'iyi günler', facts: {}, intent: 'greeting' },
  {
    message: 'çok sağ olun',
    memory: { location: G, rentType: 'long_term' },
    facts: { location: G, rentType: 'long_term' },
    intent: 'thanks',
  },
  { message: 'teşekkürler, eline sağlık', facts: {}, intent: 'thanks' },
  { message: 'girnede iyi bir kuaför biliyor musunuz', facts: {}, intent: 'off_topic' },
  { message: 'ercandan lefkoşaya taksi ne kadar', facts: {}, intent: 'off_topic' },
  { message: 'bu akşam maç hangi kanalda', facts: {}, intent: 'off_topic' },
  { message: "baf'ta kiralık ev var mı", facts: {}, intent: 'outside_area' },
  { message: "antalya'da satılık daire bakıyorum", facts: {}, intent: 'outside_area' },
  {
    message: 'limasolda villa',
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'outside_area',
  },
  {
    message: 'gırne 2+1 kıralık esyali, aylık max 750£',
    facts: {
      location: G,
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 750,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'slm, mağusa emu yakını 1+1 lazım kiralık',
    facts: { location: F, rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    intent: s,
  },
  {
    message: 'lefkosa ortakoyde satilik villa 3+1 havuzlu',
    facts: {
      location: L,
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: 'merhaba, iskele long beach taraflarında satılık stüdyo daire 70 bin sterlin bütçe',
    facts: { location: I, rentType: 'sale', propertyType: 'studio', maxPrice: 70000 },
    intent: s,
  },
];
