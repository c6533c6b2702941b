// The bundled knowledge base: valid, sourced, dated, complete in the promised locales, no unverified numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES } from '../../lib/i18n/locales.js';
import { loadArticles, loadContacts, phoneNumbersIn } from './load-content.js';

const articles = loadArticles();
const contacts = loadContacts();
const verified = new Set(contacts.flatMap((c) => [c.phone, ...(c.altPhone ? [c.altPhone] : [])]));

test('at least 80 articles, unique ids, every article sourced and dated', () => {
  assert.ok(articles.length >= 80, `only ${articles.length} articles`);
  assert.equal(new Set(articles.map((a) => a.id)).size, articles.length);
  for (const a of articles) {
    assert.ok(a.sources.length >= 1, `${a.id} has no source`);
    assert.ok(!Number.isNaN(Date.parse(a.reviewed)), `${a.id} review date`);
    assert.ok(Date.parse(a.reviewed) <= Date.now() + 86_400_000, `${a.id} reviewed in the future`);
  }
});

test('every phone number in any article is a verified official number', () => {
  for (const a of articles) {
    for (const [locale, text] of Object.entries(a.i18n)) {
      for (const n of phoneNumbersIn(JSON.stringify(text))) {
        assert.ok(verified.has(n), `${a.id} (${locale}) mentions ${n}, which is not in content/contacts.json`);
      }
    }
  }
});

test('contacts and related articles exist; at most 3 contacts', () => {
  const ids = new Set(articles.map((a) => a.id));
  const contactIds = new Set(contacts.map((c) => c.id));
  for (const a of articles) {
    for (const c of a.contacts) assert.ok(contactIds.has(c), `${a.id}: unknown contact ${c}`);
    for (const r of a.related) assert.ok(ids.has(r), `${a.id}: unknown related ${r}`);
  }
});

test('ko and en complete everywhere; the 40 most asked complete in all 20 locales; the rest have the basics', () => {
  for (const a of articles) {
    for (const l of ['ko', 'en'] as const) {
      const t = a.i18n[l]!;
      assert.ok(t.questions.length >= 8, `${a.id} ${l}: ${t.questions.length} questions`);
      assert.equal(t.status, 'reviewed', `${a.id} ${l} status`);
    }
    for (const l of LOCALES) {
      const t = a.i18n[l];
      assert.ok(t, `${a.id} lacks ${l}`);
      assert.ok(t.title && t.answer && t.questions.length >= 6, `${a.id} ${l} basics`);
      if (a.rank <= 40 && (a.i18n.en?.steps?.length ?? 0) > 0) {
        assert.ok((t.steps?.length ?? 0) > 0, `${a.id} ${l} steps (top 40)`);
      }
    }
  }
});

test('every contact is named in ko and en and has a source', () => {
  for (const c of contacts) {
    assert.ok(c.names.ko && c.names.en, `${c.id} names`);
    assert.ok(c.source.url.startsWith('http'), `${c.id} source`);
  }
});
