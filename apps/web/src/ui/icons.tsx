/** A few line icons (24px grid, currentColor); always decorative, the button carries the name. */
const PATHS = {
  plus: 'M12 5v14M5 12h14',
  pencil: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  archive: 'M4 7h16M5 7v12h14V7M9 11h6M3 4h18v3H3z',
  unarchive: 'M4 7h16M5 7v12h14V7M12 17v-6M9.5 13.5 12 11l2.5 2.5M3 4h18v3H3z',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  copy: 'M8 8h11v12H8zM5 16V4h11',
  back: 'M15 18l-6-6 6-6',
  next: 'M9 18l6-6-6-6',
  heart:
    'M12 20s-7-4.4-9.2-9C1.3 7.6 3.4 4 7 4c2 0 3.4 1 5 3 1.6-2 3-3 5-3 3.6 0 5.7 3.6 4.2 7-2.2 4.6-9.2 9-9.2 9z',
  map: 'M9 4L3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14',
  list: 'M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4zM12 17a4 4 0 100-8 4 4 0 000 8z',
  send: 'M4 12l16-8-6 16-2-7-8-1z',
  globe:
    'M12 3a9 9 0 100 18 9 9 0 000-18zM3.5 9h17M3.5 15h17M12 3c-2.4 2.6-3.6 5.6-3.6 9s1.2 6.4 3.6 9M12 3c2.4 2.6 3.6 5.6 3.6 9s-1.2 6.4-3.6 9',
  chevronDown: 'M6 9l6 6 6-6',
  arrowDown: 'M12 5v14M6 13l6 6 6-6',
  bell: 'M6 16V11a6 6 0 1112 0v5l2 2H4l2-2zM10 20a2 2 0 004 0',
  pause: 'M8 5v14M16 5v14',
  play: 'M7 5l12 7-12 7z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({
  name,
  size = 18,
  filled = false,
}: {
  name: IconName;
  size?: number;
  /** Filled with currentColor (a chosen heart). */
  filled?: boolean;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
