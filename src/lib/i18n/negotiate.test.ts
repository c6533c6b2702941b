import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dirOf, toLocale } from './locales.js';
import { negotiateLocale, parseAcceptLanguage } from './negotiate.js';

test('cookie wins over Accept-Language, which wins over Korean', () => {
  assert.equal(negotiateLocale('vi', 'en-US,en;q=0.9'), 'vi');
  assert.equal(negotiateLocale(undefined, 'th-TH,th;q=0.9,en;q=0.8'), 'th');
  assert.equal(negotiateLocale(undefined, 'de-DE,fr;q=0.8'), 'ko');
  assert.equal(negotiateLocale('xx', undefined), 'ko');
});

test('q-values order the preferences; q=0 is refused', () => {
  assert.deepEqual(parseAcceptLanguage('en;q=0.5, ne;q=0.9, *;q=0.1, ru;q=0'), ['ne', 'en']);
  assert.equal(negotiateLocale(undefined, 'de;q=1, uz;q=0.4'), 'uz');
});

test('tags map to our locales: tl is Filipino, regional variants fold', () => {
  assert.equal(toLocale('tl'), 'fil');
  assert.equal(toLocale('zh-TW'), 'zh');
  assert.equal(toLocale('UR-pk'), 'ur');
  assert.equal(toLocale('pt-BR'), null);
  assert.equal(dirOf('ur'), 'rtl');
  assert.equal(dirOf('ko'), 'ltr');
});
