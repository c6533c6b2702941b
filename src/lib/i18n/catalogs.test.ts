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

/** A value for every argument of a message, of the kind its syntax asks for (number for plurals, …). */
function sampleFor(els: MessageFormatElement[], out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const el of els) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.plural || el.type === TYPE.number) out[el.value] = 3;
    else if (el.type === TYPE.date || el.type === TYPE.time) out[el.value] = new Date('2026-11-26T12:00:00Z');
    else if (el.type === TYPE.select) out[el.value] = 'other';
    else if (el.type === TYPE.tag) out[el.value] = (chunks: unknown) => chunks;
    else if ('value' in el && typeof el.value === 'string') out[el.value] ??= 'X';
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) sampleFor(o.value, out);
    if (el.type === TYPE.tag) sampleFor(el.children, out);
  }
  return out;
}

test('every message compiles and uses the same placeholders as English', () => {
  for (const l of LOCALES) {
    for (const [key, msg] of Object.entries(catalogs[l])) {
      assert.ok(msg.trim().length > 0, `${l}:${key} is empty`);
      const fmt = new IntlMessageFormat(msg, BCP47[l]);
      const sample = sampleFor(parse(en[key] ?? msg));
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
