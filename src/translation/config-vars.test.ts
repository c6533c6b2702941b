// The translation settings in src/config.ts: chains are validated, and a provider in use without its
// credentials stops the start with a clear line (never a silent "nothing is translated").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildConfig, ConfigError, parseEnv } from '../config.js';
import { chainFromConfig, providersFromConfig } from './providers/factory.js';

const problems = (env: Record<string, string>) => {
  try {
    parseEnv(env);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
};

test('defaults: no provider, 1.5 s render budget, personal data not sent', () => {
  const env = parseEnv({});
  assert.equal(env.TRANSLATION_PROVIDER, 'none');
  assert.equal(env.TRANSLATION_RENDER_BUDGET_MS, 1500);
  assert.equal(env.TRANSLATION_SEND_PERSONAL_DATA, false);
  assert.equal(env.TRANSLATION_MONTHLY_CHAR_BUDGET, '500000');
});

test('a provider in use needs its credentials; every missing one is listed', () => {
  assert.deepEqual(problems({ TRANSLATION_PROVIDER: 'deepl' }), ['DEEPL_API_KEY: is required when translating with deepl (set DEEPL_API_KEY)']);
  const p = problems({ TRANSLATION_CHAIN: 'papago:ko>vi;libretranslate:*;google:*' });
  assert.equal(p.length, 3);
  assert.ok(p.some((x) => x.startsWith('PAPAGO_API_KEY_ID:')) && p.some((x) => x.startsWith('LIBRETRANSLATE_BASE_URL:')) && p.some((x) => x.startsWith('GOOGLE_TRANSLATE_API_KEY:')));
  assert.deepEqual(problems({ TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_V3_PROJECT: 'p', GOOGLE_TRANSLATE_ACCESS_TOKEN: 't' }), []);
});

test('bad chains, budgets and budgets of time are refused', () => {
  assert.match(problems({ TRANSLATION_CHAIN: 'bing:*' })[0]!, /^TRANSLATION_CHAIN:/);
  assert.match(problems({ TRANSLATION_CHAIN: 'google:ko>' })[0]!, /^TRANSLATION_CHAIN:/);
  assert.match(problems({ TRANSLATION_MONTHLY_CHAR_BUDGET: 'lots' })[0]!, /^TRANSLATION_MONTHLY_CHAR_BUDGET:/);
  assert.match(problems({ TRANSLATION_RENDER_BUDGET_MS: '99999' })[0]!, /^TRANSLATION_RENDER_BUDGET_MS:/);
});

test('the chain and providers come from the configuration (v3 when a project is set)', () => {
  const c = buildConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent', TRANSLATION_CHAIN: 'papago:ko>vi;google:*', PAPAGO_API_KEY_ID: 'a', PAPAGO_API_KEY: 'b', GOOGLE_TRANSLATE_V3_PROJECT: 'proj', GOOGLE_TRANSLATE_ACCESS_TOKEN: 't' }));
  assert.deepEqual(chainFromConfig(c).map((e) => e.provider), ['papago', 'google']);
  const { providers } = providersFromConfig(c);
  assert.equal(providers.get('google')?.constructor.name, 'GoogleV3Provider');
  assert.equal(providers.get('papago')?.selfHosted, false);
  const single = buildConfig(parseEnv({ SESSION_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent', TRANSLATION_PROVIDER: 'libretranslate', LIBRETRANSLATE_BASE_URL: 'http://127.0.0.1:5000' }));
  assert.deepEqual(chainFromConfig(single), [{ provider: 'libretranslate', sources: '*', targets: '*' }]);
  assert.equal(providersFromConfig(single).providers.get('libretranslate')?.selfHosted, true);
});
