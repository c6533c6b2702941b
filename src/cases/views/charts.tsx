// Server-rendered SVG bar charts (no script, no inline style): one bar per row, suppressed rows show "<5".
export interface Bar {
  label: string;
  value: number | null;
}

const ROW = 28;
const LABEL_W = 190;
const WIDTH = 600;

export function BarChart({ bars, title, id }: { bars: Bar[]; title: string; id: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = bars.length * ROW + 8;
  const barW = WIDTH - LABEL_W - 60;
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-t`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = b.value === null ? 0 : Math.max(2, Math.round((b.value / max) * barW));
        return (
          <g>
            <text x="0" y={y + 18} class="chart-label">{b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}</text>
            {b.value === null ? null : <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 10} rx="3" class="chart-bar" />}
            <text x={LABEL_W + w + 6} y={y + 18} class={b.value === null ? 'chart-value chart-suppressed' : 'chart-value'}>{b.value === null ? '<5' : String(b.value)}</text>
          </g>
        );
      })}
    </svg>
  );
}
