import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { foldDiacritics, matchForm, normalizeVisaCodes, wordTokens } from './normalize.js';
import { redact } from '../redact.js';

test('visa codes in every spelling become one form, prose does not', () => {
  for (const v of ['E9', 'e9', 'E-9', 'e-9', 'E 9', 'Е-9', 'Ｅ－９', 'E.9']) assert.equal(normalizeVisaCodes(v.normalize('NFKC')), 'E-9', v);
  assert.equal(normalizeVisaCodes('F4비자'), 'F-4비자');
  assert.equal(normalizeVisaCodes('D-10'), 'D-10');
  for (const prose of ['a 2 month wait', 'F-45', 'Z-9', 'e 9']) assert.equal(normalizeVisaCodes(prose), prose);
});

test('diacritics fold for Latin and Cyrillic, not for abugidas', () => {
  assert.equal(foldDiacritics('gia hạn thẻ cư trú ở đâu'), 'gia han the cu tru o dau');
  assert.equal(matchForm('Gia HẠN visa E9!!'), 'gia han visa e-9');
  assert.equal(foldDiacritics('ค่าแรง'), 'ค่าแรง');
  assert.equal(foldDiacritics('काम'), 'काम');
});

test('scripts without spaces are segmented into words', () => {
  assert.ok(wordTokens('ค่าแรงขั้นต่ำเกาหลี', 'th').length >= 3);
  assert.ok(wordTokens('我有外国人登录证', 'zh').length >= 3);
  assert.deepEqual(wordTokens('외국인등록증 lost what do'), ['외국인등록증', 'lost', 'what', 'do']);
});

test('normalization never throws and is idempotent on any text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const once = matchForm(s);
      assert.equal(matchForm(once), once);
      wordTokens(s);
    }),
  );
});

test('personal data is redacted, hotlines are kept', () => {
  const r = redact('my name is Tran Minh, ARC 950812-6234567, passport M12345678, call 010-9876-5432 or mail a@b.co; 1345 said ok');
  assert.doesNotMatch(r, /Tran|6234567|M12345678|9876|a@b\.co/);
  assert.match(r, /\[name\].*\[id-number\].*\[passport\].*\[phone\].*\[email\]/);
  assert.match(r, /1345/);
  assert.match(redact('제 이름은 김민수입니다'), /\[name\]/);
  assert.match(redact('+82 10 1234 5678'), /\[phone\]/);
});
