import type { EvalCase } from '../types';

const s = 'search';
const r = 'refine';
const G = 'Girne';
const F = 'Gazimağusa';
const L = 'Lefkoşa';
const I = 'İskele';

/**
 * Held out (Turkish): written from the issue and from how people search in North Cyprus,
 * without reading the rules. Most without diacritics, as typed on phones.
 */
export const TR_HOLDOUT: EvalCase[] = [
  {
    message: 'girnede kiralik 1+1 daire 15 bin tl',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 300,
    },
    intent: s,
  },
  {
    message: "Magusa'da ogrenciye uygun esyali daire",
    facts: { location: F, propertyType: 'apartment', features: ['furnished'] },
    intent: s,
  },
  {
    message: 'lefkosada satilik 3+1 mustakil ev',
    facts: { location: L, rentType: 'sale', propertyType: 'house', minBedrooms: 3, maxBedrooms: 3 },
    intent: s,
  },
  {
    message: "iskele long beach'te gunluk kiralik daire",
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    intent: s,
  },
  {
    message: 'esentepede denize sifir satilik villa',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['beach'] },
    intent: s,
  },
  {
    message: 'alsancakta havuzlu villa kiralik aylik 1500 sterlin',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'villa',
      maxPrice: 1500,
      features: ['pool'],
    },
    intent: s,
  },
  {
    message: "lapta'da bahçeli müstakil ev arıyorum",
    facts: { location: 'Lapta', propertyType: 'house', features: ['garden'] },
    intent: s,
  },
  {
    message: 'kıbrıs girne 2+1 eşyalı kiralık daire 700 sterlin',
    facts: {
      location: G,
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 700,
      features: ['furnished'],
    },
    intent: s,
  },
  {
    message: 'karsiyaka satilik bungalov deniz manzarali',
    facts: {
      location: 'Karşıyaka',
      rentType: 'sale',
      propertyType: 'bungalow',
      features: ['sea_view'],
    },
    intent: s,
  },
  {
    message: 'gecelik 50 sterlinin altinda stüdyo magusa',
    facts: { location: F, rentType: 'short_term', propertyType: 'studio', maxPrice: 50 },
    intent: s,
  },
  {
    message: 'satilik penthouse girne 250 bin sterline kadar',
    facts: { location: G, rentType: 'sale', propertyType: 'penthouse', maxPrice: 250_000 },
    intent: s,
  },
  {
    message: "Bellapais'te 4+1 villa satılık",
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
    message: 'kiralık müstakil ev lefkoşa evcil hayvan kabul',
    facts: {
      location: L,
      rentType: 'long_term',
      propertyType: 'house',
      features: ['pet_friendly'],
    },
    intent: s,
  },
  {
    message: 'otoparkli klimali daire iskele kiralik',
    facts: {
      location: I,
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['parking', 'air_conditioning'],
    },
    intent: s,
  },
  {
    message: 'spor salonu ve havuzu olan site girne',
    facts: { location: G, features: ['pool', 'gym'] },
    intent: s,
  },
  {
    message: '2+1 ya da 3+1 daire gazimağusa satılık',
    facts: {
      location: F,
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: s,
  },
  {
    message: 'en az 2 yatak odalı villa tatil için',
    facts: { rentType: 'short_term', propertyType: 'villa', minBedrooms: 2 },
    intent: s,
  },
  {
    message: "aylık 20 bin TL'ye kadar kiralık daire",
    facts: { rentType: 'long_term', propertyType: 'apartment', maxPrice: 400 },
    intent: s,
  },
  {
    message: '100-150 bin sterlin arasi satilik daire',
    facts: { rentType: 'sale', propertyType: 'apartment', minPrice: 100_000, maxPrice: 150_000 },
    intent: s,
  },
  {
    message: 'girne disinda kiralik mustakil ev',
    facts: { rentType: 'long_term', propertyType: 'house', excludeLocations: [G] },
    intent: s,
  },
  {
    message: 'yazlik kiralik villa lapta 1 haftalik',
    facts: { location: 'Lapta', rentType: 'short_term', propertyType: 'villa' },
    intent: s,
  },
  {
    message: 'balkonlu 1+1 kiralik lefkosa 400 sterlin',
    facts: {
      location: L,
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 400,
      features: ['balcony'],
    },
    intent: s,
  },
  {
    message: 'kyrenia satılık villa 500k',
    facts: { location: G, rentType: 'sale', propertyType: 'villa', maxPrice: 500_000 },
    intent: s,
  },
  {
    message: 'iskelede 1+0 gunluk',
    facts: { location: I, rentType: 'short_term', propertyType: 'studio' },
    intent: s,
  },
  {
    message: "girne'de bir yer arıyorum, bütçem aylık 1000 pound",
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: s,
  },
  {
    message: 'mağusada denize yakın günlük daire 50 euro',
    facts: {
      location: F,
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 43,
      features: ['beach'],
    },
    intent: s,
  },
  {
    message: 'satilik villa esentepe havuzlu deniz manzarali 400 bin',
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'villa',
      maxPrice: 400_000,
      features: ['sea_view', 'pool'],
    },
    intent: s,
  },
  {
    message: 'kiralik daire girne 1.000 sterlin alti',
    facts: { location: G, rentType: 'long_term', propertyType: 'apartment', maxPrice: 1000 },
    intent: s,
  },
  {
    message: "girne'de 2+1 apartment kiralik",
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
    message: 'satilik villa with pool esentepe',
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', features: ['pool'] },
    intent: s,
  },
  {
    message: 'morfuda satilik mustakil ev',
    facts: { location: 'Güzelyurt', rentType: 'sale', propertyType: 'house' },
    intent: s,
  },
  {
    message: 'lefkoşa hariç 2+1 kiralık daire aylık 600 sterline kadar',
    facts: {
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
      excludeLocations: [L],
    },
    intent: s,
  },
  {
    message: 'alsancak villa gunluk 150 sterlin havuzlu',
    facts: {
      location: 'Alsancak',
      rentType: 'short_term',
      propertyType: 'villa',
      maxPrice: 150,
      features: ['pool'],
    },
    intent: s,
  },
  { message: "Larnaka'da kiralık daire", facts: {}, intent: 'outside_area' },
  { message: "Ayia Napa'da villa kiralamak istiyorum", facts: {}, intent: 'outside_area' },
  {
    message: "Paphos'ta ev bakıyorum",
    memory: { location: G, rentType: 'sale' },
    facts: { location: G, rentType: 'sale' },
    intent: 'outside_area',
  },
  { message: 'bugün maç kaçta', facts: {}, intent: 'off_topic' },
  {
    message: 'girnede iyi bir restoran önerir misin',
    memory: { location: I },
    facts: { location: I },
    intent: 'off_topic',
  },
  { message: 'yabancı biri kıbrısta ev alabilir mi', facts: {}, intent: 'question:buying' },
  { message: 'tapusu türk koçanı mı?', facts: {}, intent: 'question:title_deeds' },
  { message: 'ev alırsam oturma izni verilir mi', facts: {}, intent: 'question:residency' },
  {
    message: 'villa fiyatları nasıl esentepede',
    facts: { location: 'Esentepe', propertyType: 'villa' },
    intent: 'question:prices',
  },
  { message: 'bir emlakçı ile konuşmak istiyorum', facts: {}, intent: 'human' },
  { message: 'beni telefonla arayabilir misiniz', facts: {}, intent: 'human' },
  { message: 'daireyi görmeye gelebilir miyim', facts: {}, intent: 'viewing' },
  { message: 'yarın evi gezmek istiyorum', facts: {}, intent: 'viewing' },
  {
    message: 'girnede 2+1 cikinca haber verir misiniz',
    facts: { location: G, minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  {
    message: 'uygun villa çıkarsa bana haber ver',
    facts: { propertyType: 'villa' },
    intent: 'notify',
  },
  { message: 'selam', facts: {}, intent: 'greeting' },
  { message: 'merhabalar', facts: {}, intent: 'greeting' },
  { message: 'günaydın', facts: {}, intent: 'greeting' },
  { message: 'çok teşekkür ederim', facts: {}, intent: 'thanks' },
  { message: 'eyvallah', facts: {}, intent: 'thanks' },
  {
    message: 'biraz daha ucuz olsun',
    memory: { location: G, rentType: 'long_term', maxPrice: 1000 },
    facts: { location: G, rentType: 'long_term', maxPrice: 800 },
    intent: r,
  },
  {
    message: 'daha pahalı olanlar',
    memory: { location: G, rentType: 'long_term', maxPrice: 800 },
    facts: { location: G, rentType: 'long_term', maxPrice: 1000 },
    intent: r,
  },
  {
    message: 'daha fazla yatak odasi',
    memory: { location: G, propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: G, propertyType: 'apartment', minBedrooms: 3 },
    intent: r,
  },
  {
    message: 'laptada olsun',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Lapta', rentType: 'sale', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'havuzsuz da olur',
    memory: { location: 'Esentepe', propertyType: 'villa', features: ['pool'] },
    facts: { location: 'Esentepe', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'daire yerine villa bak',
    memory: { location: G, rentType: 'long_term', propertyType: 'apartment' },
    facts: { location: G, rentType: 'long_term', propertyType: 'villa' },
    intent: r,
  },
  {
    message: 'girne olmasin',
    memory: { location: G, rentType: 'long_term' },
    facts: { rentType: 'long_term', excludeLocations: [G] },
    intent: r,
  },
  {
    message: 'aslinda tatil icin',
    memory: { location: I, rentType: 'long_term', propertyType: 'apartment', maxPrice: 700 },
    facts: { location: I, rentType: 'short_term', propertyType: 'apartment' },
    intent: r,
  },
  {
    message: 'deniz manzarali olsun',
    memory: { location: G, rentType: 'sale', propertyType: 'villa' },
    facts: { location: G, rentType: 'sale', propertyType: 'villa', features: ['sea_view'] },
    intent: r,
  },
  { message: 'yeniden başlayalım', memory: { location: G }, facts: {}, intent: 'reset' },
  {
    message: 'en fazla 1200 olsun',
    memory: { location: F, rentType: 'long_term' },
    facts: { location: F, rentType: 'long_term', maxPrice: 1200 },
    intent: r,
  },
  {
    message: 'eşyalı olsun',
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
    message: 'daha küçük bir şey',
    memory: { location: G, minBedrooms: 3, maxBedrooms: 3 },
    facts: { location: G, maxBedrooms: 2 },
    intent: r,
  },
];
