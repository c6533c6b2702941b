// Which provider translates which language pair: TRANSLATION_CHAIN ("papago:ko>vi,th;google:*"), or the
// single TRANSLATION_PROVIDER for every pair. Entries are tried in order; a failing one hands over to the next.
import type { ProviderName, TranslationProvider } from './providers/types.js';

export interface ChainEntry {
  provider: ProviderName;
  sources: string[] | '*';
  targets: string[] | '*';
}

const list = (s: string): string[] | '*' => (s.trim() === '*' ? '*' : s.split(',').map((x) => x.trim()).filter(Boolean));

/** "papago:ko>vi,en" → sources [ko], targets [vi, en]; "deepl:ja,en" → any source; "google:*" → anything. */
export function parseChain(spec: string): ChainEntry[] {
  return spec
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => {
      const [name, langs = '*'] = e.split(':');
      const [a, b] = langs.split('>');
      return b === undefined
        ? { provider: name!.trim() as ProviderName, sources: '*' as const, targets: list(a!) }
        : { provider: name!.trim() as ProviderName, sources: list(a!), targets: list(b) };
    });
}

const matches = (set: string[] | '*', v: string | null) => set === '*' || (v !== null && set.includes(v));

/** The providers to try for a pair, in chain order, each once, skipping those that do not support it. */
export function candidatesFor(chain: ChainEntry[], providers: Map<ProviderName, TranslationProvider>, source: string | null, target: string): TranslationProvider[] {
  const out: TranslationProvider[] = [];
  for (const e of chain) {
    const p = providers.get(e.provider);
    if (!p || out.includes(p)) continue;
    if (matches(e.sources, source) && matches(e.targets, target) && p.supports(source, target)) out.push(p);
  }
  return out;
}
