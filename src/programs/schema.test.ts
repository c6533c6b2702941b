// The programs filter schema reads repeated form names (several ticked boxes) and ignores "any" (empty) choices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonEmpty, programsQuery } from './schema.js';

test('several ticked family boxes all count; empty choices are ignored', () => {
  const q = programsQuery.parse(nonEmpty({ family: ['married-to-korean', 'has-children'], visa: 'e9', region: '', q: [''] }));
  assert.deepEqual(q.family, ['married-to-korean', 'has-children']);
  assert.equal(q.visa, 'E-9');
  assert.equal(q.region, undefined);
  assert.equal(q.q, undefined);
});
