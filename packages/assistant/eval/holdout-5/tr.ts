import type { EvalCase } from '../types';

/**
 * Held-out set 5, Turkish. Written blind on 2026-12-04 from docs/assistant.md (its
 * "What it understands", budgets, refinements and intents sections), the `searchFacts`
 * contract, the towns in `@parley/validators` and the sets' format only: not the rules'
 * code, their tests or any other set's messages. Committed before its first run. Many
 * messages are typed without Turkish letters, as people do on a phone.
 *
 * Conventions followed (documented): "ev" alone is any home and sets no property type;
 * "müstakil" alone is a house, with another type it only describes it; "kiralık" is a
 * long let, "günlük" / "gecelik" a holiday stay, "kış için" a long let; "kiralık değil
 * satılık" is buying; a village with no town of its own is its district (Çatalköy,
 * Ozanköy, Edremit, Karaoğlanoğlu, Dikmen -> Girne; Bafra, Boğaz, Mehmetçik -> İskele;
 * Gönyeli, Hamitköy -> Lefkoşa; Yeni Boğaziçi -> Gazimağusa); DAÜ -> Gazimağusa,
 * Yakın Doğu -> Lefkoşa, ODTÜ -> Güzelyurt; "daha ucuz" is budget x 0.8, "daha pahalı"
 * x 1.25; "haftalığı" is a weekly budget, divided by 7 into a nightly one; "Girne'de ...,
 * Lapta hariç" is Girne without Lapta.
 *
 * Conventions decided here (not spelt out in the docs):
 * - "N yatak odalı" is exactly N, as "2+1" is. "N oda" is left out (rooms or bedrooms).
 * - A bare amount ("150 bin", "70 bin") is in pounds. Lira, euros and dollars are left
 *   out: the conversion rate is not documented, so no exact label could be written.
 * - Every search with an amount names its rent type.
 * - "N kişilik" (for N people) is not a bedroom count.
 * - "eşyasız" (unfurnished) sets no feature.
 * - "daha büyük" / "daha küçük" are asked only of a memory holding a minimum bedroom
 *   count, and move it by one; a rent-type switch only of a memory without a budget.
 * - Questions, off-topic and outside-area messages change nothing: facts equal memory.
 */
