// Small benchmarking helpers: percentiles over repeated async calls, and the machine description.
import { cpus, totalmem } from 'node:os';

export interface Section {
  title: string;
  rows: Array<[string, string]>;
  notes?: string[];
  /** Markdown appended after the notes as is (e.g. query plans). */
  extra?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs fn `n` times after `warmup` calls; returns latency percentiles in milliseconds. */
export async function measure(fn: () => Promise<unknown>, n: number, warmup = Math.min(50, n)) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), n };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}/${process.arch}`;
}
