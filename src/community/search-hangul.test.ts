// Community search for two Hangul syllables: the jamo prefilter (migrations/0012) changes the plan, never the results.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DbHandle } from '../lib/db/open.js';
import { testDatabases } from '../lib/testing/test-db.js';
import { listPosts } from './queries.js';

const TEXTS = [
  ['취업비자 문의', '비자가 곧 끝나요.'], // inside a longer word, and with a particle
  ['E-9비자 연장', 'visa 연장 서류'], // next to Latin letters and digits
  ['수영장 안내', '주말 수영 강습이 있어요.'],
  ['비잔틴 역사', '비잔티움'], // 비잔 starts like 비자 in jamo (ㅂㅣㅈㅏㄴ) but does not contain it
  ['Visa question', 'Xin chào, bảo hiểm?'],
];

for (const tdb of testDatabases()) {
  describe(`community search, two Hangul syllables, on ${tdb.name}`, () => {
    let dbh: DbHandle;
    let space: number;
    before(async () => {
      dbh = await tdb.open();
      const db = dbh.db;
      const u = await db.insertInto('users').values({ username: 'hangul-search' }).returning('id').executeTakeFirstOrThrow();
      space = (await db.selectFrom('community_spaces').select('id').where('slug', '=', 'vietnam').executeTakeFirstOrThrow()).id;
      for (const [i, [title, body]] of TEXTS.entries()) {
        await db.insertInto('community_posts').values({ space_id: space, author_id: u.id, topic: 'questions', title: title!, body: body!, content_hash: `h${i}` }).execute();
      }
    });
    after(() => dbh.close());

    const titles = async (q: string) => (await listPosts(dbh.db, { spaceIds: [space], q, limit: 20 })).posts.map((p) => p.title).sort();

    test('finds the syllables anywhere, also inside words and beside other scripts, and nothing that only shares jamo', async () => {
      assert.deepEqual(await titles('비자'), ['E-9비자 연장', '취업비자 문의']);
      assert.deepEqual(await titles('수영'), ['수영장 안내']);
      assert.deepEqual(await titles('연장'), ['E-9비자 연장']);
      assert.deepEqual(await titles('비잔'), ['비잔틴 역사']);
      assert.deepEqual(await titles('스쿠'), []);
    });

    test('mixed and longer queries keep working without the prefilter', async () => {
      assert.deepEqual(await titles('9비자'), ['E-9비자 연장']);
      assert.deepEqual(await titles('취업비자'), ['취업비자 문의']);
      assert.deepEqual(await titles('bảo hiểm'), ['Visa question']);
    });
  });
}