export const TR_HOLDOUT_5: EvalCase[] = [
  // Plain searches
  {
    message: 'girnede kiralik 2+1 daire ariyorum, aylik 600 sterlin',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 600,
    },
    intent: 'search',
  },
  {
    message: "Magusa'da satilik 3+1 müstakil ev, bütçe 150 bin",
    facts: {
      location: 'Gazimağusa',
      rentType: 'sale',
      propertyType: 'house',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 150_000,
    },
    intent: 'search',
  },
  {
    message: 'lefkosada ogrenciye uygun studyo kiralik 280 sterline kadar',
    facts: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio', maxPrice: 280 },
    intent: 'search',
  },
  {
    message: 'iskele long beach satilik denize sifir daire',
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment', features: ['beach'] },
    intent: 'search',
  },
  {
    message: "Bellapais'te havuzlu villa gunluk kiralik",
    facts: {
      location: 'Bellapais',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'Alsancakta esyali 1+1 kiralik, evcil hayvan kabul eden',
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      features: ['furnished', 'pet_friendly'],
    },
    intent: 'search',
  },
  {
    message: 'catalkoyde satilik villa 3 yatak odali deniz manzarali',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['sea_view'],
    },
    intent: 'search',
  },
  {
    message: "DAÜ'ye yakın kiralık 2+1 daire max 400",
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 400,
    },
    intent: 'search',
  },
  {
    message: "Lapta'da uzun dönem kiralık müstakil ev bahçeli",
    facts: {
      location: 'Lapta',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: 'search',
  },
  {
    message: 'gazimagusa satilik penthouse',
    facts: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'penthouse' },
    intent: 'search',
  },
  {
    message: "Esentepe'de günlük kiralık villa, haftalığı en fazla 1050 sterlin",
    facts: { location: 'Esentepe', rentType: 'short_term', propertyType: 'villa', maxPrice: 150 },
    intent: 'search',
  },
  {
    message: 'kiralik degil satilik ariyorum, girnede 2+1',
    facts: { location: 'Girne', rentType: 'sale', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'search',
  },
  {
    message: 'guzelyurtta kiralik ev 3 yatak odali',
    facts: { location: 'Güzelyurt', rentType: 'long_term', minBedrooms: 3, maxBedrooms: 3 },
    intent: 'search',
  },
  {
    message: "Gönyeli'de satılık daire 80 bin sterline kadar",
    facts: { location: 'Lefkoşa', rentType: 'sale', propertyType: 'apartment', maxPrice: 80_000 },
    intent: 'search',
  },
  {
    message: 'karsiyakada satilik bungalov',
    facts: { location: 'Karşıyaka', rentType: 'sale', propertyType: 'bungalow' },
    intent: 'search',
  },
  {
    message: 'Girne merkezde günlük kiralık stüdyo, gecelik 50 sterlin',
    facts: { location: 'Girne', rentType: 'short_term', propertyType: 'studio', maxPrice: 50 },
    intent: 'search',
  },
  {
    message: 'ozankoyde havuzlu satilik villa 4+1 yarim milyona kadar',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      maxPrice: 500_000,
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: 'iskelede kiralik daire 500-700 arasi',
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      minPrice: 500,
      maxPrice: 700,
    },
    intent: 'search',
  },
  {
    message: "Boğaz'da denize sıfır satılık ev",
    facts: { location: 'İskele', rentType: 'sale', features: ['beach'] },
    intent: 'search',
  },
  {
    message: "Yakın Doğu'ya yakın kiralık eşyalı daire",
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: 'magusa kiralik 3+1 klimali otoparkli',
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      minBedrooms: 3,
      maxBedrooms: 3,
      features: ['air_conditioning', 'parking'],
    },
    intent: 'search',
  },
  {
    message: 'satılık villa arıyorum Girne, 300 bin ile 450 bin arası',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minPrice: 300_000,
      maxPrice: 450_000,
    },
    intent: 'search',
  },
  {
    message: 'kış için kiralık ev lazım Lapta, 700 sterlin max',
    facts: { location: 'Lapta', rentType: 'long_term', maxPrice: 700 },
    intent: 'search',
  },
  {
    message: 'alsancak satilik 2 veya 3 yatak odali daire',
    facts: {
      location: 'Alsancak',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 3,
    },
    intent: 'search',
  },
  {
    message: 'lefkosada kiralik daire esyasiz 2+1',
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'search',
  },
  {
    message: 'edremitte satilik mustakil villa bahceli havuzlu',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      features: ['garden', 'pool'],
    },
    intent: 'search',
  },
  {
    message: 'Mağusa gecelik kiralık daire 2 kişilik, 35 sterline kadar',
    facts: {
      location: 'Gazimağusa',
      rentType: 'short_term',
      propertyType: 'apartment',
      maxPrice: 35,
    },
    intent: 'search',
  },
  {
    message: 'hamitkoyde kiralik 1+1',
    facts: { location: 'Lefkoşa', rentType: 'long_term', minBedrooms: 1, maxBedrooms: 1 },
    intent: 'search',
  },
  {
    message: "Esentepe'de denize yakın satılık daire, 100 bin altı",
    facts: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      maxPrice: 100_000,
      features: ['beach'],
    },
    intent: 'search',
  },
  {
    message: 'girne kiralik penthouse deniz manzarali spor salonu olsun',
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'penthouse',
      features: ['sea_view', 'gym'],
    },
    intent: 'search',
  },
  {
    message: 'Güzelyurt ODTÜ yakını kiralık stüdyo',
    facts: { location: 'Güzelyurt', rentType: 'long_term', propertyType: 'studio' },
    intent: 'search',
  },
  {
    message: 'mehmetcikte satilik ev bakiyorum',
    facts: { location: 'İskele', rentType: 'sale' },
    intent: 'search',
  },
  {
    message: "Karaoğlanoğlu'nda kiralık daire balkonlu 650'ye kadar",
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 650,
      features: ['balcony'],
    },
    intent: 'search',
  },
  {
    message: 'satilik 4 yatak odali villa kyrenia havuz ve bahce',
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'villa',
      minBedrooms: 4,
      maxBedrooms: 4,
      features: ['pool', 'garden'],
    },
    intent: 'search',
  },
  {
    message: 'iskele 1+1 kiralik full esyali, 450 sterlin',
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      minBedrooms: 1,
      maxBedrooms: 1,
      maxPrice: 450,
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: 'bafrada gunluk kiralik villa 6 kisilik havuzlu',
    facts: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: "Lefkoşa'da 3+1 satılık daire 120 bine kadar otoparklı",
    facts: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 120_000,
      features: ['parking'],
    },
    intent: 'search',
  },
  {
    message: 'bellapais satilik ev 1 milyon sterline kadar',
    facts: { location: 'Bellapais', rentType: 'sale', maxPrice: 1_000_000 },
    intent: 'search',
  },
  {
    message: "Yeni Boğaziçi'nde kiralık ev 2 yatak odalı",
    facts: { location: 'Gazimağusa', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'search',
  },
  {
    message: 'dikmende kiralik mustakil ev',
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'house' },
    intent: 'search',
  },
  {
    message: 'magusa satilik 2+1 esyali daire 70 bin',
    facts: {
      location: 'Gazimağusa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 70_000,
      features: ['furnished'],
    },
    intent: 'search',
  },
  {
    message: "Long Beach'te kiralık daire, havuzlu site",
    facts: {
      location: 'İskele',
      rentType: 'long_term',
      propertyType: 'apartment',
      features: ['pool'],
    },
    intent: 'search',
  },
  {
    message: "Girne'de satılık villa, Lapta hariç",
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'sale',
      propertyType: 'villa',
    },
    intent: 'search',
  },
  {
    message: 'Mağusa dışında kiralık 2+1 daire',
    facts: {
      excludeLocations: ['Gazimağusa'],
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'search',
  },
  {
    message:
      'slm, karsiyakada kiralik bungalov var mi bahceli, kopegim var evcil hayvan kabul etmeli',
    facts: {
      location: 'Karşıyaka',
      rentType: 'long_term',
      propertyType: 'bungalow',
      features: ['garden', 'pet_friendly'],
    },
    intent: 'search',
  },

  // Refinements with memory
  {
    message: 'daha ucuz',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 750 },
    facts: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment', maxPrice: 600 },
    intent: 'refine',
  },
  {
    message: 'daha uygun olanlar var mi',
    memory: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'house', maxPrice: 150_000 },
    facts: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'house', maxPrice: 120_000 },
    intent: 'refine',
  },
  {
    message: 'daha pahalı da olabilir',
    memory: { location: 'Lapta', rentType: 'long_term', propertyType: 'house', maxPrice: 800 },
    facts: { location: 'Lapta', rentType: 'long_term', propertyType: 'house', maxPrice: 1000 },
    intent: 'refine',
  },
  {
    message: 'havuz olmasın',
    memory: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['pool', 'sea_view'],
    },
    facts: {
      location: 'İskele',
      rentType: 'short_term',
      propertyType: 'villa',
      features: ['sea_view'],
    },
    intent: 'refine',
  },
  {
    message: 'villa olsun',
    memory: {
      location: 'Esentepe',
      rentType: 'sale',
      propertyType: 'apartment',
      maxPrice: 200_000,
    },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa', maxPrice: 200_000 },
    intent: 'refine',
  },
  {
    message: "aynı ama Alsancak'ta",
    memory: { location: 'Lapta', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    facts: { location: 'Alsancak', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'refine',
  },
  {
    message: 'Mağusa olmasın',
    memory: { rentType: 'sale', propertyType: 'apartment', minBedrooms: 2, maxBedrooms: 2 },
    facts: {
      excludeLocations: ['Gazimağusa'],
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'refine',
  },
  {
    message: 'daha büyük',
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
    message: 'daha kucuk olsun',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa', minBedrooms: 4 },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa', minBedrooms: 3 },
    intent: 'refine',
  },
  {
    message: 'denize daha yakın olsun',
    memory: { location: 'İskele', rentType: 'sale', propertyType: 'apartment' },
    facts: { location: 'İskele', rentType: 'sale', propertyType: 'apartment', features: ['beach'] },
    intent: 'refine',
  },
  {
    message: 'kiralık değil satılık bakalım',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'villa' },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'baştan başlayalım',
    memory: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    facts: {},
    intent: 'reset',
  },
  {
    message: 'esyali olsun',
    memory: { location: 'Lefkoşa', rentType: 'long_term', propertyType: 'studio', maxPrice: 300 },
    facts: {
      location: 'Lefkoşa',
      rentType: 'long_term',
      propertyType: 'studio',
      maxPrice: 300,
      features: ['furnished'],
    },
    intent: 'refine',
  },
  {
    message: 'bahceli olanlar',
    memory: { location: 'Alsancak', rentType: 'long_term', propertyType: 'house' },
    facts: {
      location: 'Alsancak',
      rentType: 'long_term',
      propertyType: 'house',
      features: ['garden'],
    },
    intent: 'refine',
  },
  {
    message: 'Lapta hariç',
    memory: { location: 'Girne', rentType: 'long_term', propertyType: 'apartment' },
    facts: {
      location: 'Girne',
      excludeLocations: ['Lapta'],
      rentType: 'long_term',
      propertyType: 'apartment',
    },
    intent: 'refine',
  },
  {
    message: "Mağusa yerine İskele'de bak",
    memory: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      propertyType: 'apartment',
      maxPrice: 500,
    },
    facts: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'refine',
  },
  {
    message: 'en fazla 500 olsun',
    memory: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 650,
    },
    facts: {
      location: 'Gazimağusa',
      rentType: 'long_term',
      minBedrooms: 2,
      maxBedrooms: 2,
      maxPrice: 500,
    },
    intent: 'refine',
  },
  {
    message: '3+1 olsun',
    memory: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: 'Girne',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
    },
    intent: 'refine',
  },
  {
    message: 'daha ucuzunu göster',
    memory: { location: 'Bellapais', rentType: 'short_term', propertyType: 'villa' },
    facts: { location: 'Bellapais', rentType: 'short_term', propertyType: 'villa' },
    intent: 'refine',
  },
  {
    message: 'otopark da lazim',
    memory: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 120_000,
    },
    facts: {
      location: 'Lefkoşa',
      rentType: 'sale',
      propertyType: 'apartment',
      minBedrooms: 3,
      maxBedrooms: 3,
      maxPrice: 120_000,
      features: ['parking'],
    },
    intent: 'refine',
  },

  // Other intents
  {
    message: 'bir temsilciyle görüşmek istiyorum',
    facts: {},
    intent: 'human',
  },
  {
    message: 'beni arayabilir misiniz lutfen',
    memory: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 400_000 },
    facts: { location: 'Girne', rentType: 'sale', propertyType: 'villa', maxPrice: 400_000 },
    intent: 'human',
  },
  {
    message: 'daireyi yerinde görmek istiyorum, cumartesi olur mu',
    memory: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    facts: {
      location: 'Girne',
      rentType: 'long_term',
      propertyType: 'apartment',
      minBedrooms: 2,
      maxBedrooms: 2,
    },
    intent: 'viewing',
  },
  {
    message: "Lapta'da 2+1 kiralık çıkarsa bana haber verin",
    facts: { location: 'Lapta', rentType: 'long_term', minBedrooms: 2, maxBedrooms: 2 },
    intent: 'notify',
  },
  {
    message: 'yeni ilan gelince haber ver',
    memory: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'house', maxPrice: 150_000 },
    facts: { location: 'Gazimağusa', rentType: 'sale', propertyType: 'house', maxPrice: 150_000 },
    intent: 'notify',
  },
  {
    message: "yabancılar KKTC'de ev alabilir mi?",
    facts: {},
    intent: 'question:buying',
  },
  {
    message: 'tapu durumu nasil, esdeger tapu sorun olur mu',
    facts: {},
    intent: 'question:title_deeds',
  },
  {
    message: 'ev alirsam oturum izni alabilir miyim',
    facts: {},
    intent: 'question:residency',
  },
  {
    message: 'kaç para bunlar',
    memory: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    facts: { location: 'Esentepe', rentType: 'sale', propertyType: 'villa' },
    intent: 'question:prices',
  },
  {
    message: 'magusada iyi bir kuafor biliyor musunuz',
    facts: {},
    intent: 'off_topic',
  },
  {
    message: "Antalya'da satılık daire var mı",
    facts: {},
    intent: 'outside_area',
  },
  {
    message: 'merhaba iyi günler',
    facts: {},
    intent: 'greeting',
  },
  {
    message: 'selam, kimsiniz siz?',
    facts: {},
    intent: 'greeting',
  },
  {
    message: 'çok teşekkürler, sağolun',
    memory: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    facts: { location: 'İskele', rentType: 'long_term', propertyType: 'apartment', maxPrice: 500 },
    intent: 'thanks',
  },
];
