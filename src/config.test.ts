import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, parseEnv } from './config.js';

test('defaults give a working embedded configuration', () => {
  const env = parseEnv({});
  assert.equal(env.PORT, 3000);
  assert.equal(env.DATA_DIR, './data');
  assert.equal(env.TRUST_PROXY, false);
  assert.equal(env.TRANSLATION_PROVIDER, 'none');
});

test('every bad value is listed at once, one line each', () => {
  try {
    parseEnv({ PORT: 'abc', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe', DATABASE_URL: 'mysql://x', BASE_URL: 'not a url' });
    assert.fail('should throw');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const keys = err.problems.map((p) => p.split(':')[0]);
    for (const k of ['PORT', 'LOG_LEVEL', 'TRUST_PROXY', 'DATABASE_URL', 'BASE_URL', 'SESSION_SECRET']) {
      assert.ok(keys.includes(k), `${k} missing from ${JSON.stringify(err.problems)}`);
    }
    assert.equal(err.message.split('\n').length, err.problems.length + 1);
    assert.match(err.message, /PORT: .*\(got "abc"\)/);
  }
});

test('SESSION_SECRET is required with DATABASE_URL, and never echoed', () => {
  assert.throws(() => parseEnv({ DATABASE_URL: 'postgres://localhost/x' }), /SESSION_SECRET: is required/);
  try {
    parseEnv({ SESSION_SECRET: 'short' });
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    assert.doesNotMatch(err.message, /short/);
  }
});

test('empty strings count as unset', () => {
  assert.equal(parseEnv({ PORT: '', LOG_LEVEL: '' }).PORT, 3000);
});
