// Every UI key exists in every locale, every message compiles, and placeholders match English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { allCatalogs } from './messages.js';
import { BCP47, LOCALES } from './locales.js';

function argNames(els: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string') out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) argNames(o.value, out);
    if (el.type === TYPE.tag) argNames(el.children, out);
  }
  return out;
}

const catalogs = allCatalogs();
const en = catalogs.en;

test('all 20 catalogs exist and have exactly the English keys', () => {
  for (const l of LOCALES) {
    const keys = Object.keys(catalogs[l]);
    assert.ok(keys.length > 0, `locales/${l}.json is missing or empty`);
    const missing = Object.keys(en).filter((k) => !(k in catalogs[l]));
    const extra = keys.filter((k) => !(k in en));
    assert.deepEqual(missing, [], `${l} lacks keys`);
    assert.deepEqual(extra, [], `${l} has unknown keys`);
  }
});

test('every message compiles and uses the same placeholders as English', () => {
  const sample = { name: 'X', min: 10, count: 3, seconds: 30, section: 'S', date: '2026-11-26', number: '1345', role: 'R', query: 'visa', place: 'Ansan', distance: '1.2 km', source: 'ieum', language: 'Korean', provider: 'google' };
  for (const l of LOCALES) {
    for (const [key, msg] of Object.entries(catalogs[l])) {
      assert.ok(msg.trim().length > 0, `${l}:${key} is empty`);
      const fmt = new IntlMessageFormat(msg, BCP47[l]);
      assert.doesNotThrow(() => fmt.format(sample), `${l}:${key}`);
      const want = [...argNames(parse(en[key] ?? ''))].sort();
      const got = [...argNames(parse(msg))].sort();
      assert.deepEqual(got, want, `${l}:${key} placeholders`);
    }
  }
});

test('emergency numbers survive translation', () => {
  for (const l of LOCALES) {
    assert.match(catalogs[l]['home.emergency.body'] ?? '', /119/, `${l} home.emergency.body`);
    assert.match(catalogs[l]['home.emergency.body'] ?? '', /112/, `${l} home.emergency.body`);
  }
});
