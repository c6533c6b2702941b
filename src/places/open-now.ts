// Is a place open at a given moment, in Korea's time? Schedules are weekly windows (a lunch break is
// two windows); a place without schedules is "unknown", never "open".
export interface Window {
  byday: string;
  opens: string;
  closes: string;
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

export function seoulClock(at: Date): { day: (typeof DAYS)[number]; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Seoul', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const day = get('weekday').slice(0, 2).toUpperCase() as (typeof DAYS)[number];
  return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function openState(windows: Window[], at: Date = new Date()): 'open' | 'closed' | 'unknown' {
  if (!windows.length) return 'unknown';
  const { day, minutes } = seoulClock(at);
  for (const w of windows) {
    if (!w.byday.split(',').includes(day)) continue;
    if (minutes >= toMin(w.opens) && minutes < toMin(w.closes)) return 'open';
  }
  return 'closed';
}
