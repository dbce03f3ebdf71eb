/**
 * Demo listing pictures, drawn as SVG from a key such as `demo-villa-pool-2` (a villa by
 * its pool, third palette) or `demo-room-bedroom-1`. Flat illustrations, not photos: they
 * show at a glance what kind of place a listing is, cost nothing to store in the seed
 * (listings hold only the key), and are rendered once, on first request.
 */

import { DEMO_ROOMS, DEMO_SETTINGS, DEMO_TYPES, DEMO_VARIANTS } from '@parley/validators';

type Setting = (typeof DEMO_SETTINGS)[number];
type DemoType = (typeof DEMO_TYPES)[number];
type Room = (typeof DEMO_ROOMS)[number];

// Morning, midday, evening: sky top/bottom, sun, walls, accent (shutters, roof trim).
const PALETTES = [
  {
    sky: ['#8ec9f0', '#e6f4fb'],
    sun: '#fff3b0',
    wall: '#f4ead8',
    accent: '#2f6f8f',
    hill: '#a9b77a',
  },
  {
    sky: ['#3f9de0', '#bfe3f7'],
    sun: '#fffbe0',
    wall: '#fbfbf7',
    accent: '#1f5d99',
    hill: '#8fa35f',
  },
  {
    sky: ['#f29b6b', '#fbd9a5'],
    sun: '#ffe0a0',
    wall: '#f2dcc0',
    accent: '#8a4b2a',
    hill: '#9a8a5a',
  },
];

const W = 1280;
const H = 960;

function windows(
  x: number,
  y: number,
  cols: number,
  rows: number,
  w: number,
  h: number,
  gx: number,
  gy: number,
  fill: string,
): string {
  let out = '';
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out += `<rect x="${x + c * (w + gx)}" y="${y + r * (h + gy)}" width="${w}" height="${h}" rx="4" fill="${fill}"/>`;
  return out;
}

function building(type: DemoType, p: (typeof PALETTES)[number], ground: number): string {
  const glass = '#9fd3ec';
  switch (type) {
    case 'villa':
      return `<rect x="300" y="${ground - 300}" width="680" height="300" fill="${p.wall}"/>
        <rect x="300" y="${ground - 316}" width="680" height="22" fill="#d9c9ae"/>
        <rect x="620" y="${ground - 430}" width="300" height="130" fill="${p.wall}"/>
        <rect x="610" y="${ground - 444}" width="320" height="18" fill="#d9c9ae"/>
        ${windows(340, ground - 250, 4, 1, 90, 120, 40, 0, glass)}
        ${windows(660, ground - 400, 2, 1, 100, 80, 40, 0, glass)}
        <rect x="860" y="${ground - 190}" width="80" height="190" fill="${p.accent}"/>`;
    case 'house':
      return `<rect x="380" y="${ground - 280}" width="520" height="280" fill="${p.wall}"/>
        <polygon points="350,${ground - 280} 640,${ground - 460} 930,${ground - 280}" fill="#b5553a"/>
        ${windows(420, ground - 240, 3, 1, 90, 100, 60, 0, glass)}
        <rect x="600" y="${ground - 150}" width="80" height="150" fill="${p.accent}"/>`;
    case 'bungalow':
      return `<rect x="260" y="${ground - 200}" width="760" height="200" fill="${p.wall}"/>
        <polygon points="230,${ground - 200} 640,${ground - 330} 1050,${ground - 200}" fill="#c0643f"/>
        ${windows(300, ground - 160, 5, 1, 90, 90, 50, 0, glass)}
        <rect x="230" y="${ground - 30}" width="820" height="30" fill="#d9c9ae"/>`;
    case 'studio':
      return `<rect x="200" y="${ground - 340}" width="880" height="340" fill="${p.wall}"/>
        ${windows(240, ground - 310, 6, 2, 100, 100, 38, 50, glass)}
        <rect x="520" y="${ground - 340}" width="220" height="340" fill="#efe3cf"/>
        <rect x="590" y="${ground - 120}" width="80" height="120" fill="${p.accent}"/>`;
    case 'penthouse':
      return `<rect x="380" y="${ground - 620}" width="520" height="620" fill="${p.wall}"/>
        ${windows(410, ground - 470, 4, 4, 95, 70, 30, 45, glass)}
        ${Array.from({ length: 4 }, (_, i) => `<rect x="390" y="${ground - 390 + i * 115}" width="500" height="10" fill="${p.accent}"/>`).join('')}
        <rect x="420" y="${ground - 720}" width="440" height="100" fill="${glass}" stroke="${p.accent}" stroke-width="8"/>
        <rect x="400" y="${ground - 730}" width="480" height="14" fill="${p.accent}"/>`;
    default:
      return `<rect x="330" y="${ground - 520}" width="620" height="520" fill="${p.wall}"/>
        ${windows(370, ground - 490, 5, 5, 80, 60, 36, 38, glass)}
        ${Array.from({ length: 5 }, (_, i) => `<rect x="340" y="${ground - 420 + i * 98}" width="600" height="8" fill="${p.accent}"/>`).join('')}`;
  }
}

