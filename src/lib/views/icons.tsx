// Inline SVG icons (no icon font, no extra request). `flip` icons mirror in right-to-left pages.
const paths: Record<string, string> = {
  chat: 'M4 5h16v10H8l-4 4V5z',
  pin: 'M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z',
  people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6H1zm16.5-5.8c2.9.4 5.5 2.2 5.5 5.8h-4.5c0-2.3-.4-4.2-1-5.8z',
  gift: 'M3 9h18v4H3zM5 13h14v8H5zM12 9v12M12 9c-2-4-6-4-6-1.5S9 9 12 9zm0 0c2-4 6-4 6-1.5S15 9 12 9z',
  help: 'M4 4h16v12H9l-5 4V4zm8 9v.01M12 11c0-2 2-1.8 2-3.5a2 2 0 0 0-4 0',
  globe: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 0c3 3 3 17 0 20m0-20c-3 3-3 17 0 20M2 12h20M4 7h16M4 17h16',
  // A ring with its left half filled (even-odd), the usual sign for contrast.
  contrast: 'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 1 0 0-16zm0 0a8 8 0 0 0 0 16z',
  phone: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1l-2.3 2.2z',
  arrow: 'M9 5l7 7-7 7',
  external: 'M14 4h6v6m0-6-9 9m7 1v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5',
  user: 'M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm-9 10c0-4.4 4-7 9-7s9 2.6 9 7H3z',
  alert: 'M12 2 1 21h22L12 2zm0 6v6m0 3v.01',
  home: 'M3 11 12 3l9 8v10h-6v-6H9v6H3V11z',
};

const FILLED = new Set(['pin', 'people', 'user', 'contrast', 'phone', 'home']);

export function Icon(props: { name: keyof typeof paths | string; flip?: boolean; class?: string }) {
  const d = paths[props.name] ?? '';
  const filled = FILLED.has(props.name);
  const cls = ['icon', props.flip ? 'icon-flip' : '', props.class ?? ''].filter(Boolean).join(' ');
  return (
    <svg class={cls} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill={filled ? 'currentColor' : 'none'}
        fill-rule={filled ? 'evenodd' : undefined}
        stroke={filled ? 'none' : 'currentColor'}
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
