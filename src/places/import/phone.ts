// Korean phone numbers in their usual dashed form (02-123-4567, 031-123-4567, 1577-1366), from any spacing.
export function normalizePhone(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const d = raw.replace(/[^\d]/g, '');
  if (!d) return undefined;
  if (/^1\d{2,3}$/.test(d)) return d;
  if (/^1[5-9]\d{6}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`;
  if (d.startsWith('02')) return d.length === 9 ? `02-${d.slice(2, 5)}-${d.slice(5)}` : d.length === 10 ? `02-${d.slice(2, 6)}-${d.slice(6)}` : raw.trim();
  if (/^0\d{9,10}$/.test(d)) return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}` : `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  return raw.trim(); // left as given: validation will reject it with "bad phone format"
}