function palm(x: number, ground: number, scale = 1): string {
  const top = ground - 260 * scale;
  const leaves = [-60, -25, 15, 50, 90]
    .map(
      (a) =>
        `<ellipse cx="${x}" cy="${top}" rx="${90 * scale}" ry="${18 * scale}" fill="#3f8f4a" transform="rotate(${a} ${x} ${top})"/>`,
    )
    .join('');
  return `<path d="M${x - 8 * scale},${ground} Q${x + 20 * scale},${ground - 140 * scale} ${x},${top}" stroke="#7a5a3a" stroke-width="${16 * scale}" fill="none"/>${leaves}`;
}

function exterior(type: DemoType, setting: Setting, variant: number): string {
  const p = PALETTES[variant % PALETTES.length]!;
  const horizon = 470;
  const ground = 760;
  const sea = setting === 'sea' || setting === 'pool';
  const back = sea
    ? `<rect y="${horizon}" width="${W}" height="${ground - horizon}" fill="#2f8fc4"/>
       <rect y="${horizon}" width="${W}" height="14" fill="#5fb3dc"/>`
    : `<path d="M0,${horizon + 40} Q300,${horizon - 80} 640,${horizon + 10} T${W},${horizon - 20} V${ground} H0 Z" fill="${p.hill}"/>`;
  const town =
    setting === 'town'
      ? `<rect x="40" y="${ground - 380}" width="200" height="380" fill="#e9dcc6"/>${windows(60, ground - 350, 2, 4, 60, 50, 40, 34, '#9fd3ec')}
         <rect x="1050" y="${ground - 300}" width="200" height="300" fill="#eadfcf"/>${windows(1070, ground - 270, 2, 3, 60, 50, 40, 34, '#9fd3ec')}`
      : '';
  const garden =
    setting === 'garden'
      ? `${palm(180, ground, 1.1)}${palm(1100, ground, 0.9)}
         <ellipse cx="260" cy="${ground}" rx="160" ry="50" fill="#4f9a4f"/><ellipse cx="1040" cy="${ground}" rx="180" ry="55" fill="#4f9a4f"/>`
      : palm(1120, ground, 0.8);
  const front =
    setting === 'pool'
      ? `<rect y="${ground}" width="${W}" height="${H - ground}" fill="#e8dcc4"/>
         <rect x="220" y="${ground + 40}" width="840" height="140" rx="26" fill="#39b5e0" stroke="#f7f1e5" stroke-width="14"/>
         <path d="M280,${ground + 90} q40,-14 80,0 t80,0 M640,${ground + 130} q40,-14 80,0 t80,0" stroke="#bff0ff" stroke-width="6" fill="none"/>`
      : setting === 'sea'
        ? `<rect y="${ground}" width="${W}" height="${H - ground}" fill="#ecd9a8"/>
           <path d="M0,${ground + 20} Q320,${ground - 10} 640,${ground + 15} T${W},${ground + 5}" stroke="#fff" stroke-width="8" fill="none"/>`
        : `<rect y="${ground}" width="${W}" height="${H - ground}" fill="${setting === 'garden' ? '#6fae5a' : '#cfc6b8'}"/>`;
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient></defs>
    <rect width="${W}" height="${H}" fill="url(#sky)"/>
    <circle cx="${220 + variant * 380}" cy="${150 + (variant === 2 ? 180 : 0)}" r="70" fill="${p.sun}"/>
    ${back}${town}${building(type, p, ground)}${garden}${front}`;
}

function interior(room: Room, variant: number): string {
  const p = PALETTES[variant % PALETTES.length]!;
  const floor = 640;
  const windowAt = (
    x: number,
  ) => `<rect x="${x}" y="150" width="380" height="300" fill="${p.sky[0]}" stroke="#fff" stroke-width="16"/>
    <rect x="${x}" y="330" width="380" height="120" fill="#2f8fc4"/><line x1="${x + 190}" y1="150" x2="${x + 190}" y2="450" stroke="#fff" stroke-width="10"/>`;
  const window = windowAt(760);
  const walls = `<rect width="${W}" height="${floor}" fill="${p.wall}"/>
    <rect y="${floor}" width="${W}" height="${H - floor}" fill="${variant === 1 ? '#c9a27a' : '#d8c7ae'}"/>`;
  switch (room) {
    case 'bedroom':
      return `${walls}${window}
        <rect x="180" y="420" width="560" height="80" rx="10" fill="#8a6a4a"/>
        <rect x="160" y="480" width="620" height="200" rx="20" fill="#f7f7f2"/>
        <rect x="160" y="560" width="620" height="120" rx="10" fill="${p.accent}"/>
        <rect x="210" y="455" width="160" height="60" rx="24" fill="#fff"/><rect x="420" y="455" width="160" height="60" rx="24" fill="#fff"/>
        <rect x="820" y="560" width="110" height="120" fill="#8a6a4a"/><circle cx="875" cy="530" r="34" fill="${p.sun}"/>`;
    case 'kitchen':
      return `${walls}${windowAt(450)}
        <rect x="80" y="480" width="1120" height="200" fill="#efefea"/><rect x="80" y="470" width="1120" height="20" fill="#6b6b6b"/>
        ${windows(100, 510, 7, 1, 140, 150, 18, 0, p.accent)}
        ${windows(100, 120, 2, 1, 140, 200, 18, 0, p.accent)}${windows(930, 120, 2, 1, 120, 200, 18, 0, p.accent)}`;
    case 'bathroom':
      return `<rect width="${W}" height="${H}" fill="#e9f1f3"/>
        ${Array.from({ length: 16 }, (_, i) => `<line x1="${i * 80}" y1="0" x2="${i * 80}" y2="${H}" stroke="#cfdde1" stroke-width="3"/>`).join('')}
        ${Array.from({ length: 12 }, (_, i) => `<line x1="0" y1="${i * 80}" x2="${W}" y2="${i * 80}" stroke="#cfdde1" stroke-width="3"/>`).join('')}
        <rect x="120" y="520" width="620" height="220" rx="60" fill="#fff" stroke="#b8c9cf" stroke-width="6"/>
        <rect x="880" y="200" width="240" height="300" rx="20" fill="#bfe3f0" stroke="#fff" stroke-width="12"/>
        <rect x="860" y="540" width="280" height="60" rx="10" fill="#fff"/><rect x="900" y="600" width="200" height="140" fill="${p.accent}"/>`;
    case 'terrace':
      return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient></defs>
        <rect width="${W}" height="${H}" fill="url(#sky)"/><rect y="430" width="${W}" height="240" fill="#2f8fc4"/>
        <circle cx="${300 + variant * 300}" cy="200" r="70" fill="${p.sun}"/>
        <rect y="660" width="${W}" height="300" fill="#d8c7ae"/>
        ${Array.from({ length: 26 }, (_, i) => `<rect x="${i * 50}" y="540" width="10" height="120" fill="#fff"/>`).join('')}
        <rect y="530" width="${W}" height="16" fill="#fff"/>
        <rect x="380" y="700" width="260" height="20" fill="#8a6a4a"/><rect x="420" y="720" width="16" height="120" fill="#8a6a4a"/><rect x="584" y="720" width="16" height="120" fill="#8a6a4a"/>
        <rect x="200" y="720" width="120" height="120" rx="12" fill="${p.accent}"/><rect x="700" y="720" width="120" height="120" rx="12" fill="${p.accent}"/>`;
    default:
      return `${walls}${window}
        <rect x="120" y="500" width="520" height="160" rx="30" fill="${p.accent}"/>
        <rect x="150" y="440" width="460" height="100" rx="30" fill="${p.accent}" opacity="0.85"/>
        <ellipse cx="420" cy="800" rx="360" ry="70" fill="#e9d5b5"/>
        <rect x="330" y="700" width="200" height="24" fill="#8a6a4a"/>
        <line x1="700" y1="660" x2="700" y2="400" stroke="#555" stroke-width="8"/><path d="M650,400 h100 l-30,-70 h-40 z" fill="${p.sun}"/>`;
  }
}

/** The SVG of a demo key, or null when the key names no demo picture. */
export function demoSvg(key: string, size: { width: number; height: number }): string | null {
  const parts = /^demo-(.+)-(\d{1,2})$/.exec(key);
  if (!parts) return null;
  const variant = Number(parts[2]);
  if (variant >= DEMO_VARIANTS) return null;
  const [first, second] = (parts[1] as string).split('-');
  let body: string;
  if (first === 'room' && DEMO_ROOMS.includes(second as Room))
    body = interior(second as Room, variant);
  else if (DEMO_TYPES.includes(first as DemoType) && DEMO_SETTINGS.includes(second as Setting))
    body = exterior(first as DemoType, second as Setting, variant);
  else return null;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${W} ${H}">${body}</svg>`;
}
