import type { District } from '@parley/validators';

/**
 * Places people search near rather than in: universities (students rent by the campus)
 * and sights, by the district whose town a local agent would search. Abbreviations in
 * English and Turkish ("EMU", "DAÜ"), full names as written in either language; Turkish
 * endings ("DAÜ'ye", "Yakın Doğu'da") are read by the place reader like a town's. Russian
 * abbreviations are left out: "ЕМУ" is an ordinary word ("to him").
 */
export const LANDMARKS: Readonly<Record<District, readonly string[]>> = {
  Gazimağusa: [
    'EMU',
    'DAÜ',
    'Eastern Mediterranean University',
    'Eastern Mediterranean',
    'Doğu Akdeniz Üniversitesi',
    'Doğu Akdeniz',
    'Восточно Средиземноморский',
    'Восточно Средиземноморский университет',
    'Ada Kent',
    'Glapsides',
    'Palm Beach',
  ],
  Lefkoşa: [
    'NEU',
    'YDÜ',
    'Near East University',
    'Near East Uni',
    'Yakın Doğu',
    'Yakın Doğu Üniversitesi',
    'Ближневосточный университет',
    'Ближневосточный',
    'CIU',
    'UKÜ',
    'Cyprus International University',
    'Uluslararası Kıbrıs Üniversitesi',
    'Uluslararası Kıbrıs',
    'BAU Cyprus',
    'Bahçeşehir Kıbrıs',
    'Ercan',
    'Ercan Airport',
    'Ercan Havalimanı',
    'Burhan Nalbantoğlu',
  ],
  Girne: [
    'GAU',
    'Final International University',
    'Final Üniversitesi',
    'FIU',
    'St Hilarion',
    'Saint Hilarion',
    'Acapulco',
    'Escape Beach',
  ],
  İskele: ['Kantara Castle', 'Kantara Kalesi'],
  Güzelyurt: [
    'METU',
    'ODTÜ',
    'METU NCC',
    'ODTÜ KKK',
    'Middle East Technical University',
    'EUL',
    'LAÜ',
    'European University of Lefke',
    'Lefke Avrupa Üniversitesi',
  ],
};
