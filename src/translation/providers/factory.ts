// Builds the configured providers and chain from the environment (src/config.ts parsed it).
import type { Config } from '../../config.js';
import { parseChain, type ChainEntry } from '../chain.js';
import { DeepLProvider, type RemoteGlossaryStore } from './deepl.js';
import { GoogleV2Provider, GoogleV3Provider } from './google.js';
import { LibreTranslateProvider } from './libretranslate.js';
import { OpenAiProvider } from './openai.js';
import { PapagoProvider } from './papago.js';
import type { ProviderName, TranslationProvider } from './types.js';

export function chainFromConfig(config: Config): ChainEntry[] {
  if (config.TRANSLATION_CHAIN) return parseChain(config.TRANSLATION_CHAIN);
  return config.TRANSLATION_PROVIDER === 'none' ? [] : [{ provider: config.TRANSLATION_PROVIDER, sources: '*', targets: '*' }];
}

function make(name: ProviderName, c: Config, store?: RemoteGlossaryStore): TranslationProvider | null {
  switch (name) {
    case 'google':
      // v3 (Advanced) when a project is configured, else v2 (Basic) with an API key.
      if (c.GOOGLE_TRANSLATE_V3_PROJECT && (c.GOOGLE_TRANSLATE_ACCESS_TOKEN || c.GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE)) {
        // A token file (kept fresh by a sidecar) wins over a fixed token.
        return new GoogleV3Provider({ accessToken: c.GOOGLE_TRANSLATE_ACCESS_TOKEN, tokenFile: c.GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE, baseUrl: c.GOOGLE_TRANSLATE_BASE_URL, project: c.GOOGLE_TRANSLATE_V3_PROJECT, location: c.GOOGLE_TRANSLATE_V3_LOCATION, glossaryId: c.GOOGLE_TRANSLATE_V3_GLOSSARY });
      }
      return c.GOOGLE_TRANSLATE_API_KEY ? new GoogleV2Provider({ apiKey: c.GOOGLE_TRANSLATE_API_KEY, baseUrl: c.GOOGLE_TRANSLATE_BASE_URL }) : null;
    case 'deepl':
      return c.DEEPL_API_KEY ? new DeepLProvider({ apiKey: c.DEEPL_API_KEY, baseUrl: c.DEEPL_BASE_URL, store }) : null;
    case 'papago':
      return c.PAPAGO_API_KEY_ID && c.PAPAGO_API_KEY ? new PapagoProvider({ keyId: c.PAPAGO_API_KEY_ID, key: c.PAPAGO_API_KEY, baseUrl: c.PAPAGO_BASE_URL }) : null;
    case 'libretranslate':
      return c.LIBRETRANSLATE_BASE_URL ? new LibreTranslateProvider({ baseUrl: c.LIBRETRANSLATE_BASE_URL, apiKey: c.LIBRETRANSLATE_API_KEY }) : null;
    case 'openai':
      return c.OPENAI_API_KEY
        ? new OpenAiProvider({ baseUrl: c.OPENAI_BASE_URL ?? 'https://api.openai.com/v1', apiKey: c.OPENAI_API_KEY, model: c.OPENAI_TRANSLATION_MODEL, timeoutMs: c.TRANSLATION_TIMEOUT_MS })
        : null;
  }
}

/** Every provider the chain names, built once. */
export function providersFromConfig(config: Config, store?: RemoteGlossaryStore): { chain: ChainEntry[]; providers: Map<ProviderName, TranslationProvider> } {
  const chain = chainFromConfig(config);
  const providers = new Map<ProviderName, TranslationProvider>();
  for (const e of chain) {
    if (providers.has(e.provider)) continue;
    const p = make(e.provider, config, store);
    if (p) providers.set(e.provider, p);
  }
  return { chain, providers };
}
